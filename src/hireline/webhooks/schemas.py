"""Request and response bodies of the webhooks API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints, field_validator
from pydantic.config import JsonDict

from hireline.webhooks.catalogue import ALL_EVENTS, EVENT_TYPES

DeliveryStatus = Literal["pending", "succeeded", "failed"]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]


def _check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise ValueError("the URL must start with https:// or http://")
    if not parts.hostname:
        raise ValueError("the URL has no host")
    if parts.username or parts.password:
        raise ValueError("the URL must not hold a user name or password")
    return url.strip()


# The validators' rules as schema, for generated clients and fuzzers.
_URL_SCHEMA: JsonDict = {"pattern": r"^\s*[hH][tT][tT][pP][sS]?://[^/?#@\s]+"}
_EVENT_TYPES_SCHEMA: JsonDict = {"items": {"type": "string", "enum": [*EVENT_TYPES, ALL_EVENTS]}}


def _check_event_types(types: list[str]) -> list[str]:
    unknown = [t for t in types if t != ALL_EVENTS and t not in EVENT_TYPES]
    if unknown:
        raise ValueError(
            f"unknown event type(s): {', '.join(unknown)}; known: {', '.join(EVENT_TYPES)}, or *"
        )
    return list(dict.fromkeys(types))


class EndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(
        max_length=2000, description="http(s) URL receiving POSTs.", json_schema_extra=_URL_SCHEMA
    )
    event_types: list[str] = Field(
        min_length=1,
        max_length=50,
        description="Event types to receive; `*` for all.",
        json_schema_extra=_EVENT_TYPES_SCHEMA,
    )
    description: Description | None = None
    enabled: StrictBool = True

    _url = field_validator("url")(_check_url)
    _types = field_validator("event_types")(_check_event_types)


class EndpointUpdate(BaseModel):
    """A partial change; enabling a disabled endpoint clears its failure record."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(None, max_length=2000, json_schema_extra=_URL_SCHEMA)
    event_types: list[str] | None = Field(
        None, min_length=1, max_length=50, json_schema_extra=_EVENT_TYPES_SCHEMA
    )
    description: Description | None = None
    enabled: StrictBool | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, url: str | None) -> str | None:
        return None if url is None else _check_url(url)

    @field_validator("event_types")
    @classmethod
    def _types(cls, types: list[str] | None) -> list[str] | None:
        return None if types is None else _check_event_types(types)


class EndpointRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    url: str
    event_types: list[str]
    description: str | None
    enabled: bool
    failing_since: datetime | None = Field(
        description="Start of the current run of failed attempts, if any."
    )
    disabled_reason: str | None
    created_at: datetime
    updated_at: datetime


class EndpointWithSecret(EndpointRead):
    """Returned when the secret is created or rotated: the only times it is shown."""

    secret: str = Field(description="`whsec_...`: verifies the `webhook-signature` header.")


class AttemptRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: int
    attempted_at: datetime
    status_code: int | None
    latency_ms: int
    error: str | None
    response_body: str | None


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID = Field(description="Also the `webhook-id` header of every attempt.")
    endpoint_id: uuid.UUID
    event_id: int | None
    event_type: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    finished_at: datetime | None


class DeliveryDetail(DeliveryRead):
    body: str = Field(description="The JSON sent, exactly.")
    attempt_log: list[AttemptRead]


class DeliveryPage(BaseModel):
    items: list[DeliveryRead]
    next_cursor: str | None


class EventTypeRead(BaseModel):
    type: str
    description: str
