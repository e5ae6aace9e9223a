"""Tasks that only tests defer; a worker loads them with `--import tests.queue_tasks`."""

from __future__ import annotations

import asyncio

from procrastinate import JobContext, RetryStrategy
from sqlalchemy import text

from hireline.core.db import unit_of_work
from hireline.core.queue import queue, sessions_of

MARKS = "queue_test_marks"


async def _mark(context: JobContext, marker: str, note: str) -> None:
    async with unit_of_work(sessions_of(context)) as session:
        await session.execute(
            text(f"INSERT INTO {MARKS} (marker, note) VALUES (:marker, :note)"),
            {"marker": marker, "note": note},
        )


async def _noted(context: JobContext, marker: str, note: str) -> bool:
    async with unit_of_work(sessions_of(context)) as session:
        found = await session.execute(
            text(f"SELECT 1 FROM {MARKS} WHERE marker = :marker AND note = :note"),
            {"marker": marker, "note": note},
        )
        return found.first() is not None


@queue.task(name="tests.mark", pass_context=True)
async def mark(context: JobContext, marker: str) -> None:
    await _mark(context, marker, "done")


@queue.task(name="tests.flaky", pass_context=True, retry=RetryStrategy(max_attempts=5, wait=0))
async def flaky(context: JobContext, marker: str, failures: int) -> None:
    assert context.job is not None
    if context.job.attempts < failures:
        raise RuntimeError(f"failing on purpose, attempt {context.job.attempts}")
    await _mark(context, marker, "done")


@queue.task(name="tests.slow_once", pass_context=True)
async def slow_once(context: JobContext, marker: str) -> None:
    """Blocks on its first run (so that its worker can be killed mid-job), not after."""
    if not await _noted(context, marker, "started"):
        await _mark(context, marker, "started")
        await asyncio.sleep(600)
    await _mark(context, marker, "done")
