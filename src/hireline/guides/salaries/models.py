"""A tenant's own salary benchmarks, which override the built-in figures for that tenant."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base


class SalaryBenchmark(Base):
    """An annual base-salary range for a role and level in one location."""

    __tablename__ = "salary_benchmarks"
    # The natural key is the primary key: one index to maintain during bulk loads.
    __table_args__ = (
        CheckConstraint("min_salary > 0 AND min_salary <= max_salary", name="band_order"),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(80), primary_key=True)
    level: Mapped[str] = mapped_column(String(20), primary_key=True)
    location: Mapped[str] = mapped_column(String(80), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    min_salary: Mapped[int] = mapped_column(Integer)
    max_salary: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(200))
    as_of: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
