from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WeeklyWindow")


@_attrs_define
class WeeklyWindow:
    """
    Attributes:
        weekday (int): ISO weekday: 1 Monday ... 7 Sunday.
        starts (str):
        ends (str):
    """

    weekday: int
    starts: str
    ends: str

    def to_dict(self) -> dict[str, Any]:
        weekday = self.weekday

        starts = self.starts

        ends = self.ends

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "weekday": weekday,
                "starts": starts,
                "ends": ends,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weekday = d.pop("weekday")

        starts = d.pop("starts")

        ends = d.pop("ends")

        weekly_window = cls(
            weekday=weekday,
            starts=starts,
            ends=ends,
        )

        return weekly_window
