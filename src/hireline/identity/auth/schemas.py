"""Request and response bodies of sign-up, the token endpoint and the caller's profile."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

from hireline.identity.auth import passwords
from hireline.identity.organization.schemas import TenantRead
from hireline.identity.permissions import Scope

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


class PasswordChange(BaseModel):
    """A new password for the signed-in person, proven by the current one."""

    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(
        min_length=1,
        max_length=1024,
        json_schema_extra={"minLength": passwords.MIN_LENGTH, "maxLength": passwords.MAX_LENGTH},
    )
