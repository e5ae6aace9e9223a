"""Interview tables: a job's plan and kits, scheduled interviews, panels, scorecards, hours."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Any

from sqlalchemy import (
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    Time,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base
from hireline.core.ids import uuid7


class InterviewPlan(Base):
    """That a job's plan exists (made from its template on first use, then edited)."""

    __tablename__ = "interview_plans"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "job_id"], ["jobs.tenant_id", "jobs.id"], ondelete="CASCADE"
        ),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    job_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class PlanInterview(Base):
    """One interview of a job's plan: its name, length, default panel and kit."""

    __tablename__ = "plan_interviews"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "job_id"],
            ["interview_plans.tenant_id", "interview_plans.job_id"],
            ondelete="CASCADE",
        ),
        Index("ix_plan_interviews_tenant_id_job_id_position", "tenant_id", "job_id", "position"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    job_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    stage_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    interviewer_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(UUID(as_uuid=True)), server_default="{}"
    )
    # The kit as built (`kits.Kit`): questions, rubric attributes with anchored levels, tips.
    # A snapshot, so that an edited question bank does not change a kit interviews used.
    kit: Mapped[dict[str, Any]] = mapped_column(JSONB)


class Interview(Base):
    """An interview of one application at a time, with its calendar identity."""

    __tablename__ = "interviews"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["applications.tenant_id", "applications.id"],
            ondelete="CASCADE",
        ),
        Index("ix_interviews_tenant_id_application_id", "tenant_id", "application_id"),
        Index("ix_interviews_tenant_id_starts_at", "tenant_id", "starts_at"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    application_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    job_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    candidate_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    # Set null if the plan's interview is removed later: the kit is copied below.
    plan_interview_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    name: Mapped[str] = mapped_column(String(120))
    kit: Mapped[dict[str, Any]] = mapped_column(JSONB)
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    time_zone: Mapped[str] = mapped_column(String(64))
    location: Mapped[str | None] = mapped_column(String(300))
    video_url: Mapped[str | None] = mapped_column(String(500))
    # scheduled | cancelled
    status: Mapped[str] = mapped_column(String(20), server_default="scheduled")
    # RFC 5545: the same UID for every update; SEQUENCE grows with each one.
    ical_uid: Mapped[str] = mapped_column(String(200))
    sequence: Mapped[int] = mapped_column(Integer, server_default="0")
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class InterviewPanelist(Base):
    """A user interviewing in one interview, and whether they were reminded to score it."""

    __tablename__ = "interview_panelists"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "interview_id"],
            ["interviews.tenant_id", "interviews.id"],
            ondelete="CASCADE",
        ),
        Index("ix_interview_panelists_tenant_id_user_id", "tenant_id", "user_id"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    interview_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Scorecard(Base):
    """An interviewer's current feedback on one interview (earlier versions are kept)."""

    __tablename__ = "scorecards"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "interview_id"],
            ["interviews.tenant_id", "interviews.id"],
            ondelete="CASCADE",
        ),
        Index(
            "ix_scorecards_tenant_id_interview_id_interviewer_id",
            "tenant_id",
            "interview_id",
            "interviewer_id",
            unique=True,
        ),
        Index("ix_scorecards_tenant_id_application_id", "tenant_id", "application_id"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    interview_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    application_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    interviewer_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE")
    )
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # attribute key -> 1..4, or null for "no evidence".
    ratings: Mapped[dict[str, Any]] = mapped_column(JSONB)
    # question id -> the interviewer's notes.
    notes: Mapped[dict[str, Any]] = mapped_column(JSONB)
    summary: Mapped[str | None] = mapped_column(Text)
    # strong_no | no | yes | strong_yes
    recommendation: Mapped[str] = mapped_column(String(20))
    submitted_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ScorecardVersion(Base):
    """One submitted version of a scorecard, as it was submitted."""

    __tablename__ = "scorecard_versions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "scorecard_id"],
            ["scorecards.tenant_id", "scorecards.id"],
            ondelete="CASCADE",
        ),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    scorecard_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    ratings: Mapped[dict[str, Any]] = mapped_column(JSONB)
    notes: Mapped[dict[str, Any]] = mapped_column(JSONB)
    summary: Mapped[str | None] = mapped_column(Text)
    recommendation: Mapped[str] = mapped_column(String(20))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AvailabilityWindow(Base):
    """Weekly hours a user can interview in: a weekday and a time span in their time zone."""

    __tablename__ = "interviewer_availability"

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # ISO weekday: 1 Monday ... 7 Sunday.
    weekday: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    starts: Mapped[time] = mapped_column(Time, primary_key=True)
    ends: Mapped[time] = mapped_column(Time)
    time_zone: Mapped[str] = mapped_column(String(64))
