"""Open jobs as the public sees them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Text, cast, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.board import branding
from hireline.core.errors import NotFound
from hireline.core.pagination import cut_page, id_after
from hireline.core.principal import Principal
from hireline.core.sql import contains_pattern
from hireline.jobs.models import Job


@dataclass(frozen=True)
class BoardFilter:
    q: str | None = None
    location: str | None = None
    remote: bool | None = None
    department: str | None = None


async def open_jobs(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    wanted: BoardFilter,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[Job], str | None]:
    """The tenant's open jobs, newest first, filtered."""
    query = select(Job).where(Job.tenant_id == tenant_id, Job.status == "open")
    if wanted.q:
        pattern = contains_pattern(wanted.q)
        query = query.where(
            or_(
                Job.title.ilike(pattern),
                Job.department.ilike(pattern),
                Job.description.ilike(pattern),
            )
        )
    if wanted.department:
        query = query.where(Job.department.ilike(wanted.department))
    if wanted.location:
        query = query.where(cast(Job.locations, Text).ilike(contains_pattern(wanted.location)))
    if wanted.remote is True:
        query = query.where(Job.locations.contains([{"mode": "remote"}]))
    elif wanted.remote is False:
        query = query.where(~Job.locations.contains([{"mode": "remote"}]))
    after = id_after(cursor)
    if after is not None:
        query = query.where(Job.id < after)
    result = await session.execute(query.order_by(Job.id.desc()).limit(limit + 1))
    return cut_page(list(result.scalars()), limit, lambda job: job.id)


async def open_job(session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID) -> Job:
    """One open job; drafts, paused and closed jobs are not public."""
    job = await session.get(Job, (tenant_id, job_id))
    if job is None or job.status != "open":
        raise NotFound("This job is not open, or does not exist.")
    return job


async def careers_branding(session: AsyncSession, tenant_id: uuid.UUID) -> branding.Branding:
    """How the organisation's careers pages look (for the settings screen)."""
    return await branding.branding_of(session, tenant_id)


async def save_careers_branding(
    session: AsyncSession,
    principal: Principal,
    *,
    colour: str,
    intro: str,
    logo: bytes | None,
    remove_logo: bool = False,
) -> branding.Branding:
    """Check and store the careers pages' colour, introduction and logo, all or nothing."""
    return await branding.save(
        session, principal, colour=colour, intro=intro, logo=logo, remove_logo=remove_logo
    )


# For the web app

# The largest logo the careers settings accept, which the form states.
LOGO_MAX_BYTES = branding.LOGO_MAX_BYTES
