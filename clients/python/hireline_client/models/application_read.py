from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_read_status import ApplicationReadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.application_read_answers import ApplicationReadAnswers
    from ..models.match_summary import MatchSummary
    from ..models.stage_ref import StageRef


T = TypeVar("T", bound="ApplicationRead")


@_attrs_define
class ApplicationRead:
    """
    Attributes:
        id (UUID):
        job_id (UUID):
        candidate_id (UUID):
        stage_id (None | UUID):
        status (ApplicationReadStatus):
        source (str):
        answers (ApplicationReadAnswers):
        rejection_reason (None | str):
        consent_at (datetime.datetime):
        applied_at (datetime.datetime):
        updated_at (datetime.datetime):
        stage (None | StageRef | Unset): The stage the application is in now (null only for a stageless job).
        candidate_name (None | str | Unset):
        candidate_email (None | str | Unset):
        match (MatchSummary | None | Unset): In a job's list of applications: the stored match score and its top reasons
            (null until the worker has scored it).
    """

    id: UUID
    job_id: UUID
    candidate_id: UUID
    stage_id: None | UUID
    status: ApplicationReadStatus
    source: str
    answers: ApplicationReadAnswers
    rejection_reason: None | str
    consent_at: datetime.datetime
    applied_at: datetime.datetime
    updated_at: datetime.datetime
    stage: None | StageRef | Unset = UNSET
    candidate_name: None | str | Unset = UNSET
    candidate_email: None | str | Unset = UNSET
    match: MatchSummary | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.match_summary import MatchSummary  # noqa: PLC0415
        from ..models.stage_ref import StageRef  # noqa: PLC0415

        id = str(self.id)

        job_id = str(self.job_id)

        candidate_id = str(self.candidate_id)

        stage_id: None | str
        if isinstance(self.stage_id, UUID):
            stage_id = str(self.stage_id)
        else:
            stage_id = self.stage_id

        status = self.status.value

        source = self.source

        answers = self.answers.to_dict()

        rejection_reason: None | str
        rejection_reason = self.rejection_reason

        consent_at = self.consent_at.isoformat()

        applied_at = self.applied_at.isoformat()

        updated_at = self.updated_at.isoformat()

        stage: dict[str, Any] | None | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, StageRef):
            stage = self.stage.to_dict()
        else:
            stage = self.stage

        candidate_name: None | str | Unset
        if isinstance(self.candidate_name, Unset):
            candidate_name = UNSET
        else:
            candidate_name = self.candidate_name

        candidate_email: None | str | Unset
        if isinstance(self.candidate_email, Unset):
            candidate_email = UNSET
        else:
            candidate_email = self.candidate_email

        match: dict[str, Any] | None | Unset
        if isinstance(self.match, Unset):
            match = UNSET
        elif isinstance(self.match, MatchSummary):
            match = self.match.to_dict()
        else:
            match = self.match

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "job_id": job_id,
                "candidate_id": candidate_id,
                "stage_id": stage_id,
                "status": status,
                "source": source,
                "answers": answers,
                "rejection_reason": rejection_reason,
                "consent_at": consent_at,
                "applied_at": applied_at,
                "updated_at": updated_at,
            }
        )
        if stage is not UNSET:
            field_dict["stage"] = stage
        if candidate_name is not UNSET:
            field_dict["candidate_name"] = candidate_name
        if candidate_email is not UNSET:
            field_dict["candidate_email"] = candidate_email
        if match is not UNSET:
            field_dict["match"] = match

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.application_read_answers import ApplicationReadAnswers  # noqa: PLC0415
        from ..models.match_summary import MatchSummary  # noqa: PLC0415
        from ..models.stage_ref import StageRef  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        job_id = UUID(d.pop("job_id"))

        candidate_id = UUID(d.pop("candidate_id"))

        def _parse_stage_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_id_type_0 = UUID(data)

                return stage_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        stage_id = _parse_stage_id(d.pop("stage_id"))

        status = ApplicationReadStatus(d.pop("status"))

        source = d.pop("source")

        answers = ApplicationReadAnswers.from_dict(d.pop("answers"))

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))

        consent_at = datetime.datetime.fromisoformat(d.pop("consent_at"))

        applied_at = datetime.datetime.fromisoformat(d.pop("applied_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_stage(data: object) -> None | StageRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stage_type_0 = StageRef.from_dict(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StageRef | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        def _parse_candidate_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        candidate_name = _parse_candidate_name(d.pop("candidate_name", UNSET))

        def _parse_candidate_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        candidate_email = _parse_candidate_email(d.pop("candidate_email", UNSET))

        def _parse_match(data: object) -> MatchSummary | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                match_type_0 = MatchSummary.from_dict(data)

                return match_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchSummary | None | Unset, data)

        match = _parse_match(d.pop("match", UNSET))

        application_read = cls(
            id=id,
            job_id=job_id,
            candidate_id=candidate_id,
            stage_id=stage_id,
            status=status,
            source=source,
            answers=answers,
            rejection_reason=rejection_reason,
            consent_at=consent_at,
            applied_at=applied_at,
            updated_at=updated_at,
            stage=stage,
            candidate_name=candidate_name,
            candidate_email=candidate_email,
            match=match,
        )

        application_read.additional_properties = d
        return application_read

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
