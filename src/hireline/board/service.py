"""Open jobs as the public sees them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.board import branding
from hireline.core.errors import NotFound
from hireline.core.principal import Principal
from hireline.jobs import service as jobs


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
) -> tuple[list[jobs.JobRow], str | None]:
    """The tenant's open jobs, newest first, filtered."""
    return await jobs.open_jobs(
        session,
        tenant_id,
        q=wanted.q,
        department=wanted.department,
        location=wanted.location,
        remote=wanted.remote,
        cursor=cursor,
        limit=limit,
    )


async def open_job(session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID) -> jobs.JobRow:
    """One open job; drafts, paused and closed jobs are not public."""
    try:
        job = await jobs.get(session, tenant_id, job_id)
    except NotFound:
        job = None
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
