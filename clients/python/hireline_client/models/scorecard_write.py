from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.scorecard_write_recommendation import ScorecardWriteRecommendation
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scorecard_write_notes import ScorecardWriteNotes
    from ..models.scorecard_write_ratings import ScorecardWriteRatings


T = TypeVar("T", bound="ScorecardWrite")


@_attrs_define
class ScorecardWrite:
    """A rating per kit attribute (1-4 or no_evidence), notes per question, a recommendation.

    Attributes:
        ratings (ScorecardWriteRatings):
        recommendation (ScorecardWriteRecommendation):
        notes (ScorecardWriteNotes | Unset):
        summary (None | str | Unset):
    """

    ratings: ScorecardWriteRatings
    recommendation: ScorecardWriteRecommendation
    notes: ScorecardWriteNotes | Unset = UNSET
    summary: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ratings = self.ratings.to_dict()

        recommendation = self.recommendation.value

        notes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.notes, Unset):
            notes = self.notes.to_dict()

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ratings": ratings,
                "recommendation": recommendation,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scorecard_write_notes import ScorecardWriteNotes  # noqa: PLC0415
        from ..models.scorecard_write_ratings import ScorecardWriteRatings  # noqa: PLC0415

        d = dict(src_dict)
        ratings = ScorecardWriteRatings.from_dict(d.pop("ratings"))

        recommendation = ScorecardWriteRecommendation(d.pop("recommendation"))

        _notes = d.pop("notes", UNSET)
        notes: ScorecardWriteNotes | Unset
        if isinstance(_notes, Unset):
            notes = UNSET
        else:
            notes = ScorecardWriteNotes.from_dict(_notes)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        scorecard_write = cls(
            ratings=ratings,
            recommendation=recommendation,
            notes=notes,
            summary=summary,
        )

        return scorecard_write
