from __future__ import annotations

import json
from collections.abc import Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

if TYPE_CHECKING:
    from ..models.body_board_apply_answers import BodyBoardApplyAnswers


T = TypeVar("T", bound="BodyBoardApply")


@_attrs_define
class BodyBoardApply:
    """
    Attributes:
        name (str):
        email (str):
        consent (bool): true to agree to the data processing
        resume (File): PDF, DOCX or plain text (.txt: UTF-8, UTF-16 with a BOM, or Latin-1)
        phone (str | Unset):
        links (str | Unset): One URL per line
        answers (BodyBoardApplyAnswers | Unset): Answers to the job's questions (a JSON object)
        website (str | Unset): Leave empty
    """

    name: str
    email: str
    consent: bool
    resume: File
    phone: str | Unset = UNSET
    links: str | Unset = UNSET
    answers: BodyBoardApplyAnswers | Unset = UNSET
    website: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        consent = self.consent

        resume = self.resume.to_tuple()

        phone = self.phone

        links = self.links

        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        website = self.website

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "email": email,
                "consent": consent,
                "resume": resume,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone
        if links is not UNSET:
            field_dict["links"] = links
        if answers is not UNSET:
            field_dict["answers"] = answers
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("name", (None, str(self.name).encode(), "text/plain")))

        files.append(("email", (None, str(self.email).encode(), "text/plain")))

        files.append(("consent", (None, str(self.consent).encode(), "text/plain")))

        files.append(("resume", self.resume.to_tuple()))

        if not isinstance(self.phone, Unset):
            files.append(("phone", (None, str(self.phone).encode(), "text/plain")))

        if not isinstance(self.links, Unset):
            files.append(("links", (None, str(self.links).encode(), "text/plain")))

        if not isinstance(self.answers, Unset):
            files.append(("answers", (None, json.dumps(self.answers.to_dict()).encode(), "application/json")))

        if not isinstance(self.website, Unset):
            files.append(("website", (None, str(self.website).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.body_board_apply_answers import BodyBoardApplyAnswers  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        consent = d.pop("consent")

        resume = File(payload=BytesIO(d.pop("resume")))

        phone = d.pop("phone", UNSET)

        links = d.pop("links", UNSET)

        _answers = d.pop("answers", UNSET)
        answers: BodyBoardApplyAnswers | Unset
        if isinstance(_answers, Unset):
            answers = UNSET
        else:
            answers = BodyBoardApplyAnswers.from_dict(_answers)

        website = d.pop("website", UNSET)

        body_board_apply = cls(
            name=name,
            email=email,
            consent=consent,
            resume=resume,
            phone=phone,
            links=links,
            answers=answers,
            website=website,
        )

        body_board_apply.additional_properties = d
        return body_board_apply

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
