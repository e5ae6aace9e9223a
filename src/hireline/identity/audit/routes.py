"""HTTP layer of the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.audit import service as audit
from hireline.identity.audit.schemas import AuditEntryRead, AuditPage
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1", tags=["identity"])


@router.get("/audit-log", summary="Sign-ins, revocations and changes to members and credentials")
async def audit_log(
    session: DbSession,
    principal: Annotated[Principal, require(Action.AUDIT_READ)],
    # An entry id; 18 digits keep it within PostgreSQL's bigint (19 could overflow it).
    cursor: Annotated[str | None, Query(pattern=r"^\d{1,18}$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    action: Annotated[str | None, Query(max_length=60)] = None,
) -> AuditPage:
    rows = await audit.entries(
        session,
        principal.tenant_id,
        before_id=int(cursor) if cursor else None,
        limit=limit + 1,
        action=action,
    )
    page = rows[:limit]
    return AuditPage(
        items=[AuditEntryRead.model_validate(row) for row in page],
        next_cursor=str(page[-1].id) if len(rows) > limit else None,
    )
