"""Request and response bodies of the guides API."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hireline.guides.templates.content import Slug


class TemplateSummary(BaseModel):
    key: str
    title: str
    family: str
    summary: str
    aliases: list[str]
    origin: Literal["built-in", "tenant"]
    version: int
    forked_from: str | None


class TemplateRead(TemplateSummary):
    """A template's full content (see the RoleTemplate schema) with its provenance."""

    content: dict[str, Any]


class ForkRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    new_key: Slug | None = Field(
        None, description="Key of the copy; defaults to the source's key, replacing it for you."
    )


class TemplatePatch(BaseModel):
    """A JSON merge patch (RFC 7386) of the template content, kept as a new version."""

    model_config = ConfigDict(extra="forbid")

    patch: dict[str, Any] = Field(min_length=1)
    note: str | None = Field(None, max_length=500, description="Why this version was made.")


class VersionRead(BaseModel):
    version: int
    note: str | None
    created_by: str | None
    created_at: datetime | None
