from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.freshness import Freshness


T = TypeVar("T", bound="PipelineHealth")


@_attrs_define
class PipelineHealth:
    """
    Attributes:
        freshness (Freshness): When the summaries behind a report were rebuilt; a periodic job rebuilds them.
        stale_after_days (int):
        stale_applications (int): Active applications nobody has touched for `stale_after_days` days.
        interviews_without_scorecards (int): Interviews that are over with a panellist's scorecard missing.
    """

    freshness: Freshness
    stale_after_days: int
    stale_applications: int
    interviews_without_scorecards: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        freshness = self.freshness.to_dict()

        stale_after_days = self.stale_after_days

        stale_applications = self.stale_applications

        interviews_without_scorecards = self.interviews_without_scorecards

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "freshness": freshness,
                "stale_after_days": stale_after_days,
                "stale_applications": stale_applications,
                "interviews_without_scorecards": interviews_without_scorecards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.freshness import Freshness  # noqa: PLC0415

        d = dict(src_dict)
        freshness = Freshness.from_dict(d.pop("freshness"))

        stale_after_days = d.pop("stale_after_days")

        stale_applications = d.pop("stale_applications")

        interviews_without_scorecards = d.pop("interviews_without_scorecards")

        pipeline_health = cls(
            freshness=freshness,
            stale_after_days=stale_after_days,
            stale_applications=stale_applications,
            interviews_without_scorecards=interviews_without_scorecards,
        )

        pipeline_health.additional_properties = d
        return pipeline_health

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
