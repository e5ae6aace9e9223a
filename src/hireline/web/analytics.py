"""The analytics screen: the funnel, time in stage and sources over time as charts (Chart.js,
vendored), the figures behind them as tables, and each report as CSV."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from hireline.analytics import service as analytics
from hireline.analytics.schemas import Filters
from hireline.core.db import DbSession
from hireline.core.errors import NotFound, ValidationFailed
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.web.access import Visit, screen
from hireline.web.templating import render

router = APIRouter(include_in_schema=False)
Reader = Annotated[Visit, screen(Action.ANALYTICS_READ)]
JOBS_LISTED = 200


def _parsed(request: Request) -> tuple[dict[str, Any], list[str]]:
    """The filter form's values, and what was wrong with them (a wrong one is left out)."""
    given = request.query_params
    values: dict[str, Any] = {}
    problems = []
    if job := given.get("job"):
        try:
            values["job_id"] = uuid.UUID(job)
        except ValueError:
            problems.append("That job is not one of yours.")
    if source := given.get("source", "").strip()[:60]:
        values["source"] = source
    for field, name in (("from", "date_from"), ("to", "date_to")):
        if text := given.get(field):
            try:
                values[name] = date.fromisoformat(text)
            except ValueError:
                problems.append(f"'{field}' is not a date (use YYYY-MM-DD).")
    return values, problems


async def _scope(
    request: Request, session: DbSession, visit: Visit
) -> tuple[Filters, dict[str, Any], list[str]]:
    values, problems = _parsed(request)
    try:
        scope = await analytics.filters(
            session,
            visit.principal,
            job_id=values.get("job_id"),
            source=values.get("source"),
            date_from=values.get("date_from"),
            date_to=values.get("date_to"),
        )
    except (NotFound, ValidationFailed) as refused:
        # Shown with the whole organisation's figures rather than a blank screen.
        problems.append(refused.detail or "Those filters cannot be used.")
        values, scope = {}, Filters()
    return scope, values, problems


@router.get("/app/analytics")
async def analytics_screen(request: Request, session: DbSession, visit: Reader) -> HTMLResponse:
    scope, values, problems = await _scope(request, session, visit)
    listed, _ = await jobs.page(
        session, visit.principal.tenant_id, status=None, cursor=None, limit=JOBS_LISTED
    )
    funnel = await analytics.funnel(session, scope)
    stages = await analytics.time_in_stage(session, scope)
    sources = await analytics.sources(session, scope)
    charts = {
        "funnel": [{"name": s.name, "applications": s.applications} for s in funnel.stages],
        "stages": [
            {"name": s.name, "median": s.time.median_hours, "p75": s.time.p75_hours,
             "p90": s.time.p90_hours}
            for s in stages.stages
        ],
        "sources": [m.model_dump(mode="json") for m in sources.monthly],
    }  # fmt: skip
    return render(
        request,
        "analytics.html",
        {
            "visit": visit,
            "jobs": listed,
            "values": values,
            "problems": problems,
            "query": request.url.query,
            "funnel": funnel,
            "stages": stages,
            "sources": sources,
            "hiring": await analytics.time_to_hire(session, scope),
            "offers": await analytics.offers(session, scope),
            "health": await analytics.health(session, scope),
            "charts": charts,
            "reports": list(analytics.REPORTS),
        },
    )


@router.get("/app/analytics/{report}.csv")
async def analytics_csv(
    report: str, request: Request, session: DbSession, visit: Reader
) -> Response:
    build = analytics.REPORTS.get(report)
    if build is None:
        raise NotFound("No such report.")
    scope, _, problems = await _scope(request, session, visit)
    if problems:
        return Response("\r\n".join(problems), status_code=422, media_type="text/plain")
    return Response(
        analytics.as_csv(await build(session, scope)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{report}.csv"'},
    )
