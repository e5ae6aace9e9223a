"""The interviews domain's door: plans and kits, scheduling, scorecards and hours.

Routes, the web app and other domains call these; the rules live in the sub-modules
(`plans`, `kits`, `scheduling`, `calendar`, `availability`, `scorecards`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.core.errors import NotFound
from hireline.core.principal import Principal
from hireline.interviews import availability, kits, plans, scheduling, scorecards
from hireline.interviews.models import Interview, Scorecard
from hireline.interviews.repository import InterviewRepository
from hireline.interviews.schemas import (
    NO_EVIDENCE,
    AttributeSummary,
    AvailabilityRead,
    AvailabilityWrite,
    FeedbackSummary,
    GivenRating,
    InterviewCreate,
    InterviewRead,
    InterviewUpdate,
    KitRead,
    MissingScorecard,
    PlanInterviewRead,
    PlanRead,
    PlanWrite,
    RequirementRead,
    ScorecardHistory,
    ScorecardRead,
    ScorecardVersionRead,
    ScorecardWrite,
    Slot,
)
from hireline.jobs import service as jobs

FeedbackHidden = scorecards.FeedbackHidden
user_id_of = scheduling.user_id_of


def _plan_read(plan: plans.Plan) -> PlanRead:
    def requirement(r: kits.Requirement) -> RequirementRead:
        return RequirementRead(
            key=r.key, name=r.name, kind=r.kind, covered_by=plan.covered_by.get(r.key, [])
        )

    return PlanRead(
        job_id=plan.job_id,
        interviews=[
            PlanInterviewRead(
                id=row.id,
                name=row.name,
                stage_id=row.stage_id,
                position=row.position,
                duration_minutes=row.duration_minutes,
                interviewer_ids=list(row.interviewer_ids),
                kit=KitRead.model_validate(row.kit),
            )
            for row in plan.interviews
        ],
        requirements=[requirement(r) for r in plan.requirements],
        uncovered=[requirement(r) for r in plan.uncovered],
    )


async def get_plan(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> PlanRead:
    """The job's interview plan (its template's default, made on first use)."""
    return _plan_read(await plans.get(session, principal, job_id))


async def replace_plan(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, body: PlanWrite
) -> PlanRead:
    return _plan_read(await plans.replace(session, principal, job_id, body))


async def describe(
    session: AsyncSession, principal: Principal, interviews: list[Interview]
) -> list[InterviewRead]:
    """The API view of interviews: panel, candidate's name, job title, the caller's scoring.

    A fixed number of statements for any number of interviews (GraphQL describes those of
    many applications at once)."""
    if not interviews:
        return []
    repo = InterviewRepository(session)
    ids = [i.id for i in interviews]
    panels = await repo.panels(ids)
    # Erased candidates are not among them: their interviews show no name.
    people = await candidates.candidates_by_ids(
        session, repo.tenant_id, list({i.candidate_id for i in interviews})
    )
    held = await jobs.fresh_jobs(session, repo.tenant_id, {i.job_id for i in interviews})
    user_id = user_id_of(principal)
    scored_ids = await repo.scored_by(ids, user_id) if user_id is not None else set()
    described = []
    for interview in interviews:
        person = people.get(interview.candidate_id)
        candidate_name = person.name if person is not None else None
        job = held.get(interview.job_id)
        if job is None:
            raise NotFound("No job with this id.")
        scored = interview.id in scored_ids
        described.append(
            InterviewRead(
                id=interview.id,
                application_id=interview.application_id,
                job_id=interview.job_id,
                job_title=job.title,
                candidate_id=interview.candidate_id,
                candidate_name=candidate_name,
                plan_interview_id=interview.plan_interview_id,
                name=interview.name,
                starts_at=interview.starts_at,
                ends_at=interview.ends_at,
                time_zone=interview.time_zone,
                location=interview.location,
                video_url=interview.video_url,
                status=interview.status,
                ical_uid=interview.ical_uid,
                sequence=interview.sequence,
                interviewer_ids=panels[interview.id],
                scorecard_submitted=scored,
                kit=KitRead.model_validate(interview.kit),
            )
        )
    return described


async def schedule(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID, body: InterviewCreate
) -> InterviewRead:
    interview = await scheduling.schedule(session, principal, application_id, body)
    return (await describe(session, principal, [interview]))[0]


async def get_interview(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID
) -> InterviewRead:
    interview = await scheduling.visible(session, principal, interview_id)
    return (await describe(session, principal, [interview]))[0]


async def reschedule(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID, body: InterviewUpdate
) -> InterviewRead:
    interview = await scheduling.reschedule(session, principal, interview_id, body)
    return (await describe(session, principal, [interview]))[0]


async def cancel(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID
) -> InterviewRead:
    interview = await scheduling.cancel(session, principal, interview_id)
    return (await describe(session, principal, [interview]))[0]


async def interviews_of_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> list[InterviewRead]:
    found = await scheduling.of_application(session, principal, application_id)
    return await describe(session, principal, found)


async def interviews_of_applications(
    session: AsyncSession, principal: Principal, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[InterviewRead]]:
    """`interviews_of_application` for many applications at once, in a fixed number of
    statements; applications that are not the tenant's are left out."""
    found = await scheduling.of_applications(session, principal, application_ids)
    described = iter(await describe(session, principal, [i for g in found.values() for i in g]))
    return {
        application_id: [next(described) for _ in group] for application_id, group in found.items()
    }


