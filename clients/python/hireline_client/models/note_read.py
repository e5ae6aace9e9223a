from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mention_read import MentionRead


T = TypeVar("T", bound="NoteRead")


@_attrs_define
class NoteRead:
    """
    Attributes:
        id (UUID):
        candidate_id (UUID):
        author_id (None | UUID):
        author_name (None | str):
        body (str):
        mentions (list[MentionRead]):
        created_at (datetime.datetime):
    """

    id: UUID
    candidate_id: UUID
    author_id: None | UUID
    author_name: None | str
    body: str
    mentions: list[MentionRead]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        candidate_id = str(self.candidate_id)

        author_id: None | str
        if isinstance(self.author_id, UUID):
            author_id = str(self.author_id)
        else:
            author_id = self.author_id

        author_name: None | str
        author_name = self.author_name

        body = self.body

        mentions = []
        for mentions_item_data in self.mentions:
            mentions_item = mentions_item_data.to_dict()
            mentions.append(mentions_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "candidate_id": candidate_id,
                "author_id": author_id,
                "author_name": author_name,
                "body": body,
                "mentions": mentions,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mention_read import MentionRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        candidate_id = UUID(d.pop("candidate_id"))

        def _parse_author_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                author_id_type_0 = UUID(data)

                return author_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        author_id = _parse_author_id(d.pop("author_id"))

        def _parse_author_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        author_name = _parse_author_name(d.pop("author_name"))

        body = d.pop("body")

        mentions = []
        _mentions = d.pop("mentions")
        for mentions_item_data in _mentions:
            mentions_item = MentionRead.from_dict(mentions_item_data)

            mentions.append(mentions_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        note_read = cls(
            id=id,
            candidate_id=candidate_id,
            author_id=author_id,
            author_name=author_name,
            body=body,
            mentions=mentions,
            created_at=created_at,
        )

        note_read.additional_properties = d
        return note_read

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
