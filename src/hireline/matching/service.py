"""Match scores: computed from a job and a candidate, stored per application, kept current.

Every writer of a job's scores first takes a transaction-scoped advisory lock on the job
(`_lock_jobs`), then reads the job and the candidates: a job's bulk re-score and a candidate's
re-score never interleave, so the stored score always reflects data that had committed when
it was written, whichever job ran last.

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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import orjson
import psycopg
from sqlalchemy import delete, exists, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.models import Application, Candidate
from hireline.core.errors import NotFound
from hireline.jobs.models import Job
from hireline.matching import semantic as semantics
from hireline.matching.models import MatchScore
from hireline.matching.scoring import Profile, Requirements, score

# Applicants scored per round trip in a bulk re-score: big enough that the per-batch costs
# vanish, small enough that a job of a million applicants stays in modest memory.
BULK_BATCH = 5_000

_APPLICANTS = """
SELECT a.id, c.skills, c.years_experience, c.location, NULL::float8
  FROM applications a
  JOIN candidates c ON c.tenant_id = a.tenant_id AND c.id = a.candidate_id
 WHERE a.tenant_id = %(tenant_id)s AND a.job_id = %(job_id)s AND c.erased_at IS NULL
"""
# The same, with each applicant's cosine similarity to the job (NULL without both embeddings);
# the tables exist only where pgvector does (migration 0012).
_APPLICANTS_SEMANTIC = """
SELECT a.id, c.skills, c.years_experience, c.location, 1 - (ce.embedding <=> je.embedding)
  FROM applications a
  JOIN candidates c ON c.tenant_id = a.tenant_id AND c.id = a.candidate_id
  LEFT JOIN job_embeddings je
    ON je.tenant_id = a.tenant_id AND je.job_id = a.job_id AND je.model = %(model)s
  LEFT JOIN candidate_embeddings ce
    ON ce.tenant_id = c.tenant_id AND ce.candidate_id = c.id AND ce.model = %(model)s
 WHERE a.tenant_id = %(tenant_id)s AND a.job_id = %(job_id)s AND c.erased_at IS NULL