async def my_interviews(
    session: AsyncSession, principal: Principal, *, include_past: bool = False
) -> list[InterviewRead]:
    found = await scheduling.mine(session, principal, include_past=include_past)
    return await describe(session, principal, found)


async def to_score(session: AsyncSession, principal: Principal) -> list[InterviewRead]:
    """The caller's past interviews still waiting for their scorecard (the dashboard's list)."""
    user_id = user_id_of(principal)
    if user_id is None:
        return []
    rows = await InterviewRepository(session).awaiting_scorecards(
        datetime.now(UTC), user_id=user_id, limit=50
    )
    return await describe(session, principal, [interview for interview, _ in rows])


async def _scorecard_reads(session: AsyncSession, cards: list[Scorecard]) -> list[ScorecardRead]:
    who = await scorecards.names(session)
    return [
        ScorecardRead(
            id=card.id,
            interview_id=card.interview_id,
            application_id=card.application_id,
            interviewer_id=card.interviewer_id,
            interviewer_name=who.get(card.interviewer_id),
            version=card.version,
            ratings={k: (NO_EVIDENCE if v is None else v) for k, v in card.ratings.items()},
            notes=card.notes,
            summary=card.summary,
            recommendation=card.recommendation,
            submitted_at=card.submitted_at,
            updated_at=card.updated_at,
        )
        for card in cards
    ]


async def submit_scorecard(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID, body: ScorecardWrite
) -> ScorecardRead:
    card = await scorecards.submit(session, principal, interview_id, body)
    await InterviewRepository(session).reread(card)
    return (await _scorecard_reads(session, [card]))[0]


async def scorecard_history(
    session: AsyncSession, principal: Principal, scorecard_id: uuid.UUID
) -> ScorecardHistory:
    """Every submitted version of a scorecard, oldest first."""
    card, versions = await scorecards.history(session, principal, scorecard_id)
    return ScorecardHistory(
        scorecard_id=card.id,
        versions=[
            ScorecardVersionRead(
                version=v.version,
                ratings={k: (NO_EVIDENCE if r is None else r) for k, r in v.ratings.items()},
                notes=v.notes,
                summary=v.summary,
                recommendation=v.recommendation,
                submitted_at=v.submitted_at,
            )
            for v in versions
        ],
    )


async def own_scorecard(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID
) -> ScorecardRead | None:
    card = await scorecards.own(session, principal, interview_id)
    return (await _scorecard_reads(session, [card]))[0] if card else None


async def scorecards_of_interview(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID
) -> list[ScorecardRead]:
    return await _scorecard_reads(
        session, await scorecards.of_interview(session, principal, interview_id)
    )


async def scorecards_of_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> list[ScorecardRead]:
    return await _scorecard_reads(
        session, await scorecards.of_application(session, principal, application_id)
    )


async def scorecards_of_applications(
    session: AsyncSession, principal: Principal, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[ScorecardRead] | scorecards.Refusal]:
    """`scorecards_of_application` for many applications at once: each one's scorecards, or
    the error asking for them alone would raise (not found, feedback hidden)."""
    return await _scorecard_groups(
        session, await scorecards.of_applications(session, principal, application_ids)
    )


async def scorecards_of_interviews(
    session: AsyncSession, principal: Principal, interview_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[ScorecardRead] | scorecards.Refusal]:
    """`scorecards_of_interview` for many interviews at once, as above."""
    return await _scorecard_groups(
        session, await scorecards.of_interviews(session, principal, interview_ids)
    )


