"""Domain events: recorded with their change or not at all; the handlers run in a worker, in
the event's tenant, in the event's dispatch job, and one that fails is retried as a job of its
own."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Literal

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from hireline.core import events
from hireline.core.db import unit_of_work
from hireline.core.events import DomainEvent, EventType, Handler
from hireline.core.queue import WorkerState, defer
from hireline.core.tenancy import enter_tenant
from hireline.settings import Settings
from tests import queue_tasks
from tests.conftest import truncate_all
from tests.event_types import made_up
from tests.queue_tasks import drain, scalar

Register = Callable[[EventType | Literal["*"], Handler], None]

# Jobs of the events machinery only: a worker may also run a periodic task that falls due
# (the interview reminders every quarter hour) while a test drains the queue.
EVENT_JOBS_SUCCEEDED = (
    "SELECT count(*) FROM procrastinate_jobs"
    " WHERE status = 'succeeded' AND task_name LIKE 'events.%'"
)


@pytest.fixture
async def state(
    app: FastAPI, engine: AsyncEngine, settings: Settings
) -> AsyncIterator[WorkerState]:
    async with engine.begin() as connection:
        await queue_tasks.create_marks_table(connection)
    yield WorkerState(sessions=app.state.sessions, settings=settings)
    await truncate_all(engine)
    async with engine.begin() as connection:
        await queue_tasks.drop_marks_table(connection)


@pytest.fixture
def register() -> Iterator[Register]:
    """Register handlers for the test only."""
    names: list[str] = []

    def add(event_type: EventType | Literal["*"], handler: Handler) -> None:
        names.append(events.register_handler(event_type, handler))

    yield add
    for name in names:
        events.handlers.unregister(name)


async def _notes(engine: AsyncEngine, marker: str) -> list[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            text(f"SELECT note FROM {queue_tasks.MARKS} WHERE marker = :m ORDER BY note"),
            {"m": marker},
        )
        return list(rows.scalars())


async def _count(engine: AsyncEngine, sql: str, **params: object) -> int:
    count = await scalar(engine, sql, **params)
    assert isinstance(count, int)
    return count


async def test_rolled_back_event_leaves_neither_event_nor_job(
    engine: AsyncEngine, state: WorkerState
) -> None:
    event_type = made_up(f"test.{uuid.uuid4().hex}")

    async def abandon_a_change() -> None:
        async with unit_of_work(state.sessions) as session:
            await events.record(session, type=event_type, payload={}, tenant_id=None)
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        await abandon_a_change()

    assert (
        await _count(engine, "SELECT count(*) FROM domain_events WHERE type = :t", t=event_type)
        == 0
    )
    assert await _count(engine, "SELECT count(*) FROM procrastinate_jobs") == 0


async def test_committed_event_runs_its_handlers_and_the_wildcard_ones(
    engine: AsyncEngine, state: WorkerState, register: Register
) -> None:
    event_type, marker = made_up(f"test.{uuid.uuid4().hex}"), uuid.uuid4().hex

    async def on_type(event: DomainEvent, session: AsyncSession) -> None:
        await queue_tasks.mark(session, event.payload["marker"], "by type")

    async def on_any(event: DomainEvent, session: AsyncSession) -> None:
        if event.type == event_type:
            await queue_tasks.mark(session, event.payload["marker"], "by wildcard")

    async def on_other(event: DomainEvent, session: AsyncSession) -> None:
        await queue_tasks.mark(session, event.payload["marker"], "by another type")

    register(event_type, on_type)
    register(events.ANY_EVENT, on_any)
    register(made_up(f"{event_type}.other"), on_other)

    async with unit_of_work(state.sessions) as session:
        await events.record(session, type=event_type, payload={"marker": marker}, tenant_id=None)

    await drain(engine, state)

    assert await _notes(engine, marker) == ["by type", "by wildcard"]
    assert (
        await _count(engine, EVENT_JOBS_SUCCEEDED)
        == 1  # the dispatch ran both handlers: no job per handler
    )


async def test_handlers_run_in_the_events_tenant(
    engine: AsyncEngine, state: WorkerState, register: Register
) -> None:
    event_type, marker, tenant_id = (
        made_up(f"test.{uuid.uuid4().hex}"),
        uuid.uuid4().hex,
        uuid.uuid4(),
    )

    async def note_tenant(event: DomainEvent, session: AsyncSession) -> None:
        current = await session.scalar(select(func.current_setting("app.tenant_id")))
        # Row-level security shows the handler its tenant's events only.
        visible = await session.scalar(select(func.count()).select_from(DomainEvent))
        await queue_tasks.mark(session, marker, f"{current} sees {visible}")

    register(event_type, note_tenant)
    async with unit_of_work(state.sessions) as session:
        await enter_tenant(session, tenant_id)
        await events.record(session, type=event_type, payload={}, tenant_id=tenant_id)
    other_tenant = uuid.uuid4()
    async with unit_of_work(state.sessions) as session:
        await enter_tenant(session, other_tenant)
        await events.record(
            session, type=made_up("test.elsewhere"), payload={}, tenant_id=other_tenant
        )

    await drain(engine, state)

    assert await _notes(engine, marker) == [f"{tenant_id} sees 1"]


async def test_failing_handler_is_retried_alone(
    engine: AsyncEngine, state: WorkerState, register: Register
) -> None:
    event_type, marker = made_up(f"test.{uuid.uuid4().hex}"), uuid.uuid4().hex

    async def fails(event: DomainEvent, session: AsyncSession) -> None:
        await queue_tasks.mark(session, marker, "half done")  # rolled back with its savepoint
        raise RuntimeError("the receiver is down")

    async def succeeds(event: DomainEvent, session: AsyncSession) -> None:
        await queue_tasks.mark(session, marker, "sent")

    register(event_type, fails)
    register(event_type, succeeds)
    async with unit_of_work(state.sessions) as session:
        await events.record(session, type=event_type, payload={}, tenant_id=None)

    await drain(engine, state)

    assert await _notes(engine, marker) == ["sent"]  # committed although the other failed
    retried = await _count(
        engine,
        "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'events.handle' "
        "AND status = 'todo' AND attempts = 1 AND scheduled_at > now() "
        "AND args->>'handler' LIKE '%fails'",
    )
    assert retried == 1


async def test_an_event_recorded_by_a_job_is_handled_in_that_job(
    engine: AsyncEngine, state: WorkerState, register: Register
) -> None:
    event_type, marker = made_up(f"test.{uuid.uuid4().hex}"), uuid.uuid4().hex

    async def on_type(event: DomainEvent, session: AsyncSession) -> None:
        # The job's own change is visible: the handler runs after it, in its transaction.
        changed = await session.scalar(
            text(f"SELECT count(*) FROM {queue_tasks.MARKS} WHERE marker = :m"), {"m": marker}
        )
        await queue_tasks.mark(session, marker, f"handled after {changed} change")

    register(event_type, on_type)
    async with unit_of_work(state.sessions) as session:
        await defer(session, queue_tasks.record_event, event_type=event_type, marker=marker)

    await drain(engine, state)

    assert await _notes(engine, marker) == ["changed", "handled after 1 change"]
    tasks = await _count(
        engine, "SELECT count(*) FROM procrastinate_jobs WHERE task_name LIKE 'events.%'"
    )
    assert tasks == 0  # no dispatch job, no handler job


def test_two_handlers_cannot_share_a_name() -> None:
    async def first(event: DomainEvent, session: AsyncSession) -> None: ...

    async def second(event: DomainEvent, session: AsyncSession) -> None: ...

    name = events.register_handler(made_up("test.named"), first, name="test.same-name")
    try:
        with pytest.raises(ValueError, match="already named"):
            events.register_handler(made_up("test.named"), second, name="test.same-name")
    finally:
        events.handlers.unregister(name)


async def test_a_handler_whose_condition_says_no_costs_no_job(
    engine: AsyncEngine, state: WorkerState, register: Register
) -> None:
    event_type, marker = made_up(f"test.{uuid.uuid4().hex}"), uuid.uuid4().hex

    async def wanted(event: DomainEvent, session: AsyncSession) -> None:
        await queue_tasks.mark(session, event.payload["marker"], "wanted")

    async def unwanted(event: DomainEvent, session: AsyncSession) -> None:
        await queue_tasks.mark(session, event.payload["marker"], "unwanted")

    async def only_when_asked(event: DomainEvent, session: AsyncSession) -> bool:
        return bool(event.payload.get("ask"))

    register(event_type, wanted)
    names = [events.register_handler(event_type, unwanted, when=only_when_asked)]
    try:
        async with unit_of_work(state.sessions) as session:
            await events.record(
                session, type=event_type, payload={"marker": marker}, tenant_id=None
            )

        await drain(engine, state)

        assert await _notes(engine, marker) == ["wanted"]
        assert (
            await _count(engine, EVENT_JOBS_SUCCEEDED)
            == 1  # the dispatch ran the wanted handler; the other was not run
        )
    finally:
        for name in names:
            events.handlers.unregister(name)
