from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.durations import Durations


T = TypeVar("T", bound="StageTime")


@_attrs_define
class StageTime:
    """
    Attributes:
        position (int):
        name (str):
        time (Durations): Percentiles of a duration, each the upper bound (hours) of the histogram bucket that
            holds it; null when nothing was measured or the value lies beyond the last bound.
    """

    position: int
    name: str
    time: Durations
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position = self.position

        name = self.name

        time = self.time.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "name": name,
                "time": time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.durations import Durations  # noqa: PLC0415

        d = dict(src_dict)
        position = d.pop("position")

        name = d.pop("name")

        time = Durations.from_dict(d.pop("time"))

        stage_time = cls(
            position=position,
            name=name,
            time=time,
        )

        stage_time.additional_properties = d
        return stage_time

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
