"""Candidates as recruiters see them: lists, profiles, edits and résumé files."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.models import Activity, Application, Candidate, Resume
from hireline.candidates.schemas import CandidateUpdate
from hireline.core.errors import NotFound
from hireline.core.pagination import cut_page, id_after
from hireline.core.principal import Principal
from hireline.core.sql import contains_pattern
from hireline.jobs.models import PipelineStage


async def get(session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID) -> Candidate:
    candidate = await session.get(Candidate, (tenant_id, candidate_id))
    if candidate is None or candidate.erased_at is not None:
        raise NotFound("No candidate with this id.")
    return candidate


async def page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    q: str | None,
    tag: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Candidate], str | None]:
    """Candidates newest first; `q` matches name or e-mail."""
    query = select(Candidate).where(Candidate.tenant_id == tenant_id, Candidate.erased_at.is_(None))
    if q:
        pattern = contains_pattern(q)
        query = query.where(or_(Candidate.name.ilike(pattern), Candidate.email.ilike(pattern)))
    if tag:
        query = query.where(Candidate.tags.contains([tag]))
    after = id_after(cursor)
    if after is not None:
        query = query.where(Candidate.id < after)
    result = await session.execute(query.order_by(Candidate.id.desc()).limit(limit + 1))
    return cut_page(list(result.scalars()), limit, lambda candidate: candidate.id)


async def applications_of_job(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    job_id: uuid.UUID,
    *,
    stage_id: uuid.UUID | None,
    status: str | None,
    applied_from: datetime | None,
    applied_to: datetime | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[tuple[Application, Candidate, str | None]], str | None]:
    """A job's applications newest first, with their candidates and stage names."""
    query = (
        select(Application, Candidate, PipelineStage.name)
        .join(
            Candidate,
            (Candidate.tenant_id == Application.tenant_id)
            & (Candidate.id == Application.candidate_id),
        )
        .outerjoin(
            PipelineStage,
            (PipelineStage.tenant_id == Application.tenant_id)
            & (PipelineStage.id == Application.stage_id),
        )
        .where(Application.tenant_id == tenant_id, Application.job_id == job_id)
    )
    if stage_id is not None:
        query = query.where(Application.stage_id == stage_id)
    if status is not None:
        query = query.where(Application.status == status)
    if applied_from is not None:
        query = query.where(Application.applied_at >= applied_from)
    if applied_to is not None:
        query = query.where(Application.applied_at < applied_to)
    after = id_after(cursor)
    if after is not None:
        query = query.where(Application.id < after)
    result = await session.execute(query.order_by(Application.id.desc()).limit(limit + 1))
    rows: list[tuple[Application, Candidate, str | None]] = [
        (row[0], row[1], row[2]) for row in result.all()
    ]
    return cut_page(rows, limit, lambda row: row[0].id)


async def resumes_of(session: AsyncSession, candidate: Candidate) -> list[Resume]:
    rows = await session.execute(
        select(Resume)
        .where(Resume.tenant_id == candidate.tenant_id, Resume.candidate_id == candidate.id)
        .order_by(Resume.id.desc())
    )
    return list(rows.scalars())


async def applications_of(session: AsyncSession, candidate: Candidate) -> list[Application]:
    rows = await session.execute(
        select(Application)
        .where(
            Application.tenant_id == candidate.tenant_id,
            Application.candidate_id == candidate.id,
        )
        .order_by(Application.id.desc())
    )
    return list(rows.scalars())


async def activities_of(session: AsyncSession, candidate: Candidate) -> list[Activity]:
    rows = await session.execute(
        select(Activity)
        .where(Activity.tenant_id == candidate.tenant_id, Activity.candidate_id == candidate.id)
        .order_by(Activity.id)
    )
    return list(rows.scalars())


_LISTS = {"tags", "skills"}
# Fields résumé parsing would otherwise fill in (see `profile.merge_into`).
_PROFILE_FIELDS = {"name", "phone", "location", "headline", "skills", "years_experience"}


async def update(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID, body: CandidateUpdate
) -> Candidate:
    """Change a profile; fields edited here are never overwritten by résumé parsing."""
    candidate = await get(session, principal.tenant_id, candidate_id)
    changes = body.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(candidate, name, list(dict.fromkeys(value)) if name in _LISTS else value)
    profile_fields = _PROFILE_FIELDS & set(changes)
    candidate.edited_fields = sorted(set(candidate.edited_fields) | profile_fields)
    candidate.updated_at = datetime.now(UTC)
    session.add(
        Activity(
            tenant_id=candidate.tenant_id,
            candidate_id=candidate.id,
            actor_type=principal.kind,
            actor_id=principal.id,
            kind="candidate.updated",
            details={"fields": sorted(changes)},
        )
    )
    await session.flush()
    return candidate


async def resume(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID, resume_id: uuid.UUID
) -> Resume:
    await get(session, tenant_id, candidate_id)
    stored = await session.get(Resume, (tenant_id, resume_id))
    if stored is None or stored.candidate_id != candidate_id:
        raise NotFound("No résumé with this id.")
    return stored


async def latest_resume(session: AsyncSession, candidate: Candidate) -> Resume:
    """The candidate's newest résumé; 404 if they have none."""
    resumes = await resumes_of(session, candidate)
    if not resumes:
        raise NotFound("This candidate has no résumé.")
    return max(resumes, key=lambda r: (r.created_at, r.id))
