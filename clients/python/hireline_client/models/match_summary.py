from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.match_reason import MatchReason


T = TypeVar("T", bound="MatchSummary")


@_attrs_define
class MatchSummary:
    """An application's stored match score and the parts that weigh most for the job.

    Attributes:
        score (float):
        reasons (list[MatchReason]): Up to three parts, the heaviest for this job first; the whole explanation is at GET
            /v1/applications/{id}/match.
    """

    score: float
    reasons: list[MatchReason]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score = self.score

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "score": score,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_reason import MatchReason  # noqa: PLC0415

        d = dict(src_dict)
        score = d.pop("score")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = MatchReason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        match_summary = cls(
            score=score,
            reasons=reasons,
        )

        match_summary.additional_properties = d
        return match_summary

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
