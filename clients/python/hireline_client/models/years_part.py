from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="YearsPart")


@_attrs_define
class YearsPart:
    """
    Attributes:
        weight (float): Points this part is worth for this job.
        fit (float): How much of it the candidate meets (0-1).
        points (float): weight x fit: this part's share of the score.
        minimum (float):
        candidate (float | None):
        note (None | str | Unset):
    """

    weight: float
    fit: float
    points: float
    minimum: float
    candidate: float | None
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        weight = self.weight

        fit = self.fit

        points = self.points

        minimum = self.minimum

        candidate: float | None
        candidate = self.candidate

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "weight": weight,
                "fit": fit,
                "points": points,
                "minimum": minimum,
                "candidate": candidate,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weight = d.pop("weight")

        fit = d.pop("fit")

        points = d.pop("points")

        minimum = d.pop("minimum")

        def _parse_candidate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        candidate = _parse_candidate(d.pop("candidate"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        years_part = cls(
            weight=weight,
            fit=fit,
            points=points,
            minimum=minimum,
            candidate=candidate,
            note=note,
        )

        years_part.additional_properties = d
        return years_part

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