"""
# COPY cannot write to a table under row-level security, so batches go to a temporary table
# first and reach `match_scores` in one INSERT ... SELECT (where the policy checks each row).
_BATCH_TABLE = """
CREATE TEMPORARY TABLE match_batch (
    application_id uuid NOT NULL, score double precision NOT NULL, explanation jsonb NOT NULL
) ON COMMIT DROP
"""
_COPY_BATCH = "COPY match_batch (application_id, score, explanation) FROM STDIN"
_STORE_BATCH = """
INSERT INTO match_scores (tenant_id, job_id, application_id, score, explanation)
SELECT %(tenant_id)s, %(job_id)s, application_id, score, explanation FROM match_batch
"""


def requirements_of(job: Job) -> Requirements:
    """What the job asks for, prepared for scoring."""
    return Requirements.of(
        required_skills=job.required_skills,
        preferred_skills=job.preferred_skills,
        skill_weights=job.skill_weights or {},
        min_years=job.min_years_experience,
        level=job.level,
        locations=job.locations or [],
    )


def profile_of(candidate: Candidate) -> Profile:
    """The facts about a candidate that matching may use, and nothing else."""
    return Profile(
        skills=tuple(candidate.skills or ()),
        years_experience=candidate.years_experience,
        location=candidate.location,
    )


async def _lock_jobs(session: AsyncSession, job_ids: Iterable[uuid.UUID]) -> None:
    # In one order everywhere, so that two writers locking several jobs cannot deadlock.
    for job_id in sorted(set(job_ids)):
        key = func.hashtextextended(f"hireline.match:{job_id}", 0)
        await session.execute(select(func.pg_advisory_xact_lock(key)))


async def job_ids_of(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> list[uuid.UUID]:
    """The jobs the candidate applied to."""
    scope = select(Application.job_id).where(
        Application.tenant_id == tenant_id, Application.candidate_id == candidate_id
    )
    return list(dict.fromkeys((await session.execute(scope)).scalars()))


async def tenant_job_ids(session: AsyncSession, tenant_id: uuid.UUID) -> list[uuid.UUID]:
    """Every job of the tenant, in id order."""
    scope = select(Job.id).where(Job.tenant_id == tenant_id).order_by(Job.id)
    return list((await session.execute(scope)).scalars())


async def applicant_ids(
    session: AsyncSession, tenant_id: uuid.UUID, *, after: uuid.UUID | None, limit: int
) -> list[uuid.UUID]:
    """Live candidates who applied to something, in id order, the first `limit` after `after`."""
    scope = select(Candidate.id).where(
        Candidate.tenant_id == tenant_id,
        Candidate.erased_at.is_(None),
        exists().where(
            Application.tenant_id == tenant_id, Application.candidate_id == Candidate.id
        ),
    )
    if after is not None:
        scope = scope.where(Candidate.id > after)
    return list((await session.execute(scope.order_by(Candidate.id).limit(limit))).scalars())


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
    scope = select(Application.job_id).where(
        Application.tenant_id == tenant_id, Application.candidate_id == candidate_id
    )
    if application_id is not None:
        scope = scope.where(Application.id == application_id)
    job_ids = list((await session.execute(scope)).scalars())
    if not job_ids:
        return 0
    await _lock_jobs(session, job_ids)
    candidate = (
        await session.execute(
            select(Candidate)
            .where(Candidate.tenant_id == tenant_id, Candidate.id == candidate_id)
            .execution_options(populate_existing=True)
        )
    ).scalar_one_or_none()
    if candidate is None or candidate.erased_at is not None:
        return 0
    query = (
        select(Application.id, Job)
        .join(Job, (Job.tenant_id == Application.tenant_id) & (Job.id == Application.job_id))
        .where(Application.tenant_id == tenant_id, Application.candidate_id == candidate_id)
        .execution_options(populate_existing=True)
    )
    if application_id is not None:
        query = query.where(Application.id == application_id)
    profile = profile_of(candidate)
    similar = (
        await semantics.similarities(session, tenant_id, candidate_id, job_ids) if semantic else {}
    )
    rows: list[dict[str, Any]] = []
    for app_id, job in (await session.execute(query)).all():
        value, explanation = score(
            requirements_of(job), profile, semantic_similarity=semantics.fit(similar.get(job.id))
        )
        rows.append(
            {
                "tenant_id": tenant_id,
                "application_id": app_id,
                "job_id": job.id,
                "score": value,
                "explanation": explanation,
            }
        )
    if not rows:
        return 0
    upsert = insert(MatchScore).values(rows)
    await session.execute(
        upsert.on_conflict_do_update(
            index_elements=[MatchScore.tenant_id, MatchScore.application_id],
            set_={
                "job_id": upsert.excluded.job_id,
                "score": upsert.excluded.score,
                "explanation": upsert.excluded.explanation,
                "computed_at": func.now(),
            },
        )
    )
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
    await _lock_jobs(session, [job_id])
    job = (
        await session.execute(
            select(Job)
            .where(Job.tenant_id == tenant_id, Job.id == job_id)
            .execution_options(populate_existing=True)
        )
    ).scalar_one_or_none()
    if job is None:
        return 0
    requirements = requirements_of(job)
    await session.execute(
        delete(MatchScore).where(MatchScore.tenant_id == tenant_id, MatchScore.job_id == job_id)
    )
    connection = await session.connection()
    raw = cast(
        "psycopg.AsyncConnection[Any]", (await connection.get_raw_connection()).driver_connection
    )
    scored = 0
    params = {"tenant_id": tenant_id, "job_id": job_id}
    streamed = _APPLICANTS_SEMANTIC if semantic else _APPLICANTS
    async with raw.cursor(name=f"match_{job_id.hex}") as applicants, raw.cursor() as sink:
        await sink.execute(_BATCH_TABLE)
        await applicants.execute(streamed, {**params, "model": semantics.MODEL_NAME})
        while rows := await applicants.fetchmany(batch):
            async with sink.copy(_COPY_BATCH) as copy:
                for app_id, skills, years, location, similarity in rows:
                    value, explanation = score(
                        requirements,
                        Profile(skills, years, location),
                        semantic_similarity=semantics.fit(similarity),
                    )
                    await copy.write_row((app_id, value, orjson.dumps(explanation).decode()))
            scored += len(rows)
        await sink.execute(_STORE_BATCH, params)
        await sink.execute("DROP TABLE match_batch")
    return scored


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
    found = (
        await session.execute(
            select(Application, MatchScore)
            .outerjoin(
                MatchScore,
                (MatchScore.tenant_id == Application.tenant_id)
                & (MatchScore.application_id == Application.id),
            )
            .where(Application.tenant_id == tenant_id, Application.id == application_id)
        )
    ).first()
    if found is None:
        raise NotFound("No application with this id.")
    application, stored = found
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
    job = await session.get(Job, (tenant_id, application.job_id))
    candidate = await session.get(Candidate, (tenant_id, application.candidate_id))
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
# Appended apart from the imports above so that the parallel refactor of this room merges
# cleanly; the lead moves these imports to the top at merge.
from collections.abc import Mapping  # noqa: E402

from hireline.matching import reasons as _reasons  # noqa: E402
from hireline.matching.schemas import MatchSummary  # noqa: E402


def match_summary(score: float, explanation: Mapping[str, Any]) -> MatchSummary:
    """A stored score with its top reasons in words, as the candidate page shows them."""
    return _reasons.summary(score, explanation)
