"""Bodies of the saved searches API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from hireline.search.query import MAX_QUERY_LENGTH

FilterValue = Annotated[str, StringConstraints(max_length=200)]
# The search's own parameters (GET /v1/candidates/search), nothing else.
FILTER_NAMES = (
    "job",
    "stage",
    "status",
    "skills",
    "skills_mode",
    "location",
    "tags",
    "source",
    "years_min",
    "years_max",
    "sort",
)


class SavedSearchCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    query: Annotated[str, StringConstraints(max_length=MAX_QUERY_LENGTH)] = ""
    filters: dict[str, list[FilterValue]] = Field(
        default_factory=dict,
        max_length=len(FILTER_NAMES),
        description="Search parameters by name (job, stage, status, skills, skills_mode, "
        "location, tags, source, years_min, years_max, sort), each a list of values.",
    )


class SavedSearchRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    query: str
    filters: dict[str, list[str]]
    created_at: datetime


class SavedSearchList(BaseModel):
    items: list[SavedSearchRead]
