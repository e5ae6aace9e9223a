"""Request and response bodies of members and invitations."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictBool

from hireline.identity.auth.schemas import Name
from hireline.identity.permissions import Role

RoleName = Annotated[
    Role, Field(description="owner, admin, recruiter, hiring_manager, interviewer")
]


class MemberRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    user_id: uuid.UUID
    email: str
    name: str
    role: str
    joined_at: datetime


class InvitationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    role: str
    expires_at: datetime
    created_at: datetime


class MembersRead(BaseModel):
    members: list[MemberRead]
    invitations: list[InvitationRead]


class InviteRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    role: RoleName
    send_email: StrictBool = Field(
        True,
        description=(
            "Mail the invitee the link to accept (the default; no token is returned). False: "
            "no e-mail, the token is returned once for you to deliver."
        ),
    )


class InvitationCreated(InvitationRead):
    emailed: bool = Field(description="Whether the invitee was mailed the link to accept.")
    token: str | None = Field(
        None, description="Only with send_email false, shown once: send it to the invitee."
    )
    accept_path: str | None = Field(None, description="Only with send_email false.")


class RoleChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: RoleName


class AcceptInvitation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = Field(None, description="Your name, for a new account.")
    password: str = Field(
        min_length=1, max_length=1024, description="A new password, or your existing one."
    )
