"""Background work on candidates: reading each new résumé."""

from __future__ import annotations

import contextlib
import uuid
from datetime import UTC, datetime

import structlog
from procrastinate import JobContext
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import privacy, profile, service
from hireline.candidates.events import CandidateEvent
from hireline.candidates.models import Candidate, Resume
from hireline.candidates.repository import CandidateRepository
from hireline.core import events
from hireline.core.errors import NotFound
from hireline.core.events import DomainEvent
from hireline.core.queue import (
    DEFAULT_RETRY,
    WorkerState,
    defer,
    job_state,
    job_unit_of_work,
    queue,
    worker_state,
)
from hireline.identity.organization import service as organization
from hireline.jobs import service as jobs
from hireline.resumes.places import country_of
from hireline.resumes.sandbox import ParseOutcome, ParserPool
from hireline.settings import Settings

logger = structlog.get_logger(__name__)

# Résumés read on request (a re-parse, a sourced candidate, an import) are jobs of a queue of
# their own; an application's résumé is read in the job that handles the application.
RESUMES_QUEUE = "resumes"
VACUUM_LOCK = "candidates.vacuum_after_erasure"

_pools: dict[tuple[int, float, int], ParserPool] = {}


def parser_pool(settings: Settings) -> ParserPool:
    """This worker's parser children, as many as the jobs it runs at once."""
    key = (
        settings.worker_concurrency,
        settings.resume_parse_seconds,
        settings.resume_parse_memory_mb,
    )
    pool = _pools.get(key)
    if pool is None:
        pool = _pools[key] = ParserPool(
            settings.worker_concurrency,
            seconds=settings.resume_parse_seconds,
            memory_bytes=settings.resume_parse_memory_mb * 1024 * 1024,
        )
    return pool


async def request_parse(session: AsyncSession, resume: Resume) -> None:
    """Queue the reading of a résumé, in the caller's transaction."""
    await defer(
        session,
        parse_resume,
        tenant_id=str(resume.tenant_id),
        resume_id=str(resume.id),
    )


async def reparse_latest_resume(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> Resume:
    """Read the candidate's newest résumé again (after a parser upgrade, say): it is pending
    until the queued parse has run. NotFound without a candidate or a résumé."""
    candidate = await service.get(session, tenant_id, candidate_id)
    stored = await service.latest_resume(session, candidate)
    stored.parse_status, stored.parse_error = profile.PENDING, None
    await request_parse(session, stored)
    await CandidateRepository.working_for(session, tenant_id).flush()
    return stored


@events.on(CandidateEvent.APPLICATION_CREATED, name="candidates.parse_new_resume")
async def parse_new_resume(event: DomainEvent, session: AsyncSession) -> None:
    """Read the résumé an application brought, in the job that handles the application.

    A job of its own per résumé cost a burst of applications a third of its queue work (a
    fetch, a unit of work and a finish each) for ~10 ms of parsing. If reading fails, this
    handler is retried alone like any other (`events.handle`).
    """
    resume_id = event.payload.get("resume_id")
    if resume_id is None:  # added by hand without a résumé
        return
    assert event.tenant_id is not None  # candidates' events always have a tenant
    state = job_state(session)
    assert state is not None  # event handlers run in worker jobs only
    await _read_resume(session, state, event.tenant_id, uuid.UUID(resume_id))


@queue.task(name="resumes.parse", pass_context=True, retry=DEFAULT_RETRY, queue=RESUMES_QUEUE)
async def parse_resume(context: JobContext, tenant_id: str, resume_id: str) -> None:
    """Read a stored résumé in a parser child and record what it found (or why nothing)."""
    state = worker_state(context)
    async with job_unit_of_work(context, tenant_id=uuid.UUID(tenant_id)) as session:
        await _read_resume(session, state, uuid.UUID(tenant_id), uuid.UUID(resume_id))


async def _read_resume(
    session: AsyncSession, state: WorkerState, tenant_id: uuid.UUID, resume_id: uuid.UUID
) -> None:
    people = CandidateRepository.working_for(session, tenant_id)
    resume = await people.resume(resume_id, for_update=True)
    if resume is None:  # erased since
        return
    try:
        data = await state.storage.read(resume.storage_key)
    except FileNotFoundError:
        outcome = ParseOutcome(None, "The stored file is missing.")
    else:
        # Held here, so that the session keeps it (its identity map holds objects weakly)
        # for `record_parse`, which reads it again.
        candidate = await people.candidate(resume.candidate_id)
        home_region, default_region = await _phone_regions(session, resume, candidate)
        outcome = await parser_pool(state.settings).parse(
            data,
            resume.content_type,
            today=datetime.now(UTC).date(),
            default_region=default_region,
            home_region=home_region,
        )
    await profile.record_parse(session, resume, parsed=outcome.parsed, error=outcome.error)
    logger.info(
        "resume_parsed", resume_id=str(resume_id), status=resume.parse_status, error=outcome.error
    )


@events.on(CandidateEvent.CANDIDATE_ERASED, name="candidates.finish_erasure")
async def finish_erasure(event: DomainEvent, session: AsyncSession) -> None:
    """What erasure leaves to the worker here: a VACUUM. (The rooms above forget the rest
    from this event too: webhooks their bodies, notifications their mail files.)"""
    if event.tenant_id is None:
        return
    # One VACUUM waiting is enough for any number of erasures before it runs.
    with contextlib.suppress(AlreadyEnqueued):
        await defer(session, vacuum_after_erasure, options={"queueing_lock": VACUUM_LOCK})


@queue.task(name="candidates.vacuum_after_erasure", pass_context=True, retry=DEFAULT_RETRY)
async def vacuum_after_erasure(context: JobContext) -> None:
    """VACUUM the tables erasures touched, so old row versions do not keep the data."""
    owner_url = worker_state(context).owner_url
    if owner_url is None:
        logger.warning("erasure_vacuum_skipped", reason="the worker has no owner database URL")
        return
    logger.info("erasure_vacuumed", tables=await privacy.vacuum_erased(owner_url))


async def _phone_regions(
    session: AsyncSession, resume: Resume, candidate: Candidate | None
) -> tuple[str | None, str]:
    """Where to read phone numbers written without a country code: the country of the
    candidate's stated location if known, and the fallback after what the résumé itself
    says: the job's country, else the organisation's default country."""
    tenant_id = resume.tenant_id
    people = CandidateRepository.working_for(session, tenant_id)
    home_region = country_of(candidate.location) if candidate is not None else None
    job_country: str | None = None
    if resume.application_id is not None:
        application = await people.application(resume.application_id)
        if application is not None:
            with contextlib.suppress(NotFound):
                job = await jobs.get(session, tenant_id, application.job_id)
                job_country = next(
                    (place["country"] for place in job.locations if place.get("country")), None
                )
    default_region = job_country or await organization.default_country(session, tenant_id)
    return home_region, default_region
