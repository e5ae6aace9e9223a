"""Match scores: computed from a job and a candidate, stored per application, kept current.

Every writer of a job's scores first takes a transaction-scoped advisory lock on the job
(`MatchRepository.lock_jobs`), then reads the job and the candidates: a job's bulk re-score
and a candidate's re-score never interleave, so the stored score always reflects data that
had committed when it was written, whichever job ran last.

A job's bulk re-score streams its applicants through a server-side cursor in batches, scores
each batch in Python (the same `scoring.score` a single application uses, so the two never
disagree) and writes the batch back with COPY, after deleting the job's old scores in the same
transaction: readers see the old ranking until it commits. (COPY cannot write to a table under
row-level security, so the batches are copied into a temporary table and moved into
`match_scores` by one INSERT ... SELECT.) See `bench/match.py` for figures.

With `semantic=True` (HIRELINE_SEMANTIC_MATCHING) both read the stored embeddings of the job
and the candidate (`hireline.matching.semantic`; the bulk re-score in its streamed query) and
pass their similarity to `scoring.score`; a pair lacking either embedding is scored without
that part. They never embed anything themselves: the worker's tasks do, beforehand.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.core.errors import NotFound
from hireline.jobs import service as jobs
from hireline.matching import reasons
from hireline.matching import semantic as semantics
from hireline.matching.models import MatchScore
from hireline.matching.repository import Applicant, MatchRepository
from hireline.matching.schemas import MatchSummary
from hireline.matching.scoring import Profile, Requirements, score

# Applicant lists (candidates, below) rank by these scores, summed up in words.
candidates.rank_applicants_by(MatchScore, reasons.summary)

# Applicants scored per round trip in a bulk re-score: big enough that the per-batch costs
# vanish, small enough that a job of a million applicants stays in modest memory.
BULK_BATCH = 5_000


def requirements_of(job: jobs.JobRow) -> Requirements:
    """What the job asks for, prepared for scoring."""
    return Requirements.of(
        required_skills=job.required_skills,
        preferred_skills=job.preferred_skills,
        skill_weights=job.skill_weights or {},
        min_years=job.min_years_experience,
        level=job.level,
        locations=job.locations or [],
    )


def profile_of(candidate: candidates.CandidateRow) -> Profile:
    """The facts about a candidate that matching may use, and nothing else."""
    return Profile(
        skills=tuple(candidate.skills or ()),
        years_experience=candidate.years_experience,
        location=candidate.location,
    )


def _repository(session: AsyncSession, tenant_id: uuid.UUID) -> MatchRepository:
    return MatchRepository.working_for(session, tenant_id)


async def job_ids_of(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> list[uuid.UUID]:
    """The jobs the candidate applied to."""
    applied = await candidates.applications_with_jobs(session, tenant_id, candidate_id)
    return list(dict.fromkeys(job_id for _, job_id in applied))


async def tenant_job_ids(session: AsyncSession, tenant_id: uuid.UUID) -> list[uuid.UUID]:
    """Every job of the tenant, in id order."""
    return await jobs.all_job_ids(session, tenant_id)


async def applicant_ids(
    session: AsyncSession, tenant_id: uuid.UUID, *, after: uuid.UUID | None, limit: int
) -> list[uuid.UUID]:
    """Live candidates who applied to something, in id order, the first `limit` after `after`."""
    return await candidates.live_applicant_ids(session, tenant_id, after=after, limit=limit)


async def rescore_candidate(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    candidate_id: uuid.UUID,
    *,
    application_id: uuid.UUID | None = None,
    semantic: bool = False,
) -> int:
    """Re-score the candidate's applications (or just `application_id`); how many were.

    With `semantic`, the stored embeddings' similarity joins the score where both exist.
    """
    applied = await candidates.applications_with_jobs(
        session, tenant_id, candidate_id, application_id=application_id
    )
    job_ids = [job_id for _, job_id in applied]
    if not job_ids:
        return 0
    scores = _repository(session, tenant_id)
    await scores.lock_jobs(job_ids)
    candidate = await candidates.fresh_candidate(session, tenant_id, candidate_id)
    if candidate is None or candidate.erased_at is not None:
        return 0
    # Read after the lock: the jobs as they are now, not as the session last saw them.
    applied = await candidates.applications_with_jobs(
        session, tenant_id, candidate_id, application_id=application_id
    )
    current = await jobs.fresh_jobs(session, tenant_id, {job_id for _, job_id in applied})
    profile = profile_of(candidate)
    similar = (
        await semantics.similarities(session, tenant_id, candidate_id, job_ids) if semantic else {}
    )
    rows: list[dict[str, Any]] = []
    for app_id, job_id in applied:
        job = current[job_id]
        value, explanation = score(
            requirements_of(job), profile, semantic_similarity=semantics.fit(similar.get(job.id))
        )
        rows.append(
            {
                "application_id": app_id,
                "job_id": job.id,
                "score": value,
                "explanation": explanation,
            }
        )
    if not rows:
        return 0
    await scores.store(rows)
    return len(rows)


async def rescore_job(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    job_id: uuid.UUID,
    *,
    batch: int = BULK_BATCH,
    semantic: bool = False,
) -> int:
    """Re-score every application of the job in bulk; how many were scored.

    With `semantic`, each applicant's similarity to the job comes with them in the stream.
    """
    scores = _repository(session, tenant_id)
    await scores.lock_jobs([job_id])
    job = (await jobs.fresh_jobs(session, tenant_id, {job_id})).get(job_id)
    if job is None:
        return 0
    requirements = requirements_of(job)

    def scored(applicant: Applicant) -> tuple[float, str]:
        _, skills, years, location, similarity = applicant
        value, explanation = score(
            requirements,
            Profile(skills, years, location),
            semantic_similarity=semantics.fit(similarity),
        )
        return value, orjson.dumps(explanation).decode()

    return await scores.rescore_job(
        job_id, scored, batch=batch, semantic_model=semantics.MODEL_NAME if semantic else None
    )


@dataclass(frozen=True, slots=True)
class Match:
    """An application's match: stored, or computed on the spot (`computed_at` None)."""

    application_id: uuid.UUID
    job_id: uuid.UUID
    candidate_id: uuid.UUID
    score: float
    explanation: dict[str, Any]
    computed_at: datetime | None


