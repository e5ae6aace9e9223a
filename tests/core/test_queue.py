"""The queue's guarantee: a job exists if and only if its transaction committed."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core import events
from hireline.core.database_url import libpq_url
from hireline.core.db import unit_of_work
from hireline.core.events import DomainEvent
from hireline.core.queue import defer, run_worker
from hireline.settings import Settings
from tests import queue_tasks
from tests.conftest import truncate_all


@pytest.fixture
async def marks(engine: AsyncEngine) -> AsyncIterator[None]:
    async with engine.begin() as connection:
        await connection.execute(
            text(f"CREATE TABLE IF NOT EXISTS {queue_tasks.MARKS} (marker text, note text)")
        )
    yield
    await truncate_all(engine)


async def _count(engine: AsyncEngine, sql: str, **params: object) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(text(sql), params)).scalar_one())


async def _work(app: FastAPI, settings: Settings) -> None:
    """Run an in-process worker until the queue is empty."""
    assert settings.database_url is not None
    await run_worker(
        libpq_url(settings.database_url.get_secret_value()),
        app.state.sessions,
        concurrency=2,
        stalled_after=5,
        wait=False,
        install_signal_handlers=False,
    )


async def test_rolled_back_transaction_leaves_no_job(
    app: FastAPI, engine: AsyncEngine, marks: None
) -> None:
    marker = uuid.uuid4().hex
    with pytest.raises(RuntimeError):
        async with unit_of_work(app.state.sessions) as session:
            await defer(session, queue_tasks.mark, marker=marker)
            raise RuntimeError("the change is abandoned")
    jobs = await _count(
        engine, "SELECT count(*) FROM procrastinate_jobs WHERE args->>'marker' = :m", m=marker
    )
    assert jobs == 0


async def test_committed_transaction_job_runs(
    app: FastAPI, engine: AsyncEngine, settings: Settings, marks: None
) -> None:
    marker = uuid.uuid4().hex
    async with unit_of_work(app.state.sessions) as session:
        job_id = await defer(session, queue_tasks.mark, marker=marker)
    await _work(app, settings)
    status = await _count(
        engine,
        "SELECT count(*) FROM procrastinate_jobs WHERE id = :id AND status = 'succeeded'",
        id=job_id,
    )
    assert status == 1
    done = await _count(
        engine, f"SELECT count(*) FROM {queue_tasks.MARKS} WHERE marker = :m", m=marker
    )
    assert done == 1


async def test_failing_job_is_retried_until_it_succeeds(
    app: FastAPI, engine: AsyncEngine, settings: Settings, marks: None
) -> None:
    marker = uuid.uuid4().hex
    async with unit_of_work(app.state.sessions) as session:
        job_id = await defer(session, queue_tasks.flaky, marker=marker, failures=2)
    for _ in range(3):  # each pass runs what is due: the first try, then each retry
        await _work(app, settings)
    row = await _count(
        engine,
        "SELECT attempts FROM procrastinate_jobs WHERE id = :id AND status = 'succeeded'",
        id=job_id,
    )
    assert row == 3


async def test_an_event_and_its_dispatch_exist_only_if_committed(
    app: FastAPI, engine: AsyncEngine, settings: Settings, marks: None
) -> None:
    seen: list[str] = []

    @events.on("test.happened")
    async def remember(event: DomainEvent, _session: object) -> None:
        seen.append(event.payload["marker"])

    with pytest.raises(RuntimeError):
        async with unit_of_work(app.state.sessions) as session:
            await events.record(
                session, type="test.happened", payload={"marker": "lost"}, tenant_id=None
            )
            raise RuntimeError("rolled back")
    async with unit_of_work(app.state.sessions) as session:
        await events.record(
            session, type="test.happened", payload={"marker": "kept"}, tenant_id=None
        )
    await _work(app, settings)
    assert seen == ["kept"]
    assert (
        await _count(engine, "SELECT count(*) FROM domain_events WHERE type = 'test.happened'") == 1
    )
