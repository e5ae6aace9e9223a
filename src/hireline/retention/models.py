"""Retention tables: the policies, the notices pending, and consents to be kept."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base
from hireline.core.ids import uuid7


def _tenant() -> Mapped[uuid.UUID]:
    return mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )


class RetentionPolicy(Base):
    """How long candidates of one kind (`scope`) are kept after their last activity."""

    __tablename__ = "retention_policies"
    __table_args__ = (
        UniqueConstraint("tenant_id", "scope"),
        CheckConstraint("erase_after_months BETWEEN 1 AND 120", name="months"),
        CheckConstraint("notice_days BETWEEN 1 AND 90", name="notice"),
    )

    tenant_id: Mapped[uuid.UUID] = _tenant()
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    scope: Mapped[str] = mapped_column(String(30))
    erase_after_months: Mapped[int] = mapped_column(Integer)
    notice_days: Mapped[int] = mapped_column(Integer, server_default="14")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RetentionNotice(Base):
    """A candidate told of their coming erasure; kept while it is pending, so sent once."""

    __tablename__ = "retention_notices"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "candidate_id"],
            ["candidates.tenant_id", "candidates.id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["tenant_id", "policy_id"],
            ["retention_policies.tenant_id", "retention_policies.id"],
            ondelete="CASCADE",
        ),
        Index("ix_retention_notices_tenant_id_policy_id", "tenant_id", "policy_id"),
    )

    tenant_id: Mapped[uuid.UUID] = _tenant()
    candidate_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    policy_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    noticed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    erase_after: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RetentionConsent(Base):
    """A candidate's consent to be kept: no retention policy erases them."""

    __tablename__ = "retention_consents"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "candidate_id"],
            ["candidates.tenant_id", "candidates.id"],
            ondelete="CASCADE",
        ),
    )

    tenant_id: Mapped[uuid.UUID] = _tenant()
    candidate_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    consented_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    recorded_by: Mapped[str | None] = mapped_column(String(80))
