from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.weekly_window import WeeklyWindow


T = TypeVar("T", bound="AvailabilityWrite")


@_attrs_define
class AvailabilityWrite:
    """
    Attributes:
        time_zone (str): IANA time zone, e.g. Europe/Berlin.
        windows (list[WeeklyWindow]):
    """

    time_zone: str
    windows: list[WeeklyWindow]

    def to_dict(self) -> dict[str, Any]:
        time_zone = self.time_zone

        windows = []
        for windows_item_data in self.windows:
            windows_item = windows_item_data.to_dict()
            windows.append(windows_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "time_zone": time_zone,
                "windows": windows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weekly_window import WeeklyWindow  # noqa: PLC0415

        d = dict(src_dict)
        time_zone = d.pop("time_zone")

        windows = []
        _windows = d.pop("windows")
        for windows_item_data in _windows:
            windows_item = WeeklyWindow.from_dict(windows_item_data)

            windows.append(windows_item)

        availability_write = cls(
            time_zone=time_zone,
            windows=windows,
        )

        return availability_write
