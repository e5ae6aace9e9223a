"""The analytics room's queries: rebuilding a tenant's summaries, and summing them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, Table, and_, func, or_, select, text

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


def _period(table: Table, filters: Filters) -> ColumnElement[bool]:
    """The rows that cover the filter's days once: month rows for the whole months in it, day
    rows for the days before the first and after the last of those."""
    first = filters.date_from or date.min
    last = filters.date_to or date.max
    # The whole months inside [first, last]: from `start` up to (not including) `end`.
    start = first if first.day == 1 else _next_month(first)
    end = (
        _next_month(last) if _next_month(last) - timedelta(days=1) == last else last.replace(day=1)
    )
    period, day = table.c.period, table.c.day
    if start >= end:
        return and_(period == "day", day >= first, day <= last)
    return or_(
        and_(period == "month", day >= start, day < end),
        and_(period == "day", day >= first, day < start),
        and_(period == "day", day >= end, day <= last),
    )


def _next_month(day: date) -> date:
    """The first day of the month after `day`'s (date.max for the last month there is)."""
    if day.year == date.max.year and day.month == 12:
        return date.max
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


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
        for statement in (
            refresh_sql.STAGE_DAILY,
            refresh_sql.DROPOFFS,
            refresh_sql.DAILY,
            *refresh_sql.MONTHS,
        ):
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
        conditions = [table.c.tenant_id == self.tenant_id, _period(table, filters)]
        if filters.job_id is not None:
            conditions.append(table.c.job_id == filters.job_id)
        if filters.source is not None:
            conditions.append(table.c.source == filters.source)
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

    async def monthly_by_source(self, filters: Filters) -> Sequence[Figures]:
        """Applications per month (its first day) and source."""
        t = daily
        month = func.date_trunc("month", t.c.day).label("month")
        query = (
            select(month, t.c.source, func.sum(t.c.applications).label("applications"))
            .where(*self._where(t, filters))
            .group_by(month, t.c.source)
            .order_by(month, t.c.source)
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
