from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RequirementRead")


@_attrs_define
class RequirementRead:
    """
    Attributes:
        key (str):
        name (str):
        kind (str):
        covered_by (list[str]): Names of the plan's interviews that rate it.
    """

    key: str
    name: str
    kind: str
    covered_by: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        kind = self.kind

        covered_by = self.covered_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "kind": kind,
                "covered_by": covered_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        kind = d.pop("kind")

        covered_by = cast(list[str], d.pop("covered_by"))

        requirement_read = cls(
            key=key,
            name=name,
            kind=kind,
            covered_by=covered_by,
        )

        requirement_read.additional_properties = d
        return requirement_read

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
