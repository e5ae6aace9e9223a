"""Job tables: the posting, its pipeline stages and its hiring team."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
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
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base
from hireline.core.ids import uuid7


class Job(Base):
    """A position a tenant hires for: draft, then open, paused or closed."""

    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_tenant_id_status_published_at", "tenant_id", "status", "published_at"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid7)
    title: Mapped[str] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(120))
    locations: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    employment_type: Mapped[str] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(20))
    salary_min: Mapped[int | None] = mapped_column(Integer)
    salary_max: Mapped[int | None] = mapped_column(Integer)
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    description: Mapped[str] = mapped_column(Text)
    required_skills: Mapped[list[str]] = mapped_column(ARRAY(String(100)))
    preferred_skills: Mapped[list[str]] = mapped_column(ARRAY(String(100)))
    # Matching: the years of experience asked for, and skill name -> weight (default 1).
    min_years_experience: Mapped[float | None] = mapped_column()
    skill_weights: Mapped[dict[str, float]] = mapped_column(
        JSONB, default=dict, server_default=text("'{}'::jsonb")
    )
    template_key: Mapped[str | None] = mapped_column(String(80))
    template_version: Mapped[int | None] = mapped_column(Integer)
    template_origin: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), server_default="draft")
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    valid_through: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # How many people the job hires; accepting the last of them closes it (offers).
    openings: Mapped[int] = mapped_column(Integer, server_default="1")
    created_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class PipelineStage(Base):
    """One step of a job's pipeline, in order."""

    __tablename__ = "pipeline_stages"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "job_id"], ["jobs.tenant_id", "jobs.id"], ondelete="CASCADE"
        ),
        Index("ix_pipeline_stages_tenant_id_job_id_position", "tenant_id", "job_id", "position"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    job_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    name: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(Integer)
    # applied | screen | interview | offer | other (`hireline.jobs.stages`).
    kind: Mapped[str] = mapped_column(String(20), server_default="other")


class HiringTeamMember(Base):
    """A user's part in hiring for one job."""

    __tablename__ = "hiring_team"
    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "job_id"], ["jobs.tenant_id", "jobs.id"], ondelete="CASCADE"
        ),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    job_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(30))
