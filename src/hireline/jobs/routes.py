"""HTTP layer of jobs for recruiters."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.db import DbSession
from hireline.core.pagination import MAX_PAGE_SIZE
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.jobs import service
from hireline.jobs.models import HiringTeamMember, Job, PipelineStage
from hireline.jobs.schemas import (
    JobCreate,
    JobPage,
    JobRead,
    JobStatus,
    JobUpdate,
    SalaryRange,
    StageRead,
    TeamMember,
    TemplateRef,
)

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])

# The fields of the API view that are the job's own columns, as they are.
_COPIED_FROM_JOB = frozenset(JobRead.model_fields) - {
    "skill_weights",
    "salary",
    "template",
    "stages",
    "hiring_team",
    "warnings",
}


async def to_read(
    session: AsyncSession,
    job: Job,
    *,
    with_warnings: bool = False,
    stages: list[PipelineStage] | None = None,
    team: list[HiringTeamMember] | None = None,
) -> JobRead:
    """The API view of a job, with its stages and team (loaded here unless given)."""
    if stages is None:
        stages = await service.stages_of(session, job)
    if team is None:
        team = await service.team_of(session, job)
    return JobRead.model_validate(
        {
            **{name: getattr(job, name) for name in _COPIED_FROM_JOB},
            "skill_weights": job.skill_weights or {},
            "salary": (
                SalaryRange(
                    min=job.salary_min, max=job.salary_max, currency=job.salary_currency or "USD"
                )
                if job.salary_min is not None and job.salary_max is not None
                else None
            ),
            "template": (
                TemplateRef(
                    key=job.template_key,
                    version=job.template_version or 1,
                    origin=job.template_origin or "built-in",
                )
                if job.template_key
                else None
            ),
            "stages": [StageRead.model_validate(stage) for stage in stages],
            "hiring_team": [TeamMember.model_validate(m, from_attributes=True) for m in team],
            "warnings": await service.salary_warnings(session, job) if with_warnings else [],
        }
    )


@router.get("", summary="Your organisation's jobs, newest first")
async def list_jobs(
    session: DbSession,
    principal: Annotated[Principal, require(Action.JOBS_READ)],
    status_: Annotated[JobStatus | None, Query(alias="status")] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
) -> JobPage:
    jobs, next_cursor = await service.page(
        session,
        principal.tenant_id,
        status=status_,
        cursor=cursor,
        limit=limit,
        among=await service.visible_job_ids(session, principal),
    )
    # Two queries for the whole page's stages and teams, not two per job.
    ids = [job.id for job in jobs]
    stages = await service.stages_by_job(session, principal.tenant_id, ids)
    teams = await service.team_by_job(session, principal.tenant_id, ids)
    items = [
        await to_read(session, job, stages=stages.get(job.id, []), team=teams.get(job.id, []))
        for job in jobs
    ]
    return JobPage(items=items, next_cursor=next_cursor)


@router.post("", status_code=status.HTTP_201_CREATED, summary="Create a draft job")
async def create_job(
    body: JobCreate,
    session: DbSession,
    principal: Annotated[Principal, require(Action.JOBS_WRITE)],
) -> JobRead:
    job = await service.refreshed(session, await service.create(session, principal, body))
    return await to_read(session, job, with_warnings=True)


@router.get("/{job_id}", summary="One job")
async def get_job(
    job_id: uuid.UUID,
    session: DbSession,
    principal: Annotated[Principal, require(Action.JOBS_READ)],
) -> JobRead:
    await service.require_visible(session, principal, job_id)
    return await to_read(
        session, await service.get(session, principal.tenant_id, job_id), with_warnings=True
    )


@router.patch("/{job_id}", summary="Change a job's fields")
async def update_job(
    job_id: uuid.UUID,
    body: JobUpdate,
    session: DbSession,
    principal: Annotated[Principal, require(Action.JOBS_WRITE)],
) -> JobRead:
    job = await service.update(session, principal, job_id, body)
    return await to_read(session, job, with_warnings=True)


@router.delete("/{job_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete a draft job")
async def delete_job(
    job_id: uuid.UUID,
    session: DbSession,
    principal: Annotated[Principal, require(Action.JOBS_WRITE)],
) -> None:
    await service.remove(session, principal, job_id)


def _transition_route(move: service.Transition, summary: str) -> None:
    @router.post(f"/{{job_id}}/{move}", summary=summary, name=f"{move}_job")
    async def move_job(
        job_id: uuid.UUID,
        session: DbSession,
        principal: Annotated[Principal, require(Action.JOBS_WRITE)],
    ) -> JobRead:
        job = await service.transition(session, principal, job_id, move)
        return await to_read(session, job)


_transition_route("publish", "Open a draft or paused job: it appears on your board")
_transition_route("pause", "Stop taking applications for now")
_transition_route("close", "Close the job for good")
