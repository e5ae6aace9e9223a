"""Request and response bodies of the interviews API."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from hireline.core.timestamps import Timestamp

Recommendation = Literal["strong_no", "no", "yes", "strong_yes"]
RECOMMENDATIONS: tuple[Recommendation, ...] = ("strong_no", "no", "yes", "strong_yes")
NO_EVIDENCE = "no_evidence"
Rating = Literal[1, 2, 3, 4] | Literal["no_evidence"]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
QuestionId = Annotated[str, StringConstraints(min_length=1, max_length=200)]
AttributeKey = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Note = Annotated[str, StringConstraints(max_length=5000)]
MAX_PANEL = 12


def _known_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("not an IANA time zone such as Europe/Berlin") from None
    return value


TimeZone = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64),
    AfterValidator(_known_zone),
    Field(description="IANA time zone, e.g. Europe/Berlin.", examples=["Europe/Berlin"]),
]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Plans and kits


class AnchorRead(BaseModel):
    rating: int
    label: str
    sounds_like: str


class AttributeRead(BaseModel):
    key: str
    name: str
    kind: str
    question_ids: list[str]
    levels: list[AnchorRead]
    tip: str | None = None


class KitQuestionRead(BaseModel):
    id: str
    category: str
    topic: str
    question: str
    strong_answer: str
    probes: list[str]


class RedFlagRead(BaseModel):
    title: str
    problem: str
    instead: str


class KitRead(BaseModel):
    questions: list[KitQuestionRead]
    attributes: list[AttributeRead]
    evaluation_tips: list[str]
    red_flags: list[RedFlagRead]


class PlanInterviewWrite(_Input):
    """One interview of the plan; its kit is built from the bank questions named."""

    id: uuid.UUID | None = Field(None, description="Keep an existing interview (its id).")
    name: Name
    stage_id: uuid.UUID | None = None
    duration_minutes: int = Field(60, ge=10, le=480)
    interviewer_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_PANEL)
    question_ids: list[QuestionId] = Field(default_factory=list, max_length=40)


class PlanWrite(_Input):
    interviews: list[PlanInterviewWrite] = Field(max_length=20)


class PlanInterviewRead(BaseModel):
    id: uuid.UUID
    name: str
    stage_id: uuid.UUID | None
    position: int
    duration_minutes: int
    interviewer_ids: list[uuid.UUID]
    kit: KitRead


class RequirementRead(BaseModel):
    key: str
    name: str
    kind: str
    covered_by: list[str] = Field(description="Names of the plan's interviews that rate it.")


class PlanRead(BaseModel):
    job_id: uuid.UUID
    interviews: list[PlanInterviewRead]
    requirements: list[RequirementRead]
    uncovered: list[RequirementRead]


# Scheduling


class InterviewCreate(_Input):
    """Schedule one interview of the job's plan; local times are read in `time_zone`."""

    plan_interview_id: uuid.UUID
    interviewer_ids: list[uuid.UUID] | None = Field(
        None, min_length=1, max_length=MAX_PANEL, description="Default: the plan's panel."
    )
    starts_at: Timestamp
    ends_at: Timestamp | None = Field(None, description="Default: start + the plan's duration.")
    time_zone: TimeZone
    location: Annotated[str | None, StringConstraints(max_length=300)] = None
    video_url: Annotated[
        str | None, StringConstraints(max_length=500, pattern=r"^https://\S+$")
    ] = None
    force: bool = Field(False, description="Schedule despite the panel's other interviews.")


class InterviewUpdate(_Input):
    """Reschedule or change the panel: an update with the same UID goes to everyone."""

    interviewer_ids: list[uuid.UUID] | None = Field(None, min_length=1, max_length=MAX_PANEL)
    starts_at: Timestamp | None = None
    ends_at: Timestamp | None = None
    time_zone: TimeZone | None = None
    location: Annotated[str | None, StringConstraints(max_length=300)] = None
    video_url: Annotated[
        str | None, StringConstraints(max_length=500, pattern=r"^https://\S+$")
    ] = None
    force: bool = False


class InterviewRead(BaseModel):
    id: uuid.UUID
    application_id: uuid.UUID
    job_id: uuid.UUID
    job_title: str
    candidate_id: uuid.UUID
    candidate_name: str | None
    plan_interview_id: uuid.UUID | None
    name: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    location: str | None
    video_url: str | None
    status: Literal["scheduled", "cancelled"]
    ical_uid: str
    sequence: int
    interviewer_ids: list[uuid.UUID]
    scorecard_submitted: bool = Field(description="Whether the caller has scored it.")
    kit: KitRead


class InterviewList(BaseModel):
    items: list[InterviewRead]


# Scorecards


class ScorecardWrite(_Input):
    """A rating per kit attribute (1-4 or no_evidence), notes per question, a recommendation."""

    ratings: dict[AttributeKey, Rating] = Field(max_length=60)
    notes: dict[QuestionId, Note] = Field(default_factory=dict, max_length=60)
    summary: Annotated[str | None, StringConstraints(max_length=10000)] = None
    recommendation: Recommendation


class ScorecardRead(BaseModel):
    id: uuid.UUID
    interview_id: uuid.UUID
    application_id: uuid.UUID
    interviewer_id: uuid.UUID
    interviewer_name: str | None
    version: int
    ratings: dict[str, Rating]
    notes: dict[str, str]
    summary: str | None
    recommendation: Recommendation
    submitted_at: datetime
    updated_at: datetime


class ScorecardVersionRead(BaseModel):
    version: int
    ratings: dict[str, Rating]
    notes: dict[str, str]
    summary: str | None
    recommendation: Recommendation
    submitted_at: datetime


class ScorecardHistory(BaseModel):
    scorecard_id: uuid.UUID
    versions: list[ScorecardVersionRead]


class ScorecardList(BaseModel):
    items: list[ScorecardRead]


class GivenRating(BaseModel):
    interviewer_id: uuid.UUID
    interviewer_name: str | None
    interview_name: str
    rating: Rating


class AttributeSummary(BaseModel):
    key: str
    name: str
    kind: str
    ratings: list[GivenRating]
    average: float | None


class MissingScorecard(BaseModel):
    interview_id: uuid.UUID
    interview_name: str
    interviewer_id: uuid.UUID
    interviewer_name: str | None


class FeedbackSummary(BaseModel):
    application_id: uuid.UUID
    attributes: list[AttributeSummary]
    recommendations: dict[Recommendation, int]
    no_evidence_yet: list[RequirementRead]
    missing: list[MissingScorecard]


# Weekly hours and free slots


class WeeklyWindow(_Input):
    weekday: int = Field(ge=1, le=7, description="ISO weekday: 1 Monday ... 7 Sunday.")
    starts: time
    ends: time


class AvailabilityWrite(_Input):
    time_zone: TimeZone
    windows: list[WeeklyWindow] = Field(max_length=50)


class AvailabilityRead(BaseModel):
    user_id: uuid.UUID
    time_zone: str | None
    windows: list[WeeklyWindow]


class Slot(BaseModel):
    starts_at: datetime
    ends_at: datetime


class SlotList(BaseModel):
    items: list[Slot]
