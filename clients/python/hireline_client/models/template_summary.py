from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.template_summary_origin import TemplateSummaryOrigin

T = TypeVar("T", bound="TemplateSummary")


@_attrs_define
class TemplateSummary:
    """
    Attributes:
        key (str):
        title (str):
        family (str):
        summary (str):
        aliases (list[str]):
        origin (TemplateSummaryOrigin):
        version (int):
        forked_from (None | str):
    """

    key: str
    title: str
    family: str
    summary: str
    aliases: list[str]
    origin: TemplateSummaryOrigin
    version: int
    forked_from: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        family = self.family

        summary = self.summary

        aliases = self.aliases

        origin = self.origin.value

        version = self.version

        forked_from: None | str
        forked_from = self.forked_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "family": family,
                "summary": summary,
                "aliases": aliases,
                "origin": origin,
                "version": version,
                "forked_from": forked_from,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        family = d.pop("family")

        summary = d.pop("summary")

        aliases = cast(list[str], d.pop("aliases"))

        origin = TemplateSummaryOrigin(d.pop("origin"))

        version = d.pop("version")

        def _parse_forked_from(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        forked_from = _parse_forked_from(d.pop("forked_from"))

        template_summary = cls(
            key=key,
            title=title,
            family=family,
            summary=summary,
            aliases=aliases,
            origin=origin,
            version=version,
            forked_from=forked_from,
        )

        template_summary.additional_properties = d
        return template_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
