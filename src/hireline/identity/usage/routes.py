"""HTTP layer of API usage figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.identity.usage.schemas import DailyUsageRead, PrincipalUsageRead
from hireline.identity.usage.service import usage_by_day

router = APIRouter(prefix="/v1", tags=["identity"])


@router.get(
    "/usage",
    summary="Requests per day per user, API key and client (figures trail by a few seconds)",
)
async def usage(
    session: DbSession,
    principal: Annotated[Principal, require(Action.USAGE_READ)],
    days: Annotated[int, Query(ge=1, le=366, description="How many days back")] = 30,
) -> list[DailyUsageRead]:
    since = datetime.now(UTC).date() - timedelta(days=days - 1)
    return [
        DailyUsageRead(
            day=day.day,
            requests=day.requests,
            principals=[
                PrincipalUsageRead.model_validate(p, from_attributes=True) for p in day.principals
            ],
        )
        for day in await usage_by_day(session, principal.tenant_id, since)
    ]
