from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Durations")


@_attrs_define
class Durations:
    """Percentiles of a duration, each the upper bound (hours) of the histogram bucket that
    holds it; null when nothing was measured or the value lies beyond the last bound.

        Attributes:
            measured (int): How many durations the percentiles are taken over.
            median_hours (int | None):
            p75_hours (int | None):
            p90_hours (int | None):
    """

    measured: int
    median_hours: int | None
    p75_hours: int | None
    p90_hours: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measured = self.measured

        median_hours: int | None
        median_hours = self.median_hours

        p75_hours: int | None
        p75_hours = self.p75_hours

        p90_hours: int | None
        p90_hours = self.p90_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measured": measured,
                "median_hours": median_hours,
                "p75_hours": p75_hours,
                "p90_hours": p90_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        measured = d.pop("measured")

        def _parse_median_hours(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        median_hours = _parse_median_hours(d.pop("median_hours"))

        def _parse_p75_hours(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        p75_hours = _parse_p75_hours(d.pop("p75_hours"))

        def _parse_p90_hours(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        p90_hours = _parse_p90_hours(d.pop("p90_hours"))

        durations = cls(
            measured=measured,
            median_hours=median_hours,
            p75_hours=p75_hours,
            p90_hours=p90_hours,
        )

        durations.additional_properties = d
        return durations

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
