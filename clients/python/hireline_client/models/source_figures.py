from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SourceFigures")


@_attrs_define
class SourceFigures:
    """
    Attributes:
        source (str):
        applications (int):
        interviewed (int): Applications with an interview (not cancelled).
        offered (int): Applications that were sent an offer.
        hired (int):
    """

    source: str
    applications: int
    interviewed: int
    offered: int
    hired: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        applications = self.applications

        interviewed = self.interviewed

        offered = self.offered

        hired = self.hired

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "applications": applications,
                "interviewed": interviewed,
                "offered": offered,
                "hired": hired,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        applications = d.pop("applications")

        interviewed = d.pop("interviewed")

        offered = d.pop("offered")

        hired = d.pop("hired")

        source_figures = cls(
            source=source,
            applications=applications,
            interviewed=interviewed,
            offered=offered,
            hired=hired,
        )

        source_figures.additional_properties = d
        return source_figures

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
