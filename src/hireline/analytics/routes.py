"""HTTP layer of analytics: six reports, each as JSON or (`Accept: text/csv`) CSV."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.analytics import service
from hireline.analytics.schemas import (
    Filters,
    Funnel,
    Offers,
    PipelineHealth,
    Sources,
    TimeInStage,
    TimeToHire,
)
from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.core.timestamps import Day
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1/analytics", tags=["analytics"])
Reader = Annotated[Principal, require(Action.ANALYTICS_READ)]
Report = TypeVar("Report", bound=BaseModel)
CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


async def _scope(
    session: DbSession,
    principal: Reader,
    job: Annotated[uuid.UUID | None, Query(description="Only this job's applications.")] = None,
    source: Annotated[
        str | None,
        Query(
            max_length=service.MAX_SOURCE_LENGTH,
            description="Only applications from this source.",
        ),
    ] = None,
    date_from: Annotated[
        Day | None, Query(alias="from", description="Applications from this day (UTC) on.")
    ] = None,
    date_to: Annotated[
        Day | None, Query(alias="to", description="Applications up to this day (UTC).")
    ] = None,
) -> Filters:
    return await service.filters(
        session, principal, job_id=job, source=source, date_from=date_from, date_to=date_to
    )


# The one guard of each report: the filters are checked for the principal it names.
Scope = Annotated[Filters, Depends(_scope)]


async def _answer(
    request: Request,
    build: Callable[[AsyncSession, Filters], Awaitable[Report]],
    session: AsyncSession,
    scope: Filters,
) -> Report | Response:
    report = await build(session, scope)
    if "text/csv" in request.headers.get("accept", ""):
        return Response(
            service.as_csv(report),
            media_type="text/csv; charset=utf-8",
            headers=_freshness_header(report),
        )
    return report


def _freshness_header(report: Any) -> dict[str, str]:
    refreshed_at = report.freshness.refreshed_at
    return {} if refreshed_at is None else {"X-Refreshed-At": refreshed_at.isoformat()}


@router.get(
    "/funnel",
    summary="Applications per stage, conversion and drop-off with rejection reasons",
    response_model=Funnel,
    responses=CSV,
)
async def analytics_funnel(request: Request, session: DbSession, scope: Scope) -> Funnel | Response:
    return await _answer(request, service.funnel, session, scope)


@router.get(
    "/time-in-stage",
    summary="Median, 75th and 90th percentile of the time spent in each stage",
    response_model=TimeInStage,
    responses=CSV,
)
async def analytics_time_in_stage(
    request: Request, session: DbSession, scope: Scope
) -> TimeInStage | Response:
    return await _answer(request, service.time_in_stage, session, scope)


@router.get(
    "/time-to-hire",
    summary="Time from applying to hire, and to the hiring team's first action",
    response_model=TimeToHire,
    responses=CSV,
)
async def analytics_time_to_hire(
    request: Request, session: DbSession, scope: Scope
) -> TimeToHire | Response:
    return await _answer(request, service.time_to_hire, session, scope)


@router.get(
    "/sources",
    summary="Applications, interviews, offers and hires per source, and monthly arrivals",
    response_model=Sources,
    responses=CSV,
)
async def analytics_sources(
    request: Request, session: DbSession, scope: Scope
) -> Sources | Response:
    return await _answer(request, service.sources, session, scope)


@router.get(
    "/offers",
    summary="Offer acceptance rate, time to accept and share within the salary band",
    response_model=Offers,
    responses=CSV,
)
async def analytics_offers(request: Request, session: DbSession, scope: Scope) -> Offers | Response:
    return await _answer(request, service.offers, session, scope)


@router.get(
    "/pipeline-health",
    summary="Stale applications and interviews still missing scorecards",
    response_model=PipelineHealth,
    responses=CSV,
)
async def analytics_pipeline_health(
    request: Request, session: DbSession, scope: Scope
) -> PipelineHealth | Response:
    return await _answer(request, service.health, session, scope)
