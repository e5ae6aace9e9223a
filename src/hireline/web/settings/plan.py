"""The organisation's plan, its API limit and the requests made, per day and per caller."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hireline.core.db import DbSession
from hireline.identity.members import service as members
from hireline.identity.permissions import Action
from hireline.identity.service import limit_for
from hireline.identity.usage.service import usage_by_day
from hireline.web.access import Visit, screen
from hireline.web.settings.common import render_section

router = APIRouter(prefix="/app/settings", include_in_schema=False)
PATH = "/app/settings/plan"
Reader = Annotated[Visit, screen(Action.USAGE_READ)]
DAYS = 30


@router.get("/plan")
async def plan_screen(request: Request, session: DbSession, visit: Reader) -> HTMLResponse:
    tenant_id = visit.principal.tenant_id
    plan, override = await members.organisation_plan(session, tenant_id)
    since = datetime.now(UTC).date() - timedelta(days=DAYS - 1)
    days = await usage_by_day(session, tenant_id, since)
    return render_section(
        request,
        visit,
        "settings/plan.html",
        PATH,
        {
            "plan": plan,
            "limit": limit_for(plan, override),
            "web_limit": request.app.state.settings.web_requests_per_minute,
            "days": list(reversed(days)),
            "total": sum(day.requests for day in days),
            "span": DAYS,
        },
    )
