from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resume_read_parse_status import ResumeReadParseStatus

if TYPE_CHECKING:
    from ..models.resume_read_parsed_type_0 import ResumeReadParsedType0


T = TypeVar("T", bound="ResumeRead")


@_attrs_define
class ResumeRead:
    """
    Attributes:
        id (UUID):
        filename (str):
        content_type (str):
        size (int):
        parse_status (ResumeReadParseStatus):
        parse_error (None | str): Why the file could not be read, when it failed.
        parsed (None | ResumeReadParsedType0): What parsing found: name, emails, phones (E.164), location, links,
            skills, years_experience, work_history, education, and `confidence`: for each of name, emails, phones, location,
            links, skills, years_experience and education, how sure the reading is, from 0 (nothing found) to 1.
        parsed_at (datetime.datetime | None):
        created_at (datetime.datetime):
    """

    id: UUID
    filename: str
    content_type: str
    size: int
    parse_status: ResumeReadParseStatus
    parse_error: None | str
    parsed: None | ResumeReadParsedType0
    parsed_at: datetime.datetime | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.resume_read_parsed_type_0 import ResumeReadParsedType0  # noqa: PLC0415

        id = str(self.id)

        filename = self.filename

        content_type = self.content_type

        size = self.size

        parse_status = self.parse_status.value

        parse_error: None | str
        parse_error = self.parse_error

        parsed: dict[str, Any] | None
        if isinstance(self.parsed, ResumeReadParsedType0):
            parsed = self.parsed.to_dict()
        else:
            parsed = self.parsed

        parsed_at: None | str
        if isinstance(self.parsed_at, datetime.datetime):
            parsed_at = self.parsed_at.isoformat()
        else:
            parsed_at = self.parsed_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "filename": filename,
                "content_type": content_type,
                "size": size,
                "parse_status": parse_status,
                "parse_error": parse_error,
                "parsed": parsed,
                "parsed_at": parsed_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resume_read_parsed_type_0 import ResumeReadParsedType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        filename = d.pop("filename")

        content_type = d.pop("content_type")

        size = d.pop("size")

        parse_status = ResumeReadParseStatus(d.pop("parse_status"))

        def _parse_parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parse_error = _parse_parse_error(d.pop("parse_error"))

        def _parse_parsed(data: object) -> None | ResumeReadParsedType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parsed_type_0 = ResumeReadParsedType0.from_dict(data)

                return parsed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResumeReadParsedType0, data)

        parsed = _parse_parsed(d.pop("parsed"))

        def _parse_parsed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parsed_at_type_0 = datetime.datetime.fromisoformat(data)

                return parsed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        parsed_at = _parse_parsed_at(d.pop("parsed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        resume_read = cls(
            id=id,
            filename=filename,
            content_type=content_type,
            size=size,
            parse_status=parse_status,
            parse_error=parse_error,
            parsed=parsed,
            parsed_at=parsed_at,
            created_at=created_at,
        )

        resume_read.additional_properties = d
        return resume_read

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
