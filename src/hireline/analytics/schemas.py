"""What the analytics API answers: each report with how fresh its figures are."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, Field


@dataclass(frozen=True)
class Filters:
    """Which applications a report covers: by job, by source, by the day they arrived."""

    job_id: uuid.UUID | None = None
    source: str | None = None
    date_from: date | None = None
    date_to: date | None = None


class Freshness(BaseModel):
    """When the summaries behind a report were rebuilt; a periodic job rebuilds them."""

    refreshed_at: datetime | None = Field(
        description="When the figures were computed; null until the first rebuild."
    )
    age_seconds: int | None


class Durations(BaseModel):
    """Percentiles of a duration, each the upper bound (hours) of the histogram bucket that
    holds it; null when nothing was measured or the value lies beyond the last bound."""

    measured: int = Field(description="How many durations the percentiles are taken over.")
    median_hours: int | None
    p75_hours: int | None
    p90_hours: int | None


class Reason(BaseModel):
    outcome: str = Field(description="rejected or withdrawn")
    reason: str = Field(description="The rejection reason's code; empty when none was given.")
    applications: int


class FunnelStage(BaseModel):
    position: int
    name: str
    applications: int = Field(
        description="Applications that got this far (moving back later does not undo it)."
    )
    conversion_to_next: float | None = Field(
        description="Share of these that reached the next stage; null for the last stage."
    )
    rejected: int = Field(description="Applications rejected while in this stage.")
    withdrawn: int
    reasons: list[Reason]


class Funnel(BaseModel):
    freshness: Freshness
    applications: int
    stages: list[FunnelStage]


class StageTime(BaseModel):
    position: int
    name: str
    time: Durations = Field(
        description="Time spent in the stage per application, all visits added up; "
        "applications still in it are not measured."
    )


class TimeInStage(BaseModel):
    freshness: Freshness
    stages: list[StageTime]


class TimeToHire(BaseModel):
    freshness: Freshness
    applications: int
    hires: int
    time_to_hire: Durations
    time_to_first_action: Durations = Field(
        description="From applying to the hiring team's first step (a move, a rejection, ...)."
    )


class SourceFigures(BaseModel):
    source: str
    applications: int
    interviewed: int = Field(description="Applications with an interview (not cancelled).")
    offered: int = Field(description="Applications that were sent an offer.")
    hired: int


class SourceMonth(BaseModel):
    month: date = Field(description="The first day of the month the applications arrived in.")
    source: str
    applications: int


class Sources(BaseModel):
    freshness: Freshness
    sources: list[SourceFigures]
    monthly: list[SourceMonth]


class Offers(BaseModel):
    freshness: Freshness
    sent: int
    accepted: int
    declined: int
    acceptance_rate: float | None = Field(description="Accepted among the offers answered.")
    time_to_accept: Durations = Field(description="From sending to acceptance.")
    in_band_share: float | None = Field(
        description="Share of sent offers within their salary band, among those with a band."
    )


class PipelineHealth(BaseModel):
    freshness: Freshness
    stale_after_days: int
    stale_applications: int = Field(
        description="Active applications nobody has touched for `stale_after_days` days."
    )
    interviews_without_scorecards: int = Field(
        description="Interviews that are over with a panellist's scorecard missing."
    )
