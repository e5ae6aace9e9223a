from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.weekly_window import WeeklyWindow


T = TypeVar("T", bound="AvailabilityRead")


@_attrs_define
class AvailabilityRead:
    """
    Attributes:
        user_id (UUID):
        time_zone (None | str):
        windows (list[WeeklyWindow]):
    """

    user_id: UUID
    time_zone: None | str
    windows: list[WeeklyWindow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        time_zone: None | str
        time_zone = self.time_zone

        windows = []
        for windows_item_data in self.windows:
            windows_item = windows_item_data.to_dict()
            windows.append(windows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "time_zone": time_zone,
                "windows": windows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weekly_window import WeeklyWindow  # noqa: PLC0415

        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))

        def _parse_time_zone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        time_zone = _parse_time_zone(d.pop("time_zone"))

        windows = []
        _windows = d.pop("windows")
        for windows_item_data in _windows:
            windows_item = WeeklyWindow.from_dict(windows_item_data)

            windows.append(windows_item)

        availability_read = cls(
            user_id=user_id,
            time_zone=time_zone,
            windows=windows,
        )

        availability_read.additional_properties = d
        return availability_read

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
