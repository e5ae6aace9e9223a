"""Domain events: a record of each change, written in the same transaction as the change."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Identity, Index, String, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base


class DomainEvent(Base):
    """Something that happened to a tenant's data (`application.created`, ...)."""

    __tablename__ = "domain_events"
    __table_args__ = (Index("ix_domain_events_tenant_id_occurred_at", "tenant_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    tenant_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    type: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    occurred_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


async def record(
    session: AsyncSession,
    *,
    type: str,
    payload: dict[str, Any],
    tenant_id: uuid.UUID | None,
) -> DomainEvent:
    """Write an event in the session's transaction; it exists only if that transaction commits."""
    event = DomainEvent(tenant_id=tenant_id, type=type, payload=payload)
    session.add(event)
    await session.flush()
    return event
