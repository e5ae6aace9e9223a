"""Bodies of the notes and tags API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from hireline.candidates.schemas import Tag

NoteText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: NoteText = Field(
        description="The note. `@name` (a member's e-mail address, or the part before its @) "
        "mentions that member, who is told by e-mail."
    )


class MentionRead(BaseModel):
    user_id: uuid.UUID
    name: str
    email: str


class NoteRead(BaseModel):
    id: uuid.UUID
    candidate_id: uuid.UUID
    author_id: uuid.UUID | None
    author_name: str | None
    body: str
    mentions: list[MentionRead]
    created_at: datetime


class NoteList(BaseModel):
    items: list[NoteRead]


class TagsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tags: list[Tag] = Field(max_length=50, description="The whole list; duplicates are dropped.")


class TagsAdd(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tags: list[Tag] = Field(min_length=1, max_length=50)


class TagList(BaseModel):
    tags: list[str]