async def _scorecard_groups(
    session: AsyncSession, found: dict[uuid.UUID, list[Scorecard] | scorecards.Refusal]
) -> dict[uuid.UUID, list[ScorecardRead] | scorecards.Refusal]:
    cards = [card for group in found.values() if isinstance(group, list) for card in group]
    reads = iter(await _scorecard_reads(session, cards) if cards else [])
    return {
        key: [next(reads) for _ in group] if isinstance(group, list) else group
        for key, group in found.items()
    }


async def feedback_summary(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> FeedbackSummary:
    found = await scorecards.summary(session, principal, application_id)
    return FeedbackSummary(
        application_id=found.application_id,
        attributes=[
            AttributeSummary(
                key=a.key,
                name=a.name,
                kind=a.kind,
                average=a.average,
                ratings=[
                    GivenRating(
                        interviewer_id=r.interviewer_id,
                        interviewer_name=r.interviewer_name,
                        interview_name=r.interview_name,
                        rating=NO_EVIDENCE if r.rating is None else r.rating,
                    )
                    for r in a.ratings
                ],
            )
            for a in found.attributes
        ],
        recommendations=found.recommendations,
        no_evidence_yet=[
            RequirementRead(key=r.key, name=r.name, kind=r.kind, covered_by=[])
            for r in found.no_evidence_yet
        ],
        missing=[
            MissingScorecard(
                interview_id=m.interview.id,
                interview_name=m.interview.name,
                interviewer_id=m.interviewer_id,
                interviewer_name=m.interviewer_name,
            )
            for m in found.missing
        ],
    )


async def my_hours(session: AsyncSession, principal: Principal) -> AvailabilityRead:
    user_id = user_id_of(principal)
    if user_id is None:
        raise NotFound("Only people have working hours.")
    hours = await availability.hours_of(session, user_id)
    return AvailabilityRead(user_id=user_id, time_zone=hours.time_zone, windows=hours.windows)


async def set_my_hours(
    session: AsyncSession, principal: Principal, body: AvailabilityWrite
) -> AvailabilityRead:
    hours = await availability.set_own(session, principal, body)
    return AvailabilityRead(user_id=hours.user_id, time_zone=hours.time_zone, windows=hours.windows)


async def free_slots(
    session: AsyncSession,
    principal: Principal,
    application_id: uuid.UUID,
    *,
    plan_interview_id: uuid.UUID | None,
    interviewer_ids: list[uuid.UUID],
    minutes: int | None,
    after: datetime | None,
    count: int,
) -> list[Slot]:
    """The next free slots of the panel (the plan interview's, unless named) for the
    application's interview."""
    repo = InterviewRepository(session)
    application = await candidates.get_application(session, repo.tenant_id, application_id)
    panel = list(interviewer_ids)
    length = minutes or 60
    if plan_interview_id is not None:
        await plans.ensure(session, principal, application.job_id)
        planned = await repo.plan_interview(plan_interview_id)
        if planned is None or planned.job_id != application.job_id:
            raise NotFound("No interview with this id in the job's plan.")
        panel = panel or list(planned.interviewer_ids)
        length = minutes or planned.duration_minutes
    if not panel:
        return []
    found = await availability.suggest(session, panel, minutes=length, after=after, count=count)
    return [Slot(starts_at=s, ends_at=e) for s, e in found]


@dataclass(frozen=True)
class QuestionChoice:
    """A question the plan editor offers for a job's kits."""

    id: str
    category: str
    topic: str
    question: str


async def question_choices(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID
) -> list[QuestionChoice]:
    """The job's template's questions for its level, and any question its kits already ask."""
    plan = await plans.get(session, principal, job_id)
    choices: dict[str, QuestionChoice] = {}
    for row in plan.interviews:
        for q in kits.Kit.load(row.kit).questions:
            choices.setdefault(q.id, QuestionChoice(q.id, q.category, q.topic, q.question))
    material = await plans.material_for(session, job_id)
    for m in material.questions if material else ():
        choices.setdefault(m.id, QuestionChoice(m.id, m.category, m.topic, m.question))
    order = {"technical": 0, "behavioral": 1, "culture": 2}
    return sorted(choices.values(), key=lambda c: (order.get(c.category, 3), c.topic))


async def plan_interview_options(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> list[PlanInterviewRead]:
    """The interviews of the application's job plan (the schedule dialog's choices)."""
    repo = InterviewRepository(session)
    application = await candidates.get_application(session, repo.tenant_id, application_id)
    return (await get_plan(session, principal, application.job_id)).interviews


async def application_job_id(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> uuid.UUID:
    repo = InterviewRepository(session)
    return (await candidates.get_application(session, repo.tenant_id, application_id)).job_id
