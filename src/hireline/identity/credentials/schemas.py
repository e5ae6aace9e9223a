"""Request and response bodies of API keys and OAuth clients."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from hireline.core.timestamps import Timestamp
from hireline.identity.permissions import Scope


def validate_scopes(scopes: list[Scope]) -> list[Scope]:
    """Duplicates are dropped, order kept (the enum refuses unknown scopes)."""
    return list(dict.fromkeys(scopes))


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
