from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PrincipalUsageRead")


@_attrs_define
class PrincipalUsageRead:
    """
    Attributes:
        principal_type (str):
        principal_id (str):
        requests (int):
    """

    principal_type: str
    principal_id: str
    requests: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        principal_type = self.principal_type

        principal_id = self.principal_id

        requests = self.requests

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "principal_type": principal_type,
                "principal_id": principal_id,
                "requests": requests,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        principal_type = d.pop("principal_type")

        principal_id = d.pop("principal_id")

        requests = d.pop("requests")

        principal_usage_read = cls(
            principal_type=principal_type,
            principal_id=principal_id,
            requests=requests,
        )

        principal_usage_read.additional_properties = d
        return principal_usage_read

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
