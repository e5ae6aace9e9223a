"""Keeping match scores current: a candidate's after a résumé parse or an edit, a new
application's when it arrives, and a whole job's (in bulk) when its requirements change."""

from __future__ import annotations

import uuid

import structlog
from procrastinate import JobContext
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.applying import APPLICATION_CREATED
from hireline.candidates.profile import RESUME_PARSED
from hireline.candidates.service import CANDIDATE_UPDATED
from hireline.core import events
from hireline.core.events import DomainEvent
from hireline.core.queue import DEFAULT_RETRY, defer, job_unit_of_work, queue
from hireline.jobs.events import JOB_UPDATED
from hireline.matching import service

logger = structlog.get_logger(__name__)

# A queue of its own: re-scoring a big job must not hold up webhooks or résumé parsing.
MATCHING_QUEUE = "matching"
# The fields a score depends on; changes to others leave scores alone.
JOB_FIELDS = frozenset(
    {
        "required_skills",
        "preferred_skills",
        "skill_weights",
        "min_years_experience",
        "level",
        "locations",
    }
)
CANDIDATE_FIELDS = frozenset({"skills", "years_experience", "location"})


def _tenant(event: DomainEvent) -> uuid.UUID:
    assert event.tenant_id is not None
    return event.tenant_id


@events.on(RESUME_PARSED, name="matching.rescore_after_resume")
async def rescore_after_resume(event: DomainEvent, session: AsyncSession) -> None:
    candidate_id = uuid.UUID(event.payload["candidate_id"])
    await service.rescore_candidate(session, _tenant(event), candidate_id)


@events.on(CANDIDATE_UPDATED, name="matching.rescore_after_edit")
async def rescore_after_edit(event: DomainEvent, session: AsyncSession) -> None:
    if CANDIDATE_FIELDS.isdisjoint(event.payload.get("fields", ())):
        return
    candidate_id = uuid.UUID(event.payload["candidate_id"])
    await service.rescore_candidate(session, _tenant(event), candidate_id)


@events.on(APPLICATION_CREATED, name="matching.score_new_application")
async def score_new_application(event: DomainEvent, session: AsyncSession) -> None:
    await service.rescore_candidate(
        session,
        _tenant(event),
        uuid.UUID(event.payload["candidate_id"]),
        application_id=uuid.UUID(event.payload["application_id"]),
    )


@events.on(JOB_UPDATED, name="matching.rescore_after_job_change")
async def rescore_after_job_change(event: DomainEvent, session: AsyncSession) -> None:
    if JOB_FIELDS.isdisjoint(event.payload.get("fields", ())):
        return
    await request_job_rescore(session, _tenant(event), uuid.UUID(event.payload["job_id"]))


async def request_job_rescore(
    session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID
) -> None:
    """Queue a bulk re-score of the job, unless one is already waiting (it will read the
    job as it is when it runs, so one is enough)."""
    try:
        await defer(
            session,
            rescore_job,
            options={"queueing_lock": f"matching.rescore_job:{job_id}"},
            tenant_id=str(tenant_id),
            job_id=str(job_id),
        )
    except AlreadyEnqueued:
        logger.info("job_rescore_already_queued", job_id=str(job_id))


@queue.task(
    name="matching.rescore_job", pass_context=True, retry=DEFAULT_RETRY, queue=MATCHING_QUEUE
)
async def rescore_job(context: JobContext, tenant_id: str, job_id: str) -> None:
    """Re-score every application of a job in one transaction."""
    async with job_unit_of_work(context, tenant_id=uuid.UUID(tenant_id)) as session:
        scored = await service.rescore_job(session, uuid.UUID(tenant_id), uuid.UUID(job_id))
    logger.info("job_rescored", job_id=job_id, applications=scored)
