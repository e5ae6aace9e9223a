from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scorecard_read_recommendation import ScorecardReadRecommendation

if TYPE_CHECKING:
    from ..models.scorecard_read_notes import ScorecardReadNotes
    from ..models.scorecard_read_ratings import ScorecardReadRatings


T = TypeVar("T", bound="ScorecardRead")


@_attrs_define
class ScorecardRead:
    """
    Attributes:
        id (UUID):
        interview_id (UUID):
        application_id (UUID):
        interviewer_id (UUID):
        interviewer_name (None | str):
        version (int):
        ratings (ScorecardReadRatings):
        notes (ScorecardReadNotes):
        summary (None | str):
        recommendation (ScorecardReadRecommendation):
        submitted_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    interview_id: UUID
    application_id: UUID
    interviewer_id: UUID
    interviewer_name: None | str
    version: int
    ratings: ScorecardReadRatings
    notes: ScorecardReadNotes
    summary: None | str
    recommendation: ScorecardReadRecommendation
    submitted_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        interview_id = str(self.interview_id)

        application_id = str(self.application_id)

        interviewer_id = str(self.interviewer_id)

        interviewer_name: None | str
        interviewer_name = self.interviewer_name

        version = self.version

        ratings = self.ratings.to_dict()

        notes = self.notes.to_dict()

        summary: None | str
        summary = self.summary

        recommendation = self.recommendation.value

        submitted_at = self.submitted_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "interview_id": interview_id,
                "application_id": application_id,
                "interviewer_id": interviewer_id,
                "interviewer_name": interviewer_name,
                "version": version,
                "ratings": ratings,
                "notes": notes,
                "summary": summary,
                "recommendation": recommendation,
                "submitted_at": submitted_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scorecard_read_notes import ScorecardReadNotes  # noqa: PLC0415
        from ..models.scorecard_read_ratings import ScorecardReadRatings  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        interview_id = UUID(d.pop("interview_id"))

        application_id = UUID(d.pop("application_id"))

        interviewer_id = UUID(d.pop("interviewer_id"))

        def _parse_interviewer_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interviewer_name = _parse_interviewer_name(d.pop("interviewer_name"))

        version = d.pop("version")

        ratings = ScorecardReadRatings.from_dict(d.pop("ratings"))

        notes = ScorecardReadNotes.from_dict(d.pop("notes"))

        def _parse_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        summary = _parse_summary(d.pop("summary"))

        recommendation = ScorecardReadRecommendation(d.pop("recommendation"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        scorecard_read = cls(
            id=id,
            interview_id=interview_id,
            application_id=application_id,
            interviewer_id=interviewer_id,
            interviewer_name=interviewer_name,
            version=version,
            ratings=ratings,
            notes=notes,
            summary=summary,
            recommendation=recommendation,
            submitted_at=submitted_at,
            updated_at=updated_at,
        )

        scorecard_read.additional_properties = d
        return scorecard_read

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
