"""`GET /v1/changes`: the change feed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from hireline.changes import service
from hireline.changes.schemas import ChangePage
from hireline.core.db import DbSession
from hireline.core.pagination import MAX_PAGE_SIZE
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1", tags=["changes"])
# Every principal may ask; the service allows each type by its own read permission.
Follower = Annotated[Principal, require(Action.PROFILE_READ)]


@router.get("/changes", summary="Creates, updates and deletes in commit order, from a cursor")
async def list_changes(
    session: DbSession,
    principal: Follower,
    since: Annotated[
        str | None, Query(max_length=200, description="`next_cursor` of the last page.")
    ] = None,
    types: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Comma-separated: job, candidate, application, interview, scorecard, "
            "offer (default: every type you may read).",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100,
) -> ChangePage:
    requested = [name.strip() for name in types.split(",") if name.strip()] if types else None
    return await service.page(session, principal, since=since, types=requested, limit=limit)
