"""API usage per tenant, day and principal, counted in memory and written in batches.

Counting is a dictionary increment on the request path; a background task adds the
counts to `api_usage` every few seconds with one upsert per tenant, and once more at
shutdown. Every API process does the same, and the upserts add up. A process that dies
loses at most one interval's counts, which is the price of not writing on every request.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import groupby

import structlog
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.identity.usage.repository import UsageRepository

logger = structlog.get_logger(__name__)

FLUSH_INTERVAL_SECONDS = 5.0

_UsageKey = tuple[uuid.UUID, date, str, str]


@dataclass(frozen=True, slots=True)
class PrincipalUsage:
    """Requests made by one principal on one day."""

    principal_type: str
    principal_id: str
    requests: int


@dataclass(frozen=True, slots=True)
class DailyUsage:
    """A tenant's requests on one day, in total and per principal."""

    day: date
    requests: int
    principals: tuple[PrincipalUsage, ...]


class UsageRecorder:
    """Counts authenticated requests in memory until `flush` writes them."""

    def __init__(self) -> None:
        self._pending: dict[_UsageKey, int] = {}

    def record(self, principal: Principal, *, day: date | None = None) -> None:
        """Count one request by `principal` (on `day`, today in UTC by default); no I/O."""
        key = (
            principal.tenant_id,
            day or datetime.now(UTC).date(),
            principal.kind,
            principal.id,
        )
        self._pending[key] = self._pending.get(key, 0) + 1

    @property
    def pending(self) -> int:
        """Requests counted but not yet written."""
        return sum(self._pending.values())

    async def flush(self, sessions: async_sessionmaker[AsyncSession]) -> int:
        """Add the pending counts to `api_usage`; returns how many requests were written.

        One transaction per tenant, because row-level security checks each row against
        the transaction's tenant. Counts of a tenant that no longer exists are dropped;
        on any other failure the unwritten counts are kept for the next flush.
        """
        if not self._pending:
            return 0
        batch, self._pending = self._pending, {}
        by_tenant: dict[uuid.UUID, list[tuple[_UsageKey, int]]] = defaultdict(list)
        for key, requests in batch.items():
            by_tenant[key[0]].append((key, requests))
        written = 0
        tenants = list(by_tenant)
        try:
            async with sessions() as session:
                while tenants:
                    tenant_id = tenants[0]
                    rows = by_tenant[tenant_id]
                    try:
                        async with session.begin():
                            await enter_tenant(session, tenant_id)
                            await UsageRepository(session).add_counts(rows)
                    except IntegrityError:
                        logger.warning("usage_dropped_for_missing_tenant", tenant_id=str(tenant_id))
                    else:
                        written += sum(requests for _, requests in rows)
                    tenants.pop(0)
        except BaseException:
            for tenant_id in tenants:
                for key, requests in by_tenant[tenant_id]:
                    self._pending[key] = self._pending.get(key, 0) + requests
            raise
        return written

    @asynccontextmanager
    async def flushing(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        interval: float = FLUSH_INTERVAL_SECONDS,
    ) -> AsyncIterator[None]:
        """Flush every `interval` seconds while the block runs, and once at its end."""
        stop = asyncio.Event()
        task = asyncio.create_task(self._flush_until(stop, sessions, interval), name="usage-flush")
        try:
            yield
        finally:
            # Stopped rather than cancelled, so that a flush in progress is not cut short.
            stop.set()
            await task
            try:
                await self.flush(sessions)
            except Exception:
                logger.exception("usage_flush_failed", unwritten=self.pending)

    async def _flush_until(
        self, stop: asyncio.Event, sessions: async_sessionmaker[AsyncSession], interval: float
    ) -> None:
        while not stop.is_set():
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=interval)
            if stop.is_set():
                return
            try:
                await self.flush(sessions)
            except Exception:
                logger.exception("usage_flush_failed", unwritten=self.pending)


async def usage_by_day(
    session: AsyncSession, tenant_id: uuid.UUID, since: date
) -> list[DailyUsage]:
    """The tenant's written usage from `since` on, oldest day first.

    Counts reach the table within a flush interval, so today's figure trails by seconds.
    """
    rows = await UsageRepository(session).counts_since(since)
    days: list[DailyUsage] = []
    for day, group in groupby(rows, key=lambda row: row[0]):
        principals = tuple(PrincipalUsage(row[1], row[2], int(row[3])) for row in group)
        days.append(DailyUsage(day, sum(p.requests for p in principals), principals))
    return days
