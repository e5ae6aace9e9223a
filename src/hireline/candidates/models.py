"""Candidate tables: people, their applications and résumés, and what happened to them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Computed,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR, UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base
from hireline.core.ids import uuid7


def _now() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


class Candidate(Base):
    """A person who applied, once per tenant however many jobs they apply to."""

    __tablename__ = "candidates"
    __table_args__ = (UniqueConstraint("tenant_id", "email_normalized"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    email_normalized: Mapped[str | None] = mapped_column(String(320))
    email: Mapped[str | None] = mapped_column(String(320))
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    links: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default="{}")
    location: Mapped[str | None] = mapped_column(String(200))
    headline: Mapped[str | None] = mapped_column(String(300))
    skills: Mapped[list[str]] = mapped_column(ARRAY(String(100)), server_default="{}")
    years_experience: Mapped[float | None] = mapped_column()
    tags: Mapped[list[str]] = mapped_column(ARRAY(String(60)), server_default="{}")
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(60), server_default="careers_page")
    # Who referred a person added by hand (migration 0024).
    referred_by: Mapped[str | None] = mapped_column(String(200))
    # Fields a recruiter changed by hand; résumé parsing never overwrites them.
    edited_fields: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()
    updated_at: Mapped[datetime] = _now()
    # Search (migration 0009). The newest résumé's text, copied by a trigger on `resumes`, and
    # the weighted full-text document the database computes; deferred so that loading a
    # candidate does not drag either along. Search matches in `candidate_search` (migration
    # 0011, kept by a trigger, not modelled: the application cannot read it), not here.
    resume_text: Mapped[str | None] = mapped_column(Text, deferred=True, deferred_raiseload=True)
    search_document: Mapped[str | None] = mapped_column(
        TSVECTOR,
        Computed(
            "hireline_search_document(name, email, headline, skills, resume_text, notes)",
            persisted=True,
        ),
        deferred=True,
        deferred_raiseload=True,
    )


class Application(Base):
    """A candidate's application to one job, moving through that job's stages."""

    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("tenant_id", "job_id", "candidate_id"),
        ForeignKeyConstraint(
            ["tenant_id", "job_id"], ["jobs.tenant_id", "jobs.id"], ondelete="CASCADE"
        ),
        ForeignKeyConstraint(
            ["tenant_id", "candidate_id"],
            ["candidates.tenant_id", "candidates.id"],
            ondelete="CASCADE",
        ),
        Index("ix_applications_tenant_id_job_id_id", "tenant_id", "job_id", "id"),
        Index("ix_applications_tenant_id_candidate_id", "tenant_id", "candidate_id"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    job_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    candidate_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    stage_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    status: Mapped[str] = mapped_column(String(20), server_default="active")
    answers: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    source: Mapped[str] = mapped_column(String(60), server_default="careers_page")
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    consent_text: Mapped[str] = mapped_column(Text)
    rejection_reason: Mapped[str | None] = mapped_column(String(60))
    applied_at: Mapped[datetime] = _now()
    updated_at: Mapped[datetime] = _now()


class Resume(Base):
    """A stored résumé file and what parsing found in it."""

    __tablename__ = "resumes"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "candidate_id"],
            ["candidates.tenant_id", "candidates.id"],
            ondelete="CASCADE",
        ),
        Index("ix_resumes_tenant_id_candidate_id", "tenant_id", "candidate_id"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    candidate_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    application_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    storage_key: Mapped[str] = mapped_column(String(300))
    filename: Mapped[str] = mapped_column(String(120))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    parse_status: Mapped[str] = mapped_column(String(20), server_default="pending")
    parse_error: Mapped[str | None] = mapped_column(Text)
    parsed: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    text: Mapped[str | None] = mapped_column(Text)
    parsed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now()


class Activity(Base):
    """Who did what to a candidate or application, and when."""

    __tablename__ = "activities"
    __table_args__ = (
        Index("ix_activities_tenant_id_candidate_id_id", "tenant_id", "candidate_id", "id"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    application_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    actor_type: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    occurred_at: Mapped[datetime] = _now()


class RejectionReason(Base):
    """One reason on an organisation's own list."""

    __tablename__ = "rejection_reasons"

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
