"""Keeping match scores current: a candidate's after a résumé parse or an edit, a new
application's when it arrives, and a whole job's (in bulk) when its requirements change.

With HIRELINE_SEMANTIC_MATCHING on, the same jobs first bring the embeddings they need up to
date (`semantic.refresh_*`: nothing is embedded again for unchanged text), and changes to the
embedded text (a job's title or description, a candidate's headline, ...) re-score too.
"""

from __future__ import annotations

import uuid

import structlog
from procrastinate import JobContext
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.events import CandidateEvent
from hireline.core import events
from hireline.core.events import DomainEvent
from hireline.core.queue import (
    DEFAULT_RETRY,
    defer,
    job_settings,
    job_unit_of_work,
    queue,
    worker_state,
)
from hireline.jobs.events import JobEvent
from hireline.matching import semantic, service

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
# The fields the embedded texts depend on (a candidate's name and contacts because they are
# taken out of the text); with semantic matching, changes to them re-embed and re-score.
JOB_TEXT_FIELDS = frozenset({"title", "description", "required_skills", "preferred_skills"})
CANDIDATE_TEXT_FIELDS = frozenset({"headline", "skills", "name", "email", "phone", "links"})


def _tenant(event: DomainEvent) -> uuid.UUID:
    assert event.tenant_id is not None
    return event.tenant_id


def _semantic(session: AsyncSession) -> bool:
    settings = job_settings(session)
    return settings is not None and settings.semantic_matching


async def _refresh_jobs_of(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> None:
    # Jobs get embedded when their text changes; these may predate the setting. In one order
    # everywhere, so that two jobs re-embedding the same jobs cannot deadlock on their rows.
    for job_id in sorted(await service.job_ids_of(session, tenant_id, candidate_id)):
        await semantic.refresh_job(session, tenant_id, job_id)


@events.on(CandidateEvent.RESUME_PARSED, name="matching.rescore_after_resume")
async def rescore_after_resume(event: DomainEvent, session: AsyncSession) -> None:
    """Every application of the candidate, after a résumé was read (or could not be: the
    application it came with still needs its first score)."""
    tenant_id, candidate_id = _tenant(event), uuid.UUID(event.payload["candidate_id"])
    with_semantic = _semantic(session)
    if with_semantic:
        await semantic.refresh_candidate(session, tenant_id, candidate_id)
        await _refresh_jobs_of(session, tenant_id, candidate_id)
    await service.rescore_candidate(session, tenant_id, candidate_id, semantic=with_semantic)


events.register_handler(
    CandidateEvent.RESUME_PARSE_FAILED,
    rescore_after_resume,
    name="matching.rescore_after_unreadable_resume",
)


@events.on(CandidateEvent.CANDIDATE_UPDATED, name="matching.rescore_after_edit")
async def rescore_after_edit(event: DomainEvent, session: AsyncSession) -> None:
    fields = set(event.payload.get("fields", ()))
    tenant_id, candidate_id = _tenant(event), uuid.UUID(event.payload["candidate_id"])
    with_semantic = _semantic(session)
    embedded = (
        with_semantic
        and not CANDIDATE_TEXT_FIELDS.isdisjoint(fields)
        and await semantic.refresh_candidate(session, tenant_id, candidate_id)
    )
    if CANDIDATE_FIELDS.isdisjoint(fields) and not embedded:
        return
    await service.rescore_candidate(session, tenant_id, candidate_id, semantic=with_semantic)


async def _without_resume(event: DomainEvent, _session: AsyncSession) -> bool:
    return event.payload.get("resume_id") is None


@events.on(
    CandidateEvent.APPLICATION_CREATED,
    name="matching.score_new_application",
    when=_without_resume,
)
async def score_new_application(event: DomainEvent, session: AsyncSession) -> None:
    """Score an application that came without a résumé. One with a résumé is scored once
    the résumé has been read, from what it says (the handlers above), not twice."""
    tenant_id, candidate_id = _tenant(event), uuid.UUID(event.payload["candidate_id"])
    with_semantic = _semantic(session)
    if with_semantic:
        await semantic.refresh_candidate(session, tenant_id, candidate_id)
        await semantic.refresh_job(session, tenant_id, uuid.UUID(event.payload["job_id"]))
    await service.rescore_candidate(
        session,
        tenant_id,
        candidate_id,
        application_id=uuid.UUID(event.payload["application_id"]),
        semantic=with_semantic,
    )


@events.on(JobEvent.UPDATED, name="matching.rescore_after_job_change")
async def rescore_after_job_change(event: DomainEvent, session: AsyncSession) -> None:
    fields = event.payload.get("fields", ())
    text_changed = _semantic(session) and not JOB_TEXT_FIELDS.isdisjoint(fields)
    if JOB_FIELDS.isdisjoint(fields) and not text_changed:
        return
    # The bulk re-score re-embeds the job first, when it runs.
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
    with_semantic = worker_state(context).settings.semantic_matching
    async with job_unit_of_work(context, tenant_id=uuid.UUID(tenant_id)) as session:
        if with_semantic:
            await semantic.refresh_job(session, uuid.UUID(tenant_id), uuid.UUID(job_id))
        scored = await service.rescore_job(
            session, uuid.UUID(tenant_id), uuid.UUID(job_id), semantic=with_semantic
        )
    logger.info("job_rescored", job_id=job_id, applications=scored)


# Candidates embedded per back-fill job: about ten seconds of the model's time on two cores.
BACKFILL_BATCH = 100


@queue.task(
    name="matching.semantic_backfill",
    pass_context=True,
    retry=DEFAULT_RETRY,
    queue=MATCHING_QUEUE,
)
async def semantic_backfill(context: JobContext, tenant_id: str, after: str | None = None) -> None:
    """Embed the applicants who predate semantic matching (or its model), a batch per job,
    each batch queueing the next; the last queues a bulk re-score of every job, which embeds
    the job and blends the similarity into its scores. Unchanged texts are not embedded again,
    so running it twice costs little."""
    if not worker_state(context).settings.semantic_matching:
        logger.warning("semantic_backfill_skipped", reason="HIRELINE_SEMANTIC_MATCHING is off")
        return
    tenant = uuid.UUID(tenant_id)
    async with job_unit_of_work(context, tenant_id=tenant) as session:
        batch = await service.applicant_ids(
            session, tenant, after=uuid.UUID(after) if after else None, limit=BACKFILL_BATCH
        )
        embedded = 0
        for candidate_id in batch:
            embedded += await semantic.refresh_candidate(session, tenant, candidate_id)
        if len(batch) == BACKFILL_BATCH:
            await defer(session, semantic_backfill, tenant_id=tenant_id, after=str(batch[-1]))
        else:
            for job_id in await service.tenant_job_ids(session, tenant):
                await request_job_rescore(session, tenant, job_id)
    logger.info("semantic_backfill_batch", candidates=len(batch), embedded=embedded)
