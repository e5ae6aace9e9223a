"""Response bodies of the matching API: a score and the explanation of each of its parts."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from hireline.candidates.schemas import MatchReason as MatchReason
from hireline.candidates.schemas import MatchSummary as MatchSummary
from hireline.matching.scoring import WEIGHTS


class Points(BaseModel):
    """One part of the score: its weight (scaled so the job's parts sum to 100), fit, points."""

    weight: float = Field(description="Points this part is worth for this job.")
    fit: float = Field(ge=0, le=1, description="How much of it the candidate meets (0-1).")
    points: float = Field(description="weight x fit: this part's share of the score.")


class RelatedSkill(BaseModel):
    skill: str = Field(description="The skill the job asks for.")
    via: str = Field(description="The related skill the candidate has (same family).")
    credit: float = Field(description="Share of the skill's weight it earns.")


class SkillsPart(Points):
    matched: list[str]
    related: list[RelatedSkill]
    missing: list[str]
    skill_weights: dict[str, float] | None = Field(
        None, description="Skills weighted other than 1, by name."
    )


class YearsPart(Points):
    minimum: float
    candidate: float | None
    note: str | None = None


class LevelPart(Points):
    job: str
    candidate_estimate: str | None = Field(description="The level the candidate's years suggest.")
    note: str | None = None


class LocationPart(Points):
    candidate: str | None
    job: list[str]
    reason: str


class MatchParts(BaseModel):
    """The parts the job asks for; a part it does not ask for is absent."""

    required_skills: SkillsPart | None = None
    preferred_skills: SkillsPart | None = None
    years: YearsPart | None = None
    level: LevelPart | None = None
    location: LocationPart | None = None
    semantic: Points | None = Field(
        None,
        description="Semantic similarity of résumé and job (HIRELINE_SEMANTIC_MATCHING): fit is "
        "the cosine similarity of their sentence embeddings, 0 when negative.",
    )


class MatchRead(BaseModel):
    """How well the application's candidate fits the job, and why."""

    application_id: uuid.UUID
    job_id: uuid.UUID
    candidate_id: uuid.UUID
    score: float = Field(ge=0, le=100)
    computed_at: datetime | None = Field(
        description="When it was stored; null when computed for this read (not scored yet)."
    )
    base_weights: dict[str, float] = Field(
        default_factory=lambda: dict(WEIGHTS),
        description="Each part's weight before scaling to the parts this job asks for "
        "(`semantic` only when the score has that part).",
    )
    parts: MatchParts