async def get(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    application_id: uuid.UUID,
    *,
    semantic: bool = False,
) -> Match:
    """The application's match as last stored, or computed now if it was never scored
    (with `semantic`, from embeddings already stored: a request never embeds).

    NotFound for another tenant's or a missing application.
    """
    application = await candidates.get_application(session, tenant_id, application_id)
    stored = await _repository(session, tenant_id).stored(application.id)
    if stored is not None:
        return Match(
            application.id,
            application.job_id,
            application.candidate_id,
            stored.score,
            stored.explanation,
            stored.computed_at,
        )
    # Not scored yet (its job is queued): computed for this read, stored by the worker.
    job = (await jobs.fresh_jobs(session, tenant_id, {application.job_id})).get(application.job_id)
    candidate = await candidates.fresh_candidate(session, tenant_id, application.candidate_id)
    if job is None or candidate is None:  # foreign keys forbid it
        raise NotFound("No application with this id.")
    similar = (
        await semantics.similarities(session, tenant_id, candidate.id, [job.id]) if semantic else {}
    )
    value, explanation = score(
        requirements_of(job),
        profile_of(candidate),
        semantic_similarity=semantics.fit(similar.get(job.id)),
    )
    return Match(application.id, job.id, candidate.id, value, explanation, None)


# For the web app


def match_summary(score: float, explanation: Mapping[str, Any]) -> MatchSummary:
    """A stored score with its top reasons in words, as the candidate page shows them."""
    return reasons.summary(score, explanation)
