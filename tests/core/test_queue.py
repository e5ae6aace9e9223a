"""The queue's guarantees: a job exists if and only if its transaction committed; failed jobs
are retried with growing waits; jobs of a worker that stopped heart-beating are run again."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI
from procrastinate import App, PsycopgConnector
from procrastinate.exceptions import AlreadyEnqueued
from procrastinate.jobs import Job
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.database_url import libpq_url
from hireline.core.db import unit_of_work
from hireline.core.queue import (
    DEFAULT_RETRY,
    WorkerState,
    defer,
    keep_registered,
    queue,
    recover_stalled_jobs,
    run_worker,
    task_modules,
)
from hireline.settings import Settings
from tests import queue_tasks
from tests.conftest import truncate_all
from tests.queue_tasks import drain, scalar


@pytest.fixture
async def state(
    app: FastAPI, engine: AsyncEngine, settings: Settings
) -> AsyncIterator[WorkerState]:
    """What an in-process worker lends its jobs; marks and jobs are emptied afterwards."""
    async with engine.begin() as connection:
        await queue_tasks.create_marks_table(connection)
    yield WorkerState(sessions=app.state.sessions, settings=settings)
    await truncate_all(engine)
    async with engine.begin() as connection:
        await queue_tasks.drop_marks_table(connection)


@pytest.fixture
async def opened_queue(database_url: str) -> AsyncIterator[App]:
    """The queue opened on the test database, as a worker opens it."""
    with queue.replace_connector(PsycopgConnector(conninfo=libpq_url(database_url))) as app:
        async with app.open_async():
            yield app


async def _marks(engine: AsyncEngine, marker: str) -> int:
    count = await scalar(
        engine, f"SELECT count(*) FROM {queue_tasks.MARKS} WHERE marker = :m", m=marker
    )
    assert isinstance(count, int)
    return count


async def _job(engine: AsyncEngine, job_id: int) -> tuple[str, int]:
    async with engine.connect() as connection:
        row = (
            await connection.execute(
                text("SELECT status, attempts FROM procrastinate_jobs WHERE id = :id"),
                {"id": job_id},
            )
        ).one()
    return str(row.status), int(row.attempts)


async def _workers(engine: AsyncEngine) -> list[int]:
    async with engine.connect() as connection:
        found = await connection.execute(text("SELECT id FROM procrastinate_workers ORDER BY id"))
        return [int(worker_id) for (worker_id,) in found]


async def _jobs_for(engine: AsyncEngine, marker: str) -> int:
    count = await scalar(
        engine, "SELECT count(*) FROM procrastinate_jobs WHERE args->>'marker' = :m", m=marker
    )
    assert isinstance(count, int)
    return count


async def test_job_deferred_in_a_rolled_back_transaction_does_not_exist(
    engine: AsyncEngine, state: WorkerState
) -> None:
    marker = uuid.uuid4().hex

    async def abandon_a_change() -> None:
        async with unit_of_work(state.sessions) as session:
            await defer(session, queue_tasks.leave_mark, marker=marker)
            raise RuntimeError("the change is abandoned")

    with pytest.raises(RuntimeError):
        await abandon_a_change()

    assert await _jobs_for(engine, marker) == 0


async def test_job_deferred_in_a_committed_transaction_runs(
    engine: AsyncEngine, state: WorkerState
) -> None:
    marker = uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        job_id = await defer(session, queue_tasks.leave_mark, marker=marker)

    await drain(engine, state)

    assert await _job(engine, job_id) == ("succeeded", 1)  # attempts counts runs
    assert await _marks(engine, marker) == 1


def _running_worker(
    engine: AsyncEngine,
    state: WorkerState,
    *,
    polling_interval: float = 1,
    stalled_after: int | None = None,
) -> asyncio.Task[None]:
    """An in-process worker running two jobs at a time; with `stalled_after`, its jobs count
    as stalled after that many seconds without a heartbeat (the settings' threshold else)."""
    if stalled_after is not None:
        settings = state.settings.model_copy(update={"stalled_job_seconds": stalled_after})
        state = WorkerState(sessions=state.sessions, settings=settings)
    url = engine.url.render_as_string(hide_password=False)
    return asyncio.create_task(
        run_worker(
            libpq_url(url),
            state,
            concurrency=2,
            install_signal_handlers=False,
            polling_interval=polling_interval,
        )
    )


async def test_jobs_sharing_a_lock_run_one_after_the_other_without_waiting_for_a_poll(
    engine: AsyncEngine, state: WorkerState
) -> None:
    # A worker that found only locked jobs waits for a notification or its next poll; the
    # job releasing the lock must wake it (migration 0039), or each next job waits a poll.
    marker = uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        for _ in range(4):
            await defer(session, queue_tasks.leave_mark, options={"lock": marker}, marker=marker)
    worker = _running_worker(engine, state, polling_interval=120)
    try:
        # 0.2 s here with the wake-up; a poll is 15 s (half of `stalled_job_seconds`).
        deadline = time.monotonic() + 5
        while await _marks(engine, marker) < 4:
            assert time.monotonic() < deadline, "jobs behind a lock waited for the next poll"
            await asyncio.sleep(0.1)
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker


async def test_job_already_waiting_under_a_queueing_lock_leaves_the_transaction_usable(
    engine: AsyncEngine, state: WorkerState
) -> None:
    marker = uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        await defer(
            session, queue_tasks.leave_mark, options={"queueing_lock": marker}, marker=marker
        )
        with pytest.raises(AlreadyEnqueued):
            await defer(
                session, queue_tasks.leave_mark, options={"queueing_lock": marker}, marker=marker
            )
        await queue_tasks.mark(session, marker, "kept")

    assert await _jobs_for(engine, marker) == 1
    assert await _marks(engine, marker) == 1


async def test_failing_job_is_retried_until_it_succeeds(
    engine: AsyncEngine, state: WorkerState
) -> None:
    marker = uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        job_id = await defer(session, queue_tasks.flaky, marker=marker, failures=2)

    await drain(engine, state)

    assert await _job(engine, job_id) == ("succeeded", 3)
    assert await _marks(engine, marker) == 1


def test_default_retries_wait_exponentially_longer_then_give_up() -> None:
    def wait_after(attempts: int) -> int | None:
        job = Job(id=1, queue="q", lock=None, queueing_lock=None, task_name="t", attempts=attempts)
        decision = DEFAULT_RETRY.get_retry_decision(exception=RuntimeError(), job=job)
        if decision is None:
            return None
        assert decision.retry_at is not None
        return round((decision.retry_at - datetime.now(UTC)).total_seconds())

    waits = [wait_after(attempts) for attempts in range(7)]
    assert waits == [5, 25, 125, 625, 3125, 15625, 78125]
    assert wait_after(DEFAULT_RETRY.max_attempts or 0) is None


async def _run_by_a_dead_worker(engine: AsyncEngine, app: App, job_id: int, queue: str) -> int:
    """Take the job as a worker would, then let that worker's heartbeat grow old; the
    worker's id."""
    worker_id = await app.job_manager.register_worker()
    fetched = await app.job_manager.fetch_job(queues=[queue], worker_id=worker_id)
    assert fetched is not None
    assert fetched.id == job_id
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '1 hour' "
                "WHERE id = :id"
            ),
            {"id": worker_id},
        )
    return worker_id


