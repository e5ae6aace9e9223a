"""The audit log: sign-ins, failures, revocations and changes to members and credentials."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.principal import Principal
from hireline.identity.audit.repository import AuditRepository
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
    await AuditRepository(session).add(
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


async def entries(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    before_id: int | None,
    limit: int,
    action: str | None = None,
) -> list[AuditEntry]:
    """The newest entries first, older than `before_id` (a cursor) when given."""
    return await AuditRepository(session).newest(before_id=before_id, limit=limit, action=action)
