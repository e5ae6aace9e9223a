from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.application_read import ApplicationRead
    from ..models.resume_read import ResumeRead


T = TypeVar("T", bound="CandidateRead")


@_attrs_define
class CandidateRead:
    """
    Attributes:
        id (UUID):
        name (None | str):
        email (None | str):
        phone (None | str):
        links (list[str]):
        location (None | str):
        headline (None | str):
        skills (list[str]):
        years_experience (float | None):
        tags (list[str]):
        notes (None | str):
        source (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        referred_by (None | str | Unset):
        resumes (list[ResumeRead] | Unset):
        applications (list[ApplicationRead] | Unset):
    """

    id: UUID
    name: None | str
    email: None | str
    phone: None | str
    links: list[str]
    location: None | str
    headline: None | str
    skills: list[str]
    years_experience: float | None
    tags: list[str]
    notes: None | str
    source: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    referred_by: None | str | Unset = UNSET
    resumes: list[ResumeRead] | Unset = UNSET
    applications: list[ApplicationRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name: None | str
        name = self.name

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        links = self.links

        location: None | str
        location = self.location

        headline: None | str
        headline = self.headline

        skills = self.skills

        years_experience: float | None
        years_experience = self.years_experience

        tags = self.tags

        notes: None | str
        notes = self.notes

        source = self.source

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        referred_by: None | str | Unset
        if isinstance(self.referred_by, Unset):
            referred_by = UNSET
        else:
            referred_by = self.referred_by

        resumes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.resumes, Unset):
            resumes = []
            for resumes_item_data in self.resumes:
                resumes_item = resumes_item_data.to_dict()
                resumes.append(resumes_item)

        applications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.applications, Unset):
            applications = []
            for applications_item_data in self.applications:
                applications_item = applications_item_data.to_dict()
                applications.append(applications_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "email": email,
                "phone": phone,
                "links": links,
                "location": location,
                "headline": headline,
                "skills": skills,
                "years_experience": years_experience,
                "tags": tags,
                "notes": notes,
                "source": source,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if referred_by is not UNSET:
            field_dict["referred_by"] = referred_by
        if resumes is not UNSET:
            field_dict["resumes"] = resumes
        if applications is not UNSET:
            field_dict["applications"] = applications

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.application_read import ApplicationRead  # noqa: PLC0415
        from ..models.resume_read import ResumeRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        links = cast(list[str], d.pop("links"))

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        def _parse_headline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        headline = _parse_headline(d.pop("headline"))

        skills = cast(list[str], d.pop("skills"))

        def _parse_years_experience(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        years_experience = _parse_years_experience(d.pop("years_experience"))

        tags = cast(list[str], d.pop("tags"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        source = d.pop("source")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_referred_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referred_by = _parse_referred_by(d.pop("referred_by", UNSET))

        _resumes = d.pop("resumes", UNSET)
        resumes: list[ResumeRead] | Unset = UNSET
        if _resumes is not UNSET:
            resumes = []
            for resumes_item_data in _resumes:
                resumes_item = ResumeRead.from_dict(resumes_item_data)

                resumes.append(resumes_item)

        _applications = d.pop("applications", UNSET)
        applications: list[ApplicationRead] | Unset = UNSET
        if _applications is not UNSET:
            applications = []
            for applications_item_data in _applications:
                applications_item = ApplicationRead.from_dict(applications_item_data)

                applications.append(applications_item)

        candidate_read = cls(
            id=id,
            name=name,
            email=email,
            phone=phone,
            links=links,
            location=location,
            headline=headline,
            skills=skills,
            years_experience=years_experience,
            tags=tags,
            notes=notes,
            source=source,
            created_at=created_at,
            updated_at=updated_at,
            referred_by=referred_by,
            resumes=resumes,
            applications=applications,
        )

        candidate_read.additional_properties = d
        return candidate_read

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
