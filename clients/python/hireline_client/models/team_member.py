from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.team_member_role import TeamMemberRole

T = TypeVar("T", bound="TeamMember")


@_attrs_define
class TeamMember:
    """
    Attributes:
        user_id (UUID):
        role (TeamMemberRole):
    """

    user_id: UUID
    role: TeamMemberRole

    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_id": user_id,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))

        role = TeamMemberRole(d.pop("role"))

        team_member = cls(
            user_id=user_id,
            role=role,
        )

        return team_member
