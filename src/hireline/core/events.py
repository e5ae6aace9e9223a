"""Domain events: a record of each change, written in the same transaction as the change.

Recording an event also enqueues its dispatch in that transaction, so handlers (webhooks,
notifications, résumé parsing, ...) run in a worker exactly for the changes that committed.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import structlog
from procrastinate import JobContext
from sqlalchemy import BigInteger, DateTime, Identity, Index, String, func, select
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base, unit_of_work
from hireline.core.queue import DEFAULT_RETRY, defer, queue, sessions_of
from hireline.core.tenancy import enter_tenant

logger = structlog.get_logger(__name__)

Handler = Callable[["DomainEvent", AsyncSession], Awaitable[None]]
ANY_EVENT = "*"
_handlers: dict[str, list[Handler]] = {}


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


def on(event_type: str) -> Callable[[Handler], Handler]:
    """Register a handler for an event type (`*` for every type); runs in a worker."""

    def register(handler: Handler) -> Handler:
        _handlers.setdefault(event_type, []).append(handler)
        return handler

    return register


def handlers_for(event_type: str) -> list[Handler]:
    return [*_handlers.get(event_type, []), *_handlers.get(ANY_EVENT, [])]


async def record(
    session: AsyncSession,
    *,
    type: str,
    payload: dict[str, Any],
    tenant_id: uuid.UUID | None,
) -> DomainEvent:
    """Write an event and enqueue its dispatch; both exist only if the transaction commits."""
    event = DomainEvent(tenant_id=tenant_id, type=type, payload=payload)
    session.add(event)
    await session.flush()
    await defer(
        session,
        dispatch_event,
        event_id=event.id,
        tenant_id=str(tenant_id) if tenant_id else None,
    )
    return event


@queue.task(name="events.dispatch", pass_context=True, retry=DEFAULT_RETRY, queue="events")
async def dispatch_event(context: JobContext, event_id: int, tenant_id: str | None) -> None:
    """Run every handler of an event, in one unit of work (retried as a whole on failure)."""
    async with unit_of_work(sessions_of(context)) as session:
        if tenant_id:
            await enter_tenant(session, uuid.UUID(tenant_id))
        event = (
            await session.execute(select(DomainEvent).where(DomainEvent.id == event_id))
        ).scalar_one_or_none()
        if event is None:
            logger.warning("event_missing", event_id=event_id)
            return
        for handler in handlers_for(event.type):
            await handler(event, session)
