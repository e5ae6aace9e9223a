from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interview_read_status import InterviewReadStatus

if TYPE_CHECKING:
    from ..models.kit_read import KitRead


T = TypeVar("T", bound="InterviewRead")


@_attrs_define
class InterviewRead:
    """
    Attributes:
        id (UUID):
        application_id (UUID):
        job_id (UUID):
        job_title (str):
        candidate_id (UUID):
        candidate_name (None | str):
        plan_interview_id (None | UUID):
        name (str):
        starts_at (datetime.datetime):
        ends_at (datetime.datetime):
        time_zone (str):
        location (None | str):
        video_url (None | str):
        status (InterviewReadStatus):
        ical_uid (str):
        sequence (int):
        interviewer_ids (list[UUID]):
        scorecard_submitted (bool): Whether the caller has scored it.
        kit (KitRead):
    """

    id: UUID
    application_id: UUID
    job_id: UUID
    job_title: str
    candidate_id: UUID
    candidate_name: None | str
    plan_interview_id: None | UUID
    name: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    location: None | str
    video_url: None | str
    status: InterviewReadStatus
    ical_uid: str
    sequence: int
    interviewer_ids: list[UUID]
    scorecard_submitted: bool
    kit: KitRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        application_id = str(self.application_id)

        job_id = str(self.job_id)

        job_title = self.job_title

        candidate_id = str(self.candidate_id)

        candidate_name: None | str
        candidate_name = self.candidate_name

        plan_interview_id: None | str
        if isinstance(self.plan_interview_id, UUID):
            plan_interview_id = str(self.plan_interview_id)
        else:
            plan_interview_id = self.plan_interview_id

        name = self.name

        starts_at = self.starts_at.isoformat()

        ends_at = self.ends_at.isoformat()

        time_zone = self.time_zone

        location: None | str
        location = self.location

        video_url: None | str
        video_url = self.video_url

        status = self.status.value

        ical_uid = self.ical_uid

        sequence = self.sequence

        interviewer_ids = []
        for interviewer_ids_item_data in self.interviewer_ids:
            interviewer_ids_item = str(interviewer_ids_item_data)
            interviewer_ids.append(interviewer_ids_item)

        scorecard_submitted = self.scorecard_submitted

        kit = self.kit.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "application_id": application_id,
                "job_id": job_id,
                "job_title": job_title,
                "candidate_id": candidate_id,
                "candidate_name": candidate_name,
                "plan_interview_id": plan_interview_id,
                "name": name,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "time_zone": time_zone,
                "location": location,
                "video_url": video_url,
                "status": status,
                "ical_uid": ical_uid,
                "sequence": sequence,
                "interviewer_ids": interviewer_ids,
                "scorecard_submitted": scorecard_submitted,
                "kit": kit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_read import KitRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        application_id = UUID(d.pop("application_id"))

        job_id = UUID(d.pop("job_id"))

        job_title = d.pop("job_title")

        candidate_id = UUID(d.pop("candidate_id"))

        def _parse_candidate_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        candidate_name = _parse_candidate_name(d.pop("candidate_name"))

        def _parse_plan_interview_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_interview_id_type_0 = UUID(data)

                return plan_interview_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        plan_interview_id = _parse_plan_interview_id(d.pop("plan_interview_id"))

        name = d.pop("name")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))

        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))

        time_zone = d.pop("time_zone")

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        def _parse_video_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        video_url = _parse_video_url(d.pop("video_url"))

        status = InterviewReadStatus(d.pop("status"))

        ical_uid = d.pop("ical_uid")

        sequence = d.pop("sequence")

        interviewer_ids = []
        _interviewer_ids = d.pop("interviewer_ids")
        for interviewer_ids_item_data in _interviewer_ids:
            interviewer_ids_item = UUID(interviewer_ids_item_data)

            interviewer_ids.append(interviewer_ids_item)

        scorecard_submitted = d.pop("scorecard_submitted")

        kit = KitRead.from_dict(d.pop("kit"))

        interview_read = cls(
            id=id,
            application_id=application_id,
            job_id=job_id,
            job_title=job_title,
            candidate_id=candidate_id,
            candidate_name=candidate_name,
            plan_interview_id=plan_interview_id,
            name=name,
            starts_at=starts_at,
            ends_at=ends_at,
            time_zone=time_zone,
            location=location,
            video_url=video_url,
            status=status,
            ical_uid=ical_uid,
            sequence=sequence,
            interviewer_ids=interviewer_ids,
            scorecard_submitted=scorecard_submitted,
            kit=kit,
        )

        interview_read.additional_properties = d
        return interview_read

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
