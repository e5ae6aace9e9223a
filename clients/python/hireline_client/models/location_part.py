from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LocationPart")


@_attrs_define
class LocationPart:
    """
    Attributes:
        weight (float): Points this part is worth for this job.
        fit (float): How much of it the candidate meets (0-1).
        points (float): weight x fit: this part's share of the score.
        candidate (None | str):
        job (list[str]):
        reason (str):
    """

    weight: float
    fit: float
    points: float
    candidate: None | str
    job: list[str]
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        weight = self.weight

        fit = self.fit

        points = self.points

        candidate: None | str
        candidate = self.candidate

        job = self.job

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "weight": weight,
                "fit": fit,
                "points": points,
                "candidate": candidate,
                "job": job,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weight = d.pop("weight")

        fit = d.pop("fit")

        points = d.pop("points")

        def _parse_candidate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        candidate = _parse_candidate(d.pop("candidate"))

        job = cast(list[str], d.pop("job"))

        reason = d.pop("reason")

        location_part = cls(
            weight=weight,
            fit=fit,
            points=points,
            candidate=candidate,
            job=job,
            reason=reason,
        )

        location_part.additional_properties = d
        return location_part

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
