"""The change rows, written by the triggers of migration 0029 (never by application code)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    String,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base


class Change(Base):
    """One write to a synced record: which record, and whether it was made, changed or gone.

    It carries no field of the record: an integration reads the record itself through the API
    (and its permissions), and erasing a person leaves nothing personal in the history.
    """

    __tablename__ = "changes"
    __table_args__ = (
        CheckConstraint("operation IN ('create', 'update', 'delete')", name="operation"),
        Index("ix_changes_tenant_id_xid_seq", "tenant_id", "xid", "seq"),
        # The retention purge finds old rows of every tenant by age.
        Index("ix_changes_changed_at", "changed_at"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    xid: Mapped[int] = mapped_column(BigInteger, server_default=text("hireline_current_xid()"))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    operation: Mapped[str] = mapped_column(String(10))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
