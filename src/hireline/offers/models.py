"""Offer tables: the offer, the approvers it waits for in order, the letter templates."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base
from hireline.core.ids import uuid7


def _now() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


class Offer(Base):
    """The terms offered on one application, and where the offer stands."""

    __tablename__ = "offers"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["applications.tenant_id", "applications.id"],
            ondelete="CASCADE",
        ),
        Index("ix_offers_tenant_id_application_id", "tenant_id", "application_id"),
        Index("ix_offers_tenant_id_job_id", "tenant_id", "job_id"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    application_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    job_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    candidate_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    # awaiting_approval | approval_declined | approved | sent | accepted | declined
    status: Mapped[str] = mapped_column(String(30), server_default="awaiting_approval")
    base_salary: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    bonus: Mapped[int | None] = mapped_column(Integer)
    equity: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    template_key: Mapped[str] = mapped_column(String(60))
    # The band as it was explained when the offer was made: approvers judge what the
    # recruiter saw, even if the benchmark is re-imported later.
    band: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    within_band: Mapped[bool | None] = mapped_column(Boolean)
    out_of_band_reason: Mapped[str | None] = mapped_column(Text)
    # Who answered for the candidate (recruiter | candidate), and what they said.
    decided_by: Mapped[str | None] = mapped_column(String(20))
    decision_note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = _now()
    updated_at: Mapped[datetime] = _now()
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class OfferApproval(Base):
    """One approver's place in an offer's chain, and their answer."""

    __tablename__ = "offer_approvals"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "offer_id"], ["offers.tenant_id", "offers.id"], ondelete="CASCADE"
        ),
        Index("ix_offer_approvals_tenant_id_user_id", "tenant_id", "user_id"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    offer_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No foreign key to users: a member who leaves keeps their place in the trail.
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    # pending | approved | declined
    status: Mapped[str] = mapped_column(String(20), server_default="pending")
    note: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class OfferLetterTemplate(Base):
    """An organisation's wording of an offer letter, with {{ field }} placeholders."""

    __tablename__ = "offer_letter_templates"

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = _now()
