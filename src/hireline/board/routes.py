"""The public JSON job board of a tenant: open jobs only, anonymous, cached."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Path, Query
from pydantic import BaseModel
from starlette.responses import Response

from hireline.board import service
from hireline.core.db import DbSession
from hireline.identity.dependencies import public
from hireline.identity.organization.service import enter_by_slug
from hireline.jobs import service as job_service

router = APIRouter(prefix="/v1/boards", tags=["board"], dependencies=[public()])

Slug = Annotated[str, Path(pattern=r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", max_length=63)]
PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=300"


class PublicSalary(BaseModel):
    min: int
    max: int
    currency: str


class PublicJob(BaseModel):
    """An open job as candidates and aggregators see it."""

    id: uuid.UUID
    title: str
    department: str | None
    locations: list[dict[str, Any]]
    employment_type: str
    level: str | None
    salary: PublicSalary | None
    description: str | None
    required_skills: list[str]
    preferred_skills: list[str]
    published_at: datetime | None
    valid_through: datetime | None
    apply_url: str
    careers_url: str


class PublicBoard(BaseModel):
    organization: dict[str, str]
    items: list[PublicJob]
    next_cursor: str | None


# The fields of the public view that are the job's own columns, as they are.
_COPIED_FROM_JOB = (
    "id",
    "title",
    "department",
    "employment_type",
    "level",
    "required_skills",
    "preferred_skills",
    "published_at",
    "valid_through",
)


def public_job(slug: str, job: job_service.JobRow, *, with_description: bool) -> PublicJob:
    """The public view of a job: no hiring team, no template, no internal notes."""
    return PublicJob.model_validate(
        {
            **{name: getattr(job, name) for name in _COPIED_FROM_JOB},
            "locations": [
                {k: v for k, v in location.items() if k != "salary_location" and v is not None}
                for location in job.locations
            ],
            "salary": (
                PublicSalary(
                    min=job.salary_min, max=job.salary_max, currency=job.salary_currency or "USD"
                )
                if job.salary_min is not None and job.salary_max is not None
                else None
            ),
            "description": job.description if with_description else None,
            "apply_url": f"/v1/boards/{slug}/jobs/{job.id}/applications",
            "careers_url": f"/careers/{slug}/jobs/{job.id}",
        }
    )


def cached_json(document: BaseModel, tenant_id: uuid.UUID) -> Response:
    """JSON the board cache may keep; the tenant header lets a change find its entries."""
    return Response(
        orjson.dumps(document.model_dump(mode="json")),
        media_type="application/json",
        headers={"Cache-Control": PUBLIC_CACHE, "X-Hireline-Tenant": str(tenant_id)},
    )


@router.get(
    "/{slug}/jobs",
    summary="Open jobs of an organisation (anonymous, cached, ETag)",
    response_model=PublicBoard,
)
async def board_jobs(
    slug: Slug,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=100)] = None,
    location: Annotated[str | None, Query(max_length=100)] = None,
    remote: bool | None = None,
    department: Annotated[str | None, Query(max_length=120)] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Response:
    tenant = await enter_by_slug(session, slug)
    jobs, next_cursor = await service.open_jobs(
        session,
        tenant.id,
        service.BoardFilter(q=q, location=location, remote=remote, department=department),
        cursor=cursor,
        limit=limit,
    )
    board = PublicBoard(
        organization={"name": tenant.name, "slug": tenant.slug},
        items=[public_job(slug, job, with_description=False) for job in jobs],
        next_cursor=next_cursor,
    )
    return cached_json(board, tenant.id)


@router.get(
    "/{slug}/jobs/{job_id}",
    summary="One open job with its description (anonymous, cached, ETag)",
    response_model=PublicJob,
)
async def board_job(slug: Slug, job_id: uuid.UUID, session: DbSession) -> Response:
    tenant = await enter_by_slug(session, slug)
    job = await service.open_job(session, tenant.id, job_id)
    return cached_json(public_job(slug, job, with_description=True), tenant.id)
