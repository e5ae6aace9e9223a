from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.table import Table


T = TypeVar("T", bound="Section")


@_attrs_define
class Section:
    """A titled part of the guide: paragraphs, a table, bullet lists and sub-sections.

    Attributes:
        id (str):
        title (str):
        paragraphs (list[str] | Unset):
        bullets (list[str] | Unset):
        subsections (list[Section] | Unset):
        table (None | Table | Unset):
    """

    id: str
    title: str
    paragraphs: list[str] | Unset = UNSET
    bullets: list[str] | Unset = UNSET
    subsections: list[Section] | Unset = UNSET
    table: None | Table | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.table import Table  # noqa: PLC0415

        id = self.id

        title = self.title

        paragraphs: list[str] | Unset = UNSET
        if not isinstance(self.paragraphs, Unset):
            paragraphs = self.paragraphs

        bullets: list[str] | Unset = UNSET
        if not isinstance(self.bullets, Unset):
            bullets = self.bullets

        subsections: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subsections, Unset):
            subsections = []
            for subsections_item_data in self.subsections:
                subsections_item = subsections_item_data.to_dict()
                subsections.append(subsections_item)

        table: dict[str, Any] | None | Unset
        if isinstance(self.table, Unset):
            table = UNSET
        elif isinstance(self.table, Table):
            table = self.table.to_dict()
        else:
            table = self.table

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
            }
        )
        if paragraphs is not UNSET:
            field_dict["paragraphs"] = paragraphs
        if bullets is not UNSET:
            field_dict["bullets"] = bullets
        if subsections is not UNSET:
            field_dict["subsections"] = subsections
        if table is not UNSET:
            field_dict["table"] = table

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.table import Table  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        paragraphs = cast(list[str], d.pop("paragraphs", UNSET))

        bullets = cast(list[str], d.pop("bullets", UNSET))

        _subsections = d.pop("subsections", UNSET)
        subsections: list[Section] | Unset = UNSET
        if _subsections is not UNSET:
            subsections = []
            for subsections_item_data in _subsections:
                subsections_item = Section.from_dict(subsections_item_data)

                subsections.append(subsections_item)

        def _parse_table(data: object) -> None | Table | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                table_type_0 = Table.from_dict(data)

                return table_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Table | Unset, data)

        table = _parse_table(d.pop("table", UNSET))

        section = cls(
            id=id,
            title=title,
            paragraphs=paragraphs,
            bullets=bullets,
            subsections=subsections,
            table=table,
        )

        section.additional_properties = d
        return section

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
