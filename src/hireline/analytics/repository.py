"""The analytics room's queries: rebuilding a tenant's summaries, and summing them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Table, func, select, text

from hireline.analytics import histogram, refresh_sql
from hireline.analytics.models import (
    DAILY_COUNTS,
    daily,
    dropoffs,
    health,
    refreshes,
    stage_daily,
)
from hireline.analytics.schemas import Filters
from hireline.core.repositories import Repository


def _sums(table: Table, prefix: str) -> list[ColumnElement[Any]]:
    return [func.coalesce(func.sum(table.c[c]), 0).label(c) for c in histogram.columns(prefix)]


# A row of sums; its columns are named as the query labels them.
Figures = Row[*tuple[Any, ...]]


class AnalyticsRepository(Repository):
    """Reads sum the tenant's summary rows; `rebuild` writes them."""

    async def rebuild(self, now: datetime, stale_before: datetime) -> None:
        """Replace the tenant's summaries with ones computed from its data as it is now."""
        tenant = {"tenant_id": self.tenant_id}
        for statement in (refresh_sql.FACTS, refresh_sql.STEPS):
            await self.session.execute(text(statement), tenant)
        # The temporary tables are new: the planner needs their sizes to pick hash joins.
        await self.session.execute(text("ANALYZE analytics_facts, analytics_steps"))
        await self.session.execute(text(refresh_sql.VISITS))
        for statement in refresh_sql.CLEAR:
            await self.session.execute(text(statement), tenant)
        for statement in (refresh_sql.STAGE_DAILY, refresh_sql.DROPOFFS, refresh_sql.DAILY):
            await self.session.execute(text(statement), tenant)
        await self.session.execute(
            text(refresh_sql.HEALTH), {**tenant, "now": now, "stale_before": stale_before}
        )
        for name in ("analytics_visits", "analytics_steps", "analytics_facts"):
            await self.session.execute(text(f"DROP TABLE {name}"))

    async def stamp(self, refreshed_at: datetime, took_ms: int) -> None:
        await self.session.execute(
            text(refresh_sql.STAMP),
            {"tenant_id": self.tenant_id, "now": refreshed_at, "took_ms": took_ms},
        )

    async def freshness(self) -> datetime | None:
        """When the tenant's summaries were last rebuilt (None: never)."""
        return (
            await self.session.execute(
                select(refreshes.c.refreshed_at).where(refreshes.c.tenant_id == self.tenant_id)
            )
        ).scalar_one_or_none()

    def _where(self, table: Table, filters: Filters) -> list[ColumnElement[bool]]:
        conditions = [table.c.tenant_id == self.tenant_id]
        if filters.job_id is not None:
            conditions.append(table.c.job_id == filters.job_id)
        if filters.source is not None:
            conditions.append(table.c.source == filters.source)
        if filters.date_from is not None:
            conditions.append(table.c.day >= filters.date_from)
        if filters.date_to is not None:
            conditions.append(table.c.day <= filters.date_to)
        return conditions

    async def stages(self, filters: Filters) -> Sequence[Figures]:
        """Per stage (position and name): applications that reached it, and time-in-stage
        bucket counts."""
        t = stage_daily
        query = (
            select(
                t.c.stage_position,
                t.c.stage_name,
                func.sum(t.c.reached).label("reached"),
                *_sums(t, "stay"),
            )
            .where(*self._where(t, filters))
            .group_by(t.c.stage_position, t.c.stage_name)
            .order_by(t.c.stage_position, t.c.stage_name)
        )
        return (await self.session.execute(query)).all()

    async def dropoffs(self, filters: Filters) -> Sequence[Figures]:
        """Applications that ended (rejected, withdrawn) by the stage they ended in, and why."""
        t = dropoffs
        query = (
            select(
                t.c.stage_position,
                t.c.outcome,
                t.c.reason,
                func.sum(t.c.applications).label("applications"),
            )
            .where(*self._where(t, filters))
            .group_by(t.c.stage_position, t.c.outcome, t.c.reason)
            .order_by(t.c.stage_position, t.c.outcome, func.sum(t.c.applications).desc())
        )
        return (await self.session.execute(query)).all()

    async def totals(self, filters: Filters, *prefixes: str) -> Figures:
        """The day-level counts summed over the filter, with the named histograms."""
        t = daily
        counts = [func.coalesce(func.sum(t.c[name]), 0).label(name) for name in DAILY_COUNTS]
        histograms = [column for prefix in prefixes for column in _sums(t, prefix)]
        query = select(*counts, *histograms).where(*self._where(t, filters))
        return (await self.session.execute(query)).one()

    async def by_source(self, filters: Filters) -> Sequence[Figures]:
        t = daily
        query = (
            select(
                t.c.source,
                func.sum(t.c.applications).label("applications"),
                func.sum(t.c.interviewed).label("interviewed"),
                func.sum(t.c.offered).label("offered"),
                func.sum(t.c.hired).label("hired"),
            )
            .where(*self._where(t, filters))
            .group_by(t.c.source)
            .order_by(func.sum(t.c.applications).desc(), t.c.source)
        )
        return (await self.session.execute(query)).all()

    async def weekly_by_source(self, filters: Filters) -> Sequence[Figures]:
        """Applications per ISO week (its Monday) and source."""
        t = daily
        week = func.date_trunc("week", t.c.day).label("week")
        query = (
            select(week, t.c.source, func.sum(t.c.applications).label("applications"))
            .where(*self._where(t, filters))
            .group_by(week, t.c.source)
            .order_by(week, t.c.source)
        )
        return (await self.session.execute(query)).all()

    async def health(self, job_id: uuid.UUID | None) -> Figures:
        t = health
        query = select(
            func.coalesce(func.sum(t.c.stale_applications), 0).label("stale_applications"),
            func.coalesce(func.sum(t.c.interviews_without_scorecards), 0).label(
                "interviews_without_scorecards"
            ),
        ).where(t.c.tenant_id == self.tenant_id)
        if job_id is not None:
            query = query.where(t.c.job_id == job_id)
        return (await self.session.execute(query)).one()
