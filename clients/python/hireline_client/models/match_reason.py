from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MatchReason")


@_attrs_define
class MatchReason:
    """One part of a match score, in words.

    Attributes:
        part (str): required_skills, preferred_skills, years, level, ...
        fit (float):
        points (float): This part's share of the score.
        text (str): E.g. "has 3 of 4 required skills; missing Kubernetes".
    """

    part: str
    fit: float
    points: float
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        part = self.part

        fit = self.fit

        points = self.points

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "part": part,
                "fit": fit,
                "points": points,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        part = d.pop("part")

        fit = d.pop("fit")

        points = d.pop("points")

        text = d.pop("text")

        match_reason = cls(
            part=part,
            fit=fit,
            points=points,
            text=text,
        )

        match_reason.additional_properties = d
        return match_reason

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
