"""The tables core itself reads and writes: domain events and idempotency keys.

They belong to no domain, so core owns them; `hireline.metadata` gathers them for Alembic.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    String,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base


class DomainEvent(Base):
    """Something that happened to a tenant's data (`application.created`, ...)."""

    __tablename__ = "domain_events"
    __table_args__ = (
        Index("ix_domain_events_tenant_id_occurred_at", "tenant_id", "occurred_at"),
        # Finds a person's events when they are erased (migration 0013).
        Index(
            "ix_domain_events_tenant_id_candidate_id",
            "tenant_id",
            text("(payload ->> 'candidate_id')"),
        ),
        # What the broker relay has still to publish (migration 0025).
        Index("ix_domain_events_unpublished", "id", postgresql_where=text("published_at IS NULL")),
        # The live stream reads a tenant's events in commit order (migration 0029).
        Index("ix_domain_events_tenant_id_xid_id", "tenant_id", "xid", "id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    tenant_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    type: Mapped[str] = mapped_column(String(100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    occurred_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    # Set by the broker relay (core/event_relay.py) once the broker has acknowledged it.
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The writing transaction's id, for readers that must not skip a late commit
    # (`core.commit_order`); NULL for events older than migration 0029.
    xid: Mapped[int | None] = mapped_column(
        BigInteger, server_default=text("hireline_current_xid()")
    )
    # The oldest transaction still running when it was written: a stream client resuming
    # after this event starts there (migration 0036); NULL for older events.
    horizon: Mapped[int | None] = mapped_column(
        BigInteger, server_default=text("hireline_visible_xid()")
    )


class IdempotencyRecord(Base):
    """A POST's stored response, replayed for 24 h when the same key comes again."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (Index("ix_idempotency_keys_expires_at", "expires_at"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    principal: Mapped[str] = mapped_column(String(100), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_digest: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_headers: Mapped[list[list[str]] | None] = mapped_column(JSONB)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