async def test_job_of_a_worker_that_stopped_heart_beating_is_run_again(
    engine: AsyncEngine, state: WorkerState, opened_queue: App
) -> None:
    marker, queue_name = uuid.uuid4().hex, uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        job_id = await defer(
            session, queue_tasks.leave_mark, options={"queue": queue_name}, marker=marker
        )
    dead = await _run_by_a_dead_worker(engine, opened_queue, job_id, queue_name)

    assert await recover_stalled_jobs(opened_queue, stalled_after=60) == 1
    assert await _job(engine, job_id) == ("todo", 1)
    assert dead not in await _workers(engine)  # the dead worker is forgotten

    await drain(engine, state)
    assert await _job(engine, job_id) == ("succeeded", 2)
    assert await _marks(engine, marker) == 1


async def test_job_that_stalled_too_often_fails_instead_of_running_forever(
    engine: AsyncEngine, state: WorkerState, opened_queue: App
) -> None:
    marker, queue_name = uuid.uuid4().hex, uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        job_id = await defer(
            session, queue_tasks.leave_mark, options={"queue": queue_name}, marker=marker
        )
    async with engine.begin() as connection:  # two earlier runs already killed their worker
        await connection.execute(
            text("UPDATE procrastinate_jobs SET attempts = 2 WHERE id = :id"), {"id": job_id}
        )
    await _run_by_a_dead_worker(engine, opened_queue, job_id, queue_name)

    assert await recover_stalled_jobs(opened_queue, stalled_after=60) == 0
    assert (await _job(engine, job_id))[0] == "failed"


async def test_job_of_a_live_worker_is_left_alone(
    engine: AsyncEngine, state: WorkerState, opened_queue: App
) -> None:
    queue_name = uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        job_id = await defer(
            session, queue_tasks.leave_mark, options={"queue": queue_name}, marker="x"
        )
    worker_id = await opened_queue.job_manager.register_worker()
    await opened_queue.job_manager.fetch_job(queues=[queue_name], worker_id=worker_id)

    assert await recover_stalled_jobs(opened_queue, stalled_after=60) == 0
    assert await _job(engine, job_id) == ("doing", 0)


