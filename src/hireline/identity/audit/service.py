"""The audit log: sign-ins, failures, revocations and changes to members and credentials."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.principal import Principal
from hireline.identity.models import AuditEntry


async def record(
    session: AsyncSession,
    *,
    tenant_id: uuid.UUID,
    action: str,
    actor: Principal | None = None,
    actor_type: str | None = None,
    actor_id: str | None = None,
    target_type: str | None = None,
    target_id: str | uuid.UUID | None = None,
    ip: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Append an entry in the caller's transaction (the tenant must already be entered)."""
    session.add(
        AuditEntry(
            tenant_id=tenant_id,
            actor_type=actor.kind if actor else (actor_type or "anonymous"),
            actor_id=actor.id if actor else actor_id,
            action=action,
            target_type=target_type,
            target_id=str(target_id) if target_id is not None else None,
            ip=ip,
            details=details or {},
        )
    )
    await session.flush()


async def entries(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    before_id: int | None,
    limit: int,
    action: str | None = None,
) -> list[AuditEntry]:
    """The newest entries first, older than `before_id` (a cursor) when given."""
    query = select(AuditEntry).where(AuditEntry.tenant_id == tenant_id)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    rows = await session.execute(query.order_by(AuditEntry.id.desc()).limit(limit))
    return list(rows.scalars())
