"""The analytics summary tables (migration 0028): sums by application day, job and source,
rebuilt from the activity log by `tasks.refresh_summaries`; nobody edits them by hand."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
)
from sqlalchemy.dialects.postgresql import UUID

from hireline.analytics import histogram
from hireline.core.db import Base


def _tenant() -> Column[object]:
    return Column(
        "tenant_id", UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"),
        primary_key=True,
    )  # fmt: skip


def _counts(*names: str) -> list[Column[int]]:
    return [Column(name, Integer, nullable=False, server_default="0") for name in names]


def _cohort() -> list[Column[object]]:
    """The key every sum shares: the day (or month: `period`) the applications arrived, their
    job, their source."""
    return [
        _tenant(),
        Column("period", String(5), primary_key=True),
        Column("day", Date, primary_key=True),
        Column("job_id", UUID(as_uuid=True), primary_key=True),
        Column("source", String(60), primary_key=True),
    ]


DAILY_COUNTS = (
    "applications", "interviewed", "offered", "hired", "acted_on", "offers_sent",
    "offers_accepted", "offers_declined", "offers_in_band", "offers_band_known",
)  # fmt: skip

daily = Table(
    "analytics_daily",
    Base.metadata,
    *_cohort(),
    *_counts(*DAILY_COUNTS),
    *_counts(*histogram.columns("hire")),
    *_counts(*histogram.columns("first")),
    *_counts(*histogram.columns("accept")),
)

stage_daily = Table(
    "analytics_stage_daily",
    Base.metadata,
    *_cohort(),
    Column("stage_position", Integer, primary_key=True),
    Column("stage_name", String(80), nullable=False),
    *_counts("reached"),
    *_counts(*histogram.columns("stay")),
)

dropoffs = Table(
    "analytics_dropoffs",
    Base.metadata,
    *_cohort(),
    Column("stage_position", Integer, primary_key=True),
    Column("outcome", String(20), primary_key=True),
    Column("reason", String(60), primary_key=True),
    Column("applications", Integer, nullable=False),
)

health = Table(
    "analytics_health",
    Base.metadata,
    _tenant(),
    Column("job_id", UUID(as_uuid=True), primary_key=True),
    *_counts("stale_applications", "interviews_without_scorecards"),
)

refreshes = Table(
    "analytics_refreshes",
    Base.metadata,
    _tenant(),
    Column("refreshed_at", DateTime(timezone=True), nullable=False),
    Column("took_ms", Integer, nullable=False),
)
