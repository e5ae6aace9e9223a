from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="InviteRequest")


@_attrs_define
class InviteRequest:
    """
    Attributes:
        email (str):
        role (Role): A member's role in a tenant, from most to least powerful.
        send_email (bool | Unset): Mail the invitee the link to accept (the default; no token is returned). False: no
            e-mail, the token is returned once for you to deliver. Default: True.
    """

    email: str
    role: Role
    send_email: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        role = self.role.value

        send_email = self.send_email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "role": role,
            }
        )
        if send_email is not UNSET:
            field_dict["send_email"] = send_email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        role = Role(d.pop("role"))

        send_email = d.pop("send_email", UNSET)

        invite_request = cls(
            email=email,
            role=role,
            send_email=send_email,
        )

        return invite_request
