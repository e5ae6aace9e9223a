"""API usage: counted in memory per request, written as summed rows in batches."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.identity.models import Tenant, UsageCount
from hireline.identity.usage.service import DailyUsage, PrincipalUsage, UsageRecorder, usage_by_day
from tests.conftest import truncate_all

DAY = date(2026, 11, 20)


@pytest.fixture
async def tenants(engine: AsyncEngine) -> AsyncIterator[list[uuid.UUID]]:
    ids = [uuid.uuid4(), uuid.uuid4()]
    async with engine.begin() as connection:
        await connection.execute(
            insert(Tenant), [{"id": t, "name": "Usage", "slug": f"usage-{t.hex[:12]}"} for t in ids]
        )
    yield ids
    await truncate_all(engine)


@pytest.fixture
def sessions(app: FastAPI) -> async_sessionmaker[AsyncSession]:
    """The application's sessions: row-level security applies, and flushes really commit."""
    sessionmaker: async_sessionmaker[AsyncSession] = app.state.sessions
    return sessionmaker


def _principal(tenant_id: uuid.UUID, id: str, kind: Any = "user") -> Principal:
    return Principal(kind=kind, id=id, tenant_id=tenant_id, actions=frozenset())


async def _rows(engine: AsyncEngine) -> set[tuple[Any, ...]]:
    async with engine.connect() as connection:
        result = await connection.execute(
            select(
                UsageCount.tenant_id,
                UsageCount.day,
                UsageCount.principal_type,
                UsageCount.principal_id,
                UsageCount.requests,
            )
        )
        return {tuple(row) for row in result}


async def test_many_hits_are_flushed_as_summed_rows(
    tenants: list[uuid.UUID], sessions: async_sessionmaker[AsyncSession], engine: AsyncEngine
) -> None:
    recorder = UsageRecorder()
    first, second = tenants
    for _ in range(250):
        recorder.record(_principal(first, "alice"), day=DAY)
    for _ in range(3):
        recorder.record(_principal(first, "key-1", kind="api_key"), day=DAY)
    recorder.record(_principal(first, "alice"), day=DAY + timedelta(days=1))
    recorder.record(_principal(second, "alice"), day=DAY)
    assert recorder.pending == 255

    assert await recorder.flush(sessions) == 255

    assert recorder.pending == 0
    assert await _rows(engine) == {
        (first, DAY, "user", "alice", 250),
        (first, DAY, "api_key", "key-1", 3),
        (first, DAY + timedelta(days=1), "user", "alice", 1),
        (second, DAY, "user", "alice", 1),
    }


async def test_two_flushes_add_up(
    tenants: list[uuid.UUID], sessions: async_sessionmaker[AsyncSession], engine: AsyncEngine
) -> None:
    recorder = UsageRecorder()
    principal = _principal(tenants[0], "alice")
    for _ in range(4):
        recorder.record(principal, day=DAY)
    await recorder.flush(sessions)
    for _ in range(6):
        recorder.record(principal, day=DAY)
    await recorder.flush(sessions)

    assert await _rows(engine) == {(tenants[0], DAY, "user", "alice", 10)}


async def test_flush_with_nothing_pending_does_nothing() -> None:
    def no_database() -> AsyncSession:
        raise AssertionError("an empty flush must not open a session")

    sessions: Any = no_database
    assert await UsageRecorder().flush(sessions) == 0


async def test_counts_of_a_deleted_tenant_are_dropped_and_others_written(
    tenants: list[uuid.UUID], sessions: async_sessionmaker[AsyncSession], engine: AsyncEngine
) -> None:
    recorder = UsageRecorder()
    recorder.record(_principal(uuid.uuid4(), "ghost"), day=DAY)
    recorder.record(_principal(tenants[0], "alice"), day=DAY)

    assert await recorder.flush(sessions) == 1

    assert recorder.pending == 0
    assert await _rows(engine) == {(tenants[0], DAY, "user", "alice", 1)}


async def test_counts_survive_a_failed_flush(
    tenants: list[uuid.UUID], sessions: async_sessionmaker[AsyncSession], engine: AsyncEngine
) -> None:
    recorder = UsageRecorder()
    recorder.record(_principal(tenants[0], "alice"), day=DAY)

    def unavailable() -> AsyncSession:
        raise ConnectionError("database unavailable")

    broken: Any = unavailable
    with pytest.raises(ConnectionError):
        await recorder.flush(broken)
    assert recorder.pending == 1

    assert await recorder.flush(sessions) == 1
    assert await _rows(engine) == {(tenants[0], DAY, "user", "alice", 1)}


async def test_flushing_writes_what_is_left_when_it_stops(
    tenants: list[uuid.UUID], sessions: async_sessionmaker[AsyncSession], engine: AsyncEngine
) -> None:
    recorder = UsageRecorder()
    async with recorder.flushing(sessions, interval=3600):
        recorder.record(_principal(tenants[0], "alice"), day=DAY)

    assert recorder.pending == 0
    assert await _rows(engine) == {(tenants[0], DAY, "user", "alice", 1)}


async def test_usage_by_day_lists_the_tenants_days_with_their_principals(
    tenants: list[uuid.UUID], sessions: async_sessionmaker[AsyncSession]
) -> None:
    recorder = UsageRecorder()
    first, second = tenants
    for day, principal, times in [
        (DAY - timedelta(days=1), _principal(first, "alice"), 7),
        (DAY, _principal(first, "alice"), 2),
        (DAY, _principal(first, "key-1", kind="api_key"), 3),
        (DAY, _principal(second, "bob"), 5),
    ]:
        for _ in range(times):
            recorder.record(principal, day=day)
    await recorder.flush(sessions)

    async with sessions() as session, session.begin():
        await enter_tenant(session, first)
        usage = await usage_by_day(session, first, since=DAY - timedelta(days=1))
        recent = await usage_by_day(session, first, since=DAY)

    assert usage == [
        DailyUsage(DAY - timedelta(days=1), 7, (PrincipalUsage("user", "alice", 7),)),
        DailyUsage(
            DAY,
            5,
            (PrincipalUsage("api_key", "key-1", 3), PrincipalUsage("user", "alice", 2)),
        ),
    ]
    assert [d.day for d in recent] == [DAY]