async def test_a_worker_leaves_its_own_jobs_alone_however_late_its_heartbeat(
    engine: AsyncEngine, state: WorkerState, opened_queue: App
) -> None:
    queue_name = uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        job_id = await defer(
            session, queue_tasks.leave_mark, options={"queue": queue_name}, marker="x"
        )
    worker_id = await _run_by_a_dead_worker(engine, opened_queue, job_id, queue_name)

    recovered = await recover_stalled_jobs(opened_queue, stalled_after=60, own_worker_id=worker_id)

    assert recovered == 0
    assert await _job(engine, job_id) == ("doing", 0)
    assert worker_id in await _workers(engine)  # not pruned either


async def test_a_pruned_worker_is_registered_again_by_its_heartbeat(
    engine: AsyncEngine, state: WorkerState, opened_queue: App
) -> None:
    worker_id = await opened_queue.job_manager.register_worker()
    await opened_queue.job_manager.prune_stalled_workers(-1)  # as a peer would, much later

    await keep_registered(opened_queue, worker_id)

    fresh = await scalar(
        engine,
        "SELECT last_heartbeat > now() - interval '5 seconds' FROM procrastinate_workers "
        "WHERE id = :id",
        id=worker_id,
    )
    assert fresh is True


async def _stop(worker: asyncio.Task[None]) -> None:
    assert not worker.done(), f"the worker stopped: {worker.exception()!r}"
    worker.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await worker


async def _wait_for_marks(engine: AsyncEngine, marker: str, *, deadline_s: float) -> None:
    deadline = time.monotonic() + deadline_s
    while await _marks(engine, marker) < 1:
        assert time.monotonic() < deadline, f"no mark after {deadline_s} s"
        await asyncio.sleep(0.1)


async def test_a_job_outliving_its_workers_late_heartbeat_runs_once(
    engine: AsyncEngine, state: WorkerState
) -> None:
    # The worker's row is locked for longer than the threshold, so its heartbeat lands late
    # (as after a long synchronous step or a pause of the machine) while its job runs; its
    # own recovery loop used to take it for stalled and requeue the job it was running.
    marker = uuid.uuid4().hex
    async with unit_of_work(state.sessions) as session:
        job_id = await defer(session, queue_tasks.pause, marker=marker, seconds=4.0)
    worker = _running_worker(engine, state, stalled_after=2)
    try:
        deadline = time.monotonic() + 15
        while (await _job(engine, job_id))[0] != "doing":
            assert time.monotonic() < deadline, "the job never started"
            await asyncio.sleep(0.05)
        async with engine.begin() as connection:
            await connection.execute(text("SELECT 1 FROM procrastinate_workers FOR UPDATE"))
            await asyncio.sleep(3)
        await _wait_for_marks(engine, marker, deadline_s=10)
        await asyncio.sleep(1)  # rounds of the recovery loop after the job
    finally:
        await _stop(worker)

    retried = await scalar(
        engine,
        "SELECT count(*) FROM procrastinate_events "
        "WHERE job_id = :id AND type = 'deferred_for_retry'",
        id=job_id,
    )
    assert retried == 0
    assert await _job(engine, job_id) == ("succeeded", 1)
    assert await _marks(engine, marker) == 1


async def test_a_worker_pruned_by_a_peer_keeps_taking_jobs(
    engine: AsyncEngine, state: WorkerState, opened_queue: App
) -> None:
    # Its fetches failed on the jobs' foreign key to its deleted row, and it stopped.
    worker = _running_worker(engine, state, stalled_after=2)
    try:
        deadline = time.monotonic() + 15
        while not await scalar(engine, "SELECT count(*) FROM procrastinate_workers"):
            assert time.monotonic() < deadline, "the worker never registered"
            await asyncio.sleep(0.1)
        await opened_queue.job_manager.prune_stalled_workers(-1)
        marker = uuid.uuid4().hex
        async with unit_of_work(state.sessions) as session:
            await defer(session, queue_tasks.leave_mark, marker=marker)

        await _wait_for_marks(engine, marker, deadline_s=10)
    finally:
        await _stop(worker)


def test_worker_loads_the_event_dispatch_and_every_domain_tasks_module() -> None:
    modules = task_modules()
    assert modules[0] == "hireline.core.events"
    assert all(m.startswith("hireline.") and m.endswith(".tasks") for m in modules[1:])
