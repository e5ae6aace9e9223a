from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RejectedApplications")


@_attrs_define
class RejectedApplications:
    """
    Attributes:
        application_ids (list[UUID]):
    """

    application_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_ids = []
        for application_ids_item_data in self.application_ids:
            application_ids_item = str(application_ids_item_data)
            application_ids.append(application_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_ids": application_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_ids = []
        _application_ids = d.pop("application_ids")
        for application_ids_item_data in _application_ids:
            application_ids_item = UUID(application_ids_item_data)

            application_ids.append(application_ids_item)

        rejected_applications = cls(
            application_ids=application_ids,
        )

        rejected_applications.additional_properties = d
        return rejected_applications

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
