# Strawberry types `field(description=...)` as returning Any, which strict mypy calls untyped.
# mypy: disable-error-code="untyped-decorator"
"""The schema's object types: the REST API's read shapes, with relations as fields."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import strawberry

from hireline.candidates.schemas import ApplicationRead, CandidateRead
from hireline.core.errors import NotFound
from hireline.graphql.context import GraphQLContext
from hireline.graphql.limits import page_size
from hireline.identity.permissions import Action
from hireline.interviews.schemas import InterviewRead, ScorecardRead
from hireline.jobs.schemas import StageRead
from hireline.matching.schemas import MatchSummary
from hireline.offers.schemas import OfferRead

Info = strawberry.Info[GraphQLContext, None]


@strawberry.type
class Stage:
    id: uuid.UUID
    name: str
    kind: str
    position: int

    @classmethod
    def of(cls, read: StageRead) -> Stage:
        return cls(id=read.id, name=read.name, kind=read.kind, position=read.position)


@strawberry.type
class MatchReason:
    part: str
    fit: float
    points: float
    text: str


@strawberry.type(description="The stored match score and the parts that weigh most.")
class Match:
    score: float
    reasons: list[MatchReason]

    @classmethod
    def of(cls, summary: MatchSummary) -> Match:
        return cls(
            score=summary.score,
            reasons=[
                MatchReason(part=r.part, fit=r.fit, points=r.points, text=r.text)
                for r in summary.reasons
            ],
        )


@strawberry.type
class Scorecard:
    id: uuid.UUID
    interview_id: uuid.UUID
    application_id: uuid.UUID
    interviewer_id: uuid.UUID
    interviewer_name: str | None
    version: int
    summary: str | None
    recommendation: str
    submitted_at: datetime

    @classmethod
    def of(cls, read: ScorecardRead) -> Scorecard:
        return cls(
            id=read.id,
            interview_id=read.interview_id,
            application_id=read.application_id,
            interviewer_id=read.interviewer_id,
            interviewer_name=read.interviewer_name,
            version=read.version,
            summary=read.summary,
            recommendation=read.recommendation,
            submitted_at=read.submitted_at,
        )


@strawberry.type
class Interview:
    id: uuid.UUID
    application_id: uuid.UUID
    job_id: uuid.UUID
    name: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    location: str | None
    status: str
    interviewer_ids: list[uuid.UUID]
    scorecard_submitted: bool

    @classmethod
    def of(cls, read: InterviewRead) -> Interview:
        return cls(
            id=read.id,
            application_id=read.application_id,
            job_id=read.job_id,
            name=read.name,
            starts_at=read.starts_at,
            ends_at=read.ends_at,
            time_zone=read.time_zone,
            location=read.location,
            status=read.status,
            interviewer_ids=read.interviewer_ids,
            scorecard_submitted=read.scorecard_submitted,
        )

    @strawberry.field(description="Its scorecards, as far as the caller may read them.")
    async def scorecards(self, info: Info) -> list[Scorecard] | None:
        context = info.context
        context.require(Action.SCORECARDS_READ)
        found = await context.loaders.scorecards_of_interview.load(self.id)
        return [Scorecard.of(card) for card in found]


@strawberry.type
class Offer:
    id: uuid.UUID
    application_id: uuid.UUID
    status: str
    base_salary: int
    currency: str
    bonus: int | None
    start_date: date
    expires_at: datetime
    within_band: bool | None
    created_at: datetime
    sent_at: datetime | None
    decided_at: datetime | None

    @classmethod
    def of(cls, read: OfferRead) -> Offer:
        return cls(
            id=read.id,
            application_id=read.application_id,
            status=read.status,
            base_salary=read.base_salary,
            currency=read.currency,
            bonus=read.bonus,
            start_date=read.start_date,
            expires_at=read.expires_at,
            within_band=read.within_band,
            created_at=read.created_at,
            sent_at=read.sent_at,
            decided_at=read.decided_at,
        )


@strawberry.type
class Candidate:
    id: uuid.UUID
    name: str | None
    email: str | None
    phone: str | None
    location: str | None
    headline: str | None
    skills: list[str]
    years_experience: float | None
    tags: list[str]
    source: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, read: CandidateRead) -> Candidate:
        return cls(
            id=read.id,
            name=read.name,
            email=read.email,
            phone=read.phone,
            location=read.location,
            headline=read.headline,
            skills=read.skills,
            years_experience=read.years_experience,
            tags=read.tags,
            source=read.source,
            created_at=read.created_at,
            updated_at=read.updated_at,
        )

    @strawberry.field(description="Applications to the jobs the caller may see, newest first.")
    async def applications(self, info: Info) -> list[Application]:
        found = await info.context.loaders.applications_of_candidate.load(self.id)
        return [Application.of(read) for read in found]


@strawberry.type
class StageRef:
    id: uuid.UUID
    name: str
    kind: str


@strawberry.type
class Application:
    id: uuid.UUID
    job_id: uuid.UUID
    candidate_id: uuid.UUID
    status: str
    source: str
    rejection_reason: str | None
    applied_at: datetime
    updated_at: datetime
    stage: StageRef | None
    match_summary: strawberry.Private[MatchSummary | None]

    @classmethod
    def of(cls, read: ApplicationRead) -> Application:
        stage = read.stage
        return cls(
            id=read.id,
            job_id=read.job_id,
            candidate_id=read.candidate_id,
            status=read.status,
            source=read.source,
            rejection_reason=read.rejection_reason,
            applied_at=read.applied_at,
            updated_at=read.updated_at,
            stage=StageRef(id=stage.id, name=stage.name, kind=stage.kind) if stage else None,
            match_summary=read.match,
        )

    @strawberry.field(graphql_type=Candidate | None)
    def candidate(self, info: Info) -> Any:
        # Synchronous when a listing has primed the candidate, as it does for a job's pages:
        # a thousand awaitables cost graphql-core more than the statement that read them.
        primed = info.context.loaders.primed_candidate(self.candidate_id)
        return Candidate.of(primed) if primed is not None else self._candidate(info)

    async def _candidate(self, info: Info) -> Candidate:
        found = await info.context.loaders.candidate.load(self.candidate_id)
        if found is None:  # erased since the application was read
            raise NotFound("No candidate with this id.")
        return Candidate.of(found)

    @strawberry.field(description="Null until the worker has scored the application.")
    def match(self) -> Match | None:
        return Match.of(self.match_summary) if self.match_summary is not None else None

    @strawberry.field
    async def interviews(self, info: Info) -> list[Interview] | None:
        context = info.context
        context.require(Action.INTERVIEWS_READ)
        found = await context.loaders.interviews_of_application.load(self.id)
        return [Interview.of(read) for read in found]

    @strawberry.field
    async def scorecards(self, info: Info) -> list[Scorecard] | None:
        context = info.context
        context.require(Action.SCORECARDS_READ)
        found = await context.loaders.scorecards_of_application.load(self.id)
        return [Scorecard.of(card) for card in found]

    @strawberry.field(description="Offers the caller may see: all, or those they approve.")
    async def offers(self, info: Info) -> list[Offer] | None:
        context = info.context
        context.require(Action.OFFERS_APPROVE)
        found = await context.loaders.offers_of_application.load(self.id)
        return [Offer.of(read) for read in found]


@strawberry.type
class ApplicationPage:
    items: list[Application]
    next_cursor: str | None


@strawberry.type
class Job:
    id: uuid.UUID
    title: str
    department: str | None
    status: str
    employment_type: str
    level: str | None
    openings: int | None
    created_at: datetime
    published_at: datetime | None
    closed_at: datetime | None

    @classmethod
    def of(cls, job: Any) -> Job:
        return cls(
            id=job.id,
            title=job.title,
            department=job.department,
            status=job.status,
            employment_type=job.employment_type,
            level=job.level,
            openings=job.openings,
            created_at=job.created_at,
            published_at=job.published_at,
            closed_at=job.closed_at,
        )

    @strawberry.field
    async def stages(self, info: Info) -> list[Stage]:
        return [Stage.of(read) for read in await info.context.loaders.stages_of_job.load(self.id)]

    @strawberry.field(description="The job's applications, newest first, a page at a time.")
    async def applications(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> ApplicationPage | None:
        info.context.require(Action.CANDIDATES_READ)
        items, next_cursor = await info.context.loaders.applications_of_job.load(
            (self.id, page_size(first), after)
        )
        return ApplicationPage(
            items=[Application.of(read) for read in items], next_cursor=next_cursor
        )


@strawberry.type
class JobPage:
    items: list[Job]
    next_cursor: str | None


@strawberry.type
class CandidatePage:
    items: list[Candidate]
    next_cursor: str | None
