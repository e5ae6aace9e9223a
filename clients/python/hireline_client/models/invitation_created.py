from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvitationCreated")


@_attrs_define
class InvitationCreated:
    """
    Attributes:
        id (UUID):
        email (str):
        role (str):
        expires_at (datetime.datetime):
        created_at (datetime.datetime):
        emailed (bool): Whether the invitee was mailed the link to accept.
        token (None | str | Unset): Only with send_email false, shown once: send it to the invitee.
        accept_path (None | str | Unset): Only with send_email false.
    """

    id: UUID
    email: str
    role: str
    expires_at: datetime.datetime
    created_at: datetime.datetime
    emailed: bool
    token: None | str | Unset = UNSET
    accept_path: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        role = self.role

        expires_at = self.expires_at.isoformat()

        created_at = self.created_at.isoformat()

        emailed = self.emailed

        token: None | str | Unset
        if isinstance(self.token, Unset):
            token = UNSET
        else:
            token = self.token

        accept_path: None | str | Unset
        if isinstance(self.accept_path, Unset):
            accept_path = UNSET
        else:
            accept_path = self.accept_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "role": role,
                "expires_at": expires_at,
                "created_at": created_at,
                "emailed": emailed,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token
        if accept_path is not UNSET:
            field_dict["accept_path"] = accept_path

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        role = d.pop("role")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        emailed = d.pop("emailed")

        def _parse_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        token = _parse_token(d.pop("token", UNSET))

        def _parse_accept_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accept_path = _parse_accept_path(d.pop("accept_path", UNSET))

        invitation_created = cls(
            id=id,
            email=email,
            role=role,
            expires_at=expires_at,
            created_at=created_at,
            emailed=emailed,
            token=token,
            accept_path=accept_path,
        )

        invitation_created.additional_properties = d
        return invitation_created

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
