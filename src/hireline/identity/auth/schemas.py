"""Request and response bodies of the identity API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

import phonenumbers
from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

from hireline.core.timestamps import Timestamp
from hireline.identity.auth import passwords
from hireline.identity.permissions import Role, Scope

Slug = Annotated[
    str,
    StringConstraints(min_length=3, max_length=63, pattern=r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
RESERVED_SLUGS = frozenset({"admin", "api", "app", "careers", "docs", "hireline", "www", "v1"})


class SignupRequest(BaseModel):
    """A new organisation and its first owner."""

    model_config = ConfigDict(extra="forbid")

    organization_name: Name
    slug: Slug = Field(description="Lower-case letters, digits and hyphens; names the careers URL.")
    name: Name = Field(description="The owner's full name.")
    email: EmailStr
    # Checked by `check_password` (length, common passwords, the e-mail inside), which names
    # the rule it broke; the document states the length.
    password: str = Field(
        min_length=1,
        max_length=1024,
        json_schema_extra={"minLength": passwords.MIN_LENGTH, "maxLength": passwords.MAX_LENGTH},
    )

    @field_validator("slug")
    @classmethod
    def _not_reserved(cls, slug: str) -> str:
        if slug in RESERVED_SLUGS:
            raise ValueError("this slug is reserved")
        return slug


class TokenResponse(BaseModel):
    """An OAuth 2.0 token response (RFC 6749 section 5.1)."""

    access_token: str
    token_type: str = "Bearer"  # noqa: S105  (a scheme name, not a secret)
    expires_in: int
    refresh_token: str | None = None
    scope: str | None = None


class OAuthErrorResponse(BaseModel):
    """An OAuth 2.0 error (RFC 6749 section 5.2): the token endpoint's own error shape."""

    error: Literal[
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope",
    ]
    error_description: str | None = None


class TenantRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    slug: str
    plan: str


class SignupResponse(TokenResponse):
    tenant: TenantRead
    user_id: uuid.UUID


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    name: str


class MeResponse(BaseModel):
    """The caller as the API sees it."""

    principal_type: str
    tenant: TenantRead
    user: UserRead | None = None
    role: str | None = None
    scopes: list[Scope] = []
    actions: list[str]


class LogoutRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str | None = Field(
        None, description="Ends this session; without it every session of the caller ends."
    )


def validate_scopes(scopes: list[Scope]) -> list[Scope]:
    """Duplicates are dropped, order kept (the enum refuses unknown scopes)."""
    return list(dict.fromkeys(scopes))


RoleName = Annotated[
    Role, Field(description="owner, admin, recruiter, hiring_manager, interviewer")
]


class AuditEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    actor_type: str
    actor_id: str | None
    action: str
    target_type: str | None
    target_id: str | None
    ip: str | None
    details: dict[str, object]
    occurred_at: datetime


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


class InvitationCreated(InvitationRead):
    token: str = Field(description="Shown once: send it to the invitee.")
    accept_path: str


class RoleChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: RoleName


class AcceptInvitation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = Field(None, description="Your name, for a new account.")
    password: str = Field(
        min_length=1, max_length=1024, description="A new password, or your existing one."
    )


Scopes = Annotated[list[Scope], Field(min_length=1, max_length=20)]
CredentialName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)
]


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: CredentialName
    scopes: Scopes
    expires_at: Timestamp | None = None

    _scopes = field_validator("scopes")(validate_scopes)


class ApiKeyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    scopes: list[Scope]
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="Shown once. Send as `Authorization: Bearer` or `X-API-Key`.")


class ClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: CredentialName
    scopes: Scopes

    _scopes = field_validator("scopes")(validate_scopes)


class ClientRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    client_id: str
    scopes: list[Scope]
    revoked_at: datetime | None
    created_at: datetime


class ClientCreated(ClientRead):
    client_secret: str = Field(description="Shown once.")


class OrganizationSettings(BaseModel):
    """An organisation's own settings."""

    model_config = ConfigDict(extra="forbid")

    default_country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        description=(
            "ISO 3166 alpha-2 country where phone numbers written without a country code are "
            "read when neither the candidate's location nor the job names one. Until set, the "
            "country of the organisation's first job, else US."
        ),
        examples=["DE"],
    )

    @field_validator("default_country")
    @classmethod
    def _known_country(cls, country: str) -> str:
        if country not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"{country} is not a country code (ISO 3166 alpha-2)")
        return country
