"""Liveness, readiness, metrics and the problem-type catalogue: the operator's endpoints."""

from __future__ import annotations

from typing import Literal

import structlog
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.responses import Response

from hireline.core.errors import PROBLEM_TYPES, NotFound, ServiceUnavailable
from hireline.core.migrations import current_revisions_of

router = APIRouter(include_in_schema=True, tags=["operations"])
logger = structlog.get_logger(__name__)


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ready"]
    database: Literal["ok"]
    migrations: list[str] = Field(description="The revisions the database is at.")


class ProblemTypeRead(BaseModel):
    """What an error `type` means."""

    type: str
    title: str
    status: int
    description: str


@router.get("/healthz", summary="Liveness: the process is up")
async def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    summary="Readiness: the database answers and its schema is at the migrations' head",
    responses={503: {"description": "Not ready; `detail` says why."}},
)
async def readyz(request: Request) -> Readiness:
    engine: AsyncEngine = request.app.state.engine
    expected: set[str] = request.app.state.migration_heads
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
            current = await connection.run_sync(current_revisions_of)
    except Exception as exc:
        logger.warning("readiness_database_unreachable", error=str(exc))
        raise ServiceUnavailable("The database is unreachable.") from None
    if current != expected:
        raise ServiceUnavailable(
            "The database schema is not at the latest migration; run `hireline migrate upgrade`.",
            current=sorted(current),
            expected=sorted(expected),
        )
    return Readiness(status="ready", database="ok", migrations=sorted(current))


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={
        200: {
            "description": "The Prometheus text exposition format",
            "content": {"text/plain": {"schema": {"type": "string"}}},
        }
    },
)
async def metrics(request: Request) -> Response:
    from hireline.core.observability import render_metrics

    body, content_type = render_metrics(request.app.state.settings.prometheus_multiproc_dir)
    return Response(body, media_type=content_type)


@router.get("/problems/{slug}", summary="What an error `type` means")
async def problem_type(slug: str) -> ProblemTypeRead:
    problem = PROBLEM_TYPES.get(slug)
    if problem is None:
        raise NotFound(f"No problem type named {slug!r}.")
    return ProblemTypeRead(
        type=problem.uri,
        title=problem.title,
        status=problem.status,
        description=problem.description,
    )
