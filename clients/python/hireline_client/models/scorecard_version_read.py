from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scorecard_version_read_recommendation import ScorecardVersionReadRecommendation

if TYPE_CHECKING:
    from ..models.scorecard_version_read_notes import ScorecardVersionReadNotes
    from ..models.scorecard_version_read_ratings import ScorecardVersionReadRatings


T = TypeVar("T", bound="ScorecardVersionRead")


@_attrs_define
class ScorecardVersionRead:
    """
    Attributes:
        version (int):
        ratings (ScorecardVersionReadRatings):
        notes (ScorecardVersionReadNotes):
        summary (None | str):
        recommendation (ScorecardVersionReadRecommendation):
        submitted_at (datetime.datetime):
    """

    version: int
    ratings: ScorecardVersionReadRatings
    notes: ScorecardVersionReadNotes
    summary: None | str
    recommendation: ScorecardVersionReadRecommendation
    submitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        ratings = self.ratings.to_dict()

        notes = self.notes.to_dict()

        summary: None | str
        summary = self.summary

        recommendation = self.recommendation.value

        submitted_at = self.submitted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "ratings": ratings,
                "notes": notes,
                "summary": summary,
                "recommendation": recommendation,
                "submitted_at": submitted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scorecard_version_read_notes import ScorecardVersionReadNotes  # noqa: PLC0415
        from ..models.scorecard_version_read_ratings import ScorecardVersionReadRatings  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        ratings = ScorecardVersionReadRatings.from_dict(d.pop("ratings"))

        notes = ScorecardVersionReadNotes.from_dict(d.pop("notes"))

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        recommendation = ScorecardVersionReadRecommendation(d.pop("recommendation"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        scorecard_version_read = cls(
            version=version,
            ratings=ratings,
            notes=notes,
            summary=summary,
            recommendation=recommendation,
            submitted_at=submitted_at,
        )

        scorecard_version_read.additional_properties = d
        return scorecard_version_read

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
