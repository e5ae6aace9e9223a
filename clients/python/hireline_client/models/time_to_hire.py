from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.durations import Durations
    from ..models.freshness import Freshness


T = TypeVar("T", bound="TimeToHire")


@_attrs_define
class TimeToHire:
    """
    Attributes:
        freshness (Freshness): When the summaries behind a report were rebuilt; a periodic job rebuilds them.
        applications (int):
        hires (int):
        time_to_hire (Durations): Percentiles of a duration, each the upper bound (hours) of the histogram bucket that
            holds it; null when nothing was measured or the value lies beyond the last bound.
        time_to_first_action (Durations): Percentiles of a duration, each the upper bound (hours) of the histogram
            bucket that
            holds it; null when nothing was measured or the value lies beyond the last bound.
    """

    freshness: Freshness
    applications: int
    hires: int
    time_to_hire: Durations
    time_to_first_action: Durations
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        freshness = self.freshness.to_dict()

        applications = self.applications

        hires = self.hires

        time_to_hire = self.time_to_hire.to_dict()

        time_to_first_action = self.time_to_first_action.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "freshness": freshness,
                "applications": applications,
                "hires": hires,
                "time_to_hire": time_to_hire,
                "time_to_first_action": time_to_first_action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.durations import Durations  # noqa: PLC0415
        from ..models.freshness import Freshness  # noqa: PLC0415

        d = dict(src_dict)
        freshness = Freshness.from_dict(d.pop("freshness"))

        applications = d.pop("applications")

        hires = d.pop("hires")

        time_to_hire = Durations.from_dict(d.pop("time_to_hire"))

        time_to_first_action = Durations.from_dict(d.pop("time_to_first_action"))

        time_to_hire = cls(
            freshness=freshness,
            applications=applications,
            hires=hires,
            time_to_hire=time_to_hire,
            time_to_first_action=time_to_first_action,
        )

        time_to_hire.additional_properties = d
        return time_to_hire

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
