from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.body_candidates_add_source import BodyCandidatesAddSource
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="BodyCandidatesAdd")


@_attrs_define
class BodyCandidatesAdd:
    """
    Attributes:
        name (str):
        email (str | Unset):
        phone (str | Unset):
        links (str | Unset): One URL per line
        source (BodyCandidatesAddSource | Unset):  Default: BodyCandidatesAddSource.SOURCED.
        referred_by (str | Unset): Who referred the person
        job_id (UUID | Unset): Add them to this job too
        resume (File | Unset): PDF, DOCX or plain text, at most 10 MB
    """

    name: str
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    links: str | Unset = UNSET
    source: BodyCandidatesAddSource | Unset = BodyCandidatesAddSource.SOURCED
    referred_by: str | Unset = UNSET
    job_id: UUID | Unset = UNSET
    resume: File | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        phone = self.phone

        links = self.links

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        referred_by = self.referred_by

        job_id: str | Unset = UNSET
        if not isinstance(self.job_id, Unset):
            job_id = str(self.job_id)

        resume: FileTypes | Unset = UNSET
        if not isinstance(self.resume, Unset):
            resume = self.resume.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if links is not UNSET:
            field_dict["links"] = links
        if source is not UNSET:
            field_dict["source"] = source
        if referred_by is not UNSET:
            field_dict["referred_by"] = referred_by
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if resume is not UNSET:
            field_dict["resume"] = resume

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("name", (None, str(self.name).encode(), "text/plain")))

        if not isinstance(self.email, Unset):
            files.append(("email", (None, str(self.email).encode(), "text/plain")))

        if not isinstance(self.phone, Unset):
            files.append(("phone", (None, str(self.phone).encode(), "text/plain")))

        if not isinstance(self.links, Unset):
            files.append(("links", (None, str(self.links).encode(), "text/plain")))

        if not isinstance(self.source, Unset):
            files.append(("source", (None, str(self.source.value).encode(), "text/plain")))

        if not isinstance(self.referred_by, Unset):
            files.append(("referred_by", (None, str(self.referred_by).encode(), "text/plain")))

        if not isinstance(self.job_id, Unset):
            files.append(("job_id", (None, str(self.job_id), "text/plain")))

        if not isinstance(self.resume, Unset):
            files.append(("resume", self.resume.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        links = d.pop("links", UNSET)

        _source = d.pop("source", UNSET)
        source: BodyCandidatesAddSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = BodyCandidatesAddSource(_source)

        referred_by = d.pop("referred_by", UNSET)

        _job_id = d.pop("job_id", UNSET)
        job_id: UUID | Unset
        if isinstance(_job_id, Unset):
            job_id = UNSET
        else:
            job_id = UUID(_job_id)

        _resume = d.pop("resume", UNSET)
        resume: File | Unset
        if isinstance(_resume, Unset):
            resume = UNSET
        else:
            resume = File(payload=BytesIO(_resume))

        body_candidates_add = cls(
            name=name,
            email=email,
            phone=phone,
            links=links,
            source=source,
            referred_by=referred_by,
            job_id=job_id,
            resume=resume,
        )

        body_candidates_add.additional_properties = d
        return body_candidates_add

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
