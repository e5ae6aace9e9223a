"""Request filters and response bodies of candidate search."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

SearchSort = Literal["relevance", "newest", "match"]
SkillsMode = Literal["all", "any"]
HighlightField = Literal["headline", "resume", "notes"]


@dataclass(frozen=True)
class SearchFilters:
    """What narrows the result besides the query text; every field optional."""

    job_id: uuid.UUID | None = None
    # Several values of one filter widen it (any of them); filters narrow one another.
    stage_ids: tuple[uuid.UUID, ...] = ()
    status: str | None = None
    skills: tuple[str, ...] = ()
    skills_mode: SkillsMode = "all"
    locations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: str | None = None
    applied_from: datetime | None = None
    applied_to: datetime | None = None
    years_min: float | None = None
    years_max: float | None = None

    @property
    def on_candidates(self) -> bool:
        """Whether any of these narrows by what the candidate is rather than by applications."""
        return bool(
            self.skills
            or self.tags
            or self.locations
            or self.source
            or self.years_min is not None
            or self.years_max is not None
        )

    @property
    def on_applications(self) -> bool:
        """Whether a candidate needs an application satisfying some of these."""
        return bool(self.stage_ids) or any(
            value is not None
            for value in (
                self.job_id,
                self.status,
                self.applied_from,
                self.applied_to,
            )
        )


class Fragment(BaseModel):
    text: str
    match: bool = Field(description="Whether this piece is a matched term.")


class Highlight(BaseModel):
    """Where the query matched in one field, as an excerpt."""

    field: HighlightField
    fragments: list[Fragment] = Field(
        description="The excerpt in order, matched terms flagged; for clients that render it."
    )
    html: str = Field(
        description="The same excerpt HTML-escaped, matched terms wrapped in <mark></mark>."
    )


class SearchHit(BaseModel):
    id: uuid.UUID
    name: str | None
    email: str | None
    headline: str | None
    location: str | None
    skills: list[str]
    tags: list[str]
    years_experience: float | None
    source: str
    created_at: datetime
    relevance: float | None = Field(
        description="How well the candidate matches `q`, from 0 to 1 (higher is better; "
        "comparable within one query only). Null without `q` and with `sort=newest` or "
        "`sort=match`."
    )
    match_score: float | None = Field(
        description="With `sort=match`: the stored match score of the candidate's application "
        "to `job`, 0-100 (see GET /v1/applications/{id}/match); null until it is computed, "
        "and null with the other sorts."
    )
    highlights: list[Highlight]


class FacetValue(BaseModel):
    value: str
    label: str | None = Field(default=None, description="The stage name, for stage facets.")
    job_id: uuid.UUID | None = None
    count: int


class Facets(BaseModel):
    stage: list[FacetValue]
    skills: list[FacetValue]
    location: list[FacetValue]


class SearchPage(BaseModel):
    items: list[SearchHit]
    next_cursor: str | None
    total: int | None = Field(
        description="Matching candidates (first page only); a lower bound when not exact."
    )
    total_is_exact: bool | None = Field(
        description="False when more candidates match than search examines for ranking and "
        "facets (see `window` in the docs); null on later pages."
    )
    facets: Facets | None = Field(description="Counts on the current result (first page only).")
