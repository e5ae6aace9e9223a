from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.principal_usage_read import PrincipalUsageRead


T = TypeVar("T", bound="DailyUsageRead")


@_attrs_define
class DailyUsageRead:
    """
    Attributes:
        day (datetime.date):
        requests (int):
        principals (list[PrincipalUsageRead]):
    """

    day: datetime.date
    requests: int
    principals: list[PrincipalUsageRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        day = self.day.isoformat()

        requests = self.requests

        principals = []
        for principals_item_data in self.principals:
            principals_item = principals_item_data.to_dict()
            principals.append(principals_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "day": day,
                "requests": requests,
                "principals": principals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.principal_usage_read import PrincipalUsageRead  # noqa: PLC0415

        d = dict(src_dict)
        day = datetime.date.fromisoformat(d.pop("day"))

        requests = d.pop("requests")

        principals = []
        _principals = d.pop("principals")
        for principals_item_data in _principals:
            principals_item = PrincipalUsageRead.from_dict(principals_item_data)

            principals.append(principals_item)

        daily_usage_read = cls(
            day=day,
            requests=requests,
            principals=principals,
        )

        daily_usage_read.additional_properties = d
        return daily_usage_read

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
