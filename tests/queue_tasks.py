"""Tasks that only tests defer (a worker process loads them with `--import tests.queue_tasks`),
and an in-process worker that runs what is due.

The tasks leave marks in a table of their own (created by `create_marks_table`), so that a
test can see from the database what a job did, whichever process ran it.
"""

from __future__ import annotations

import asyncio
import time

from procrastinate import JobContext, RetryStrategy
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from hireline.core.database_url import libpq_url
from hireline.core.queue import WorkerState, job_unit_of_work, queue, run_worker
from tests.event_types import made_up

MARKS = "queue_test_marks"


async def create_marks_table(connection: AsyncConnection) -> None:
    await connection.execute(
        text(f"CREATE TABLE IF NOT EXISTS {MARKS} (marker text NOT NULL, note text NOT NULL)")
    )


async def drop_marks_table(connection: AsyncConnection) -> None:
    """Leave the database as the migrations made it (a test compares it with the models)."""
    await connection.execute(text(f"DROP TABLE IF EXISTS {MARKS}"))


async def mark(session: AsyncSession, marker: str, note: str) -> None:
    await session.execute(
        text(f"INSERT INTO {MARKS} (marker, note) VALUES (:marker, :note)"),
        {"marker": marker, "note": note},
    )


async def _noted(context: JobContext, marker: str, note: str) -> bool:
    async with job_unit_of_work(context) as session:
        found = await session.execute(
            text(f"SELECT 1 FROM {MARKS} WHERE marker = :marker AND note = :note"),
            {"marker": marker, "note": note},
        )
        return found.first() is not None


@queue.task(name="tests.leave_mark", pass_context=True)
async def leave_mark(context: JobContext, marker: str) -> None:
    async with job_unit_of_work(context) as session:
        await mark(session, marker, "done")


@queue.task(name="tests.record_event", pass_context=True)
async def record_event(context: JobContext, event_type: str, marker: str) -> None:
    """Records an event in its own unit of work, as a job that changes something does."""
    from hireline.core import events

    async with job_unit_of_work(context) as session:
        await mark(session, marker, "changed")
        await events.record(
            session, type=made_up(event_type), payload={"marker": marker}, tenant_id=None
        )


@queue.task(name="tests.flaky", pass_context=True, retry=RetryStrategy(max_attempts=5, wait=0))
async def flaky(context: JobContext, marker: str, failures: int) -> None:
    """Fails on its first `failures` runs, then leaves its mark."""
    assert context.job is not None
    if context.job.attempts < failures:
        raise RuntimeError(f"failing on purpose, attempt {context.job.attempts}")
    async with job_unit_of_work(context) as session:
        await mark(session, marker, "done")


@queue.task(name="tests.slow_once", pass_context=True)
async def slow_once(context: JobContext, marker: str) -> None:
    """Blocks on its first run (so that its worker can be killed mid-job), not after."""
    if not await _noted(context, marker, "started"):
        async with job_unit_of_work(context) as session:
            await mark(session, marker, "started")
        await asyncio.sleep(600)
    async with job_unit_of_work(context) as session:
        await mark(session, marker, "done")


DUE_JOBS = """
SELECT count(*) FROM procrastinate_jobs
 WHERE status = 'todo' AND (scheduled_at IS NULL OR scheduled_at <= now())
"""


async def scalar(engine: AsyncEngine, sql: str, **params: object) -> object:
    async with engine.connect() as connection:
        return (await connection.execute(text(sql), params)).scalar_one()


async def drain(
    engine: AsyncEngine, state: WorkerState, *, deadline_s: float = 20, concurrency: int = 1
) -> None:
    """Run an in-process worker until no job is due, the jobs that jobs defer included.

    By default one job at a time: a worker that stops when it finds nothing must not stop
    while a running job is about to defer another. The loop checks again after each worker
    stops, so a bulk of independent jobs (a few hundred résumés) may take `concurrency` > 1.
    """
    url = engine.url.render_as_string(hide_password=False)
    deadline = time.monotonic() + deadline_s
    while await scalar(engine, DUE_JOBS):
        assert time.monotonic() < deadline, f"jobs still due after {deadline_s} s"
        await run_worker(
            libpq_url(url),
            state,
            concurrency=concurrency,
            wait=False,
            install_signal_handlers=False,
        )


@queue.task(name="tests.pause", pass_context=True)
async def pause(context: JobContext, marker: str, seconds: float) -> None:
    """Takes `seconds`, then leaves its mark."""
    await asyncio.sleep(seconds)
    async with job_unit_of_work(context) as session:
        await mark(session, marker, "done")
