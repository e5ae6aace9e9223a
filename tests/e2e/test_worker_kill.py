"""A worker killed mid-job: another worker runs the job again, to completion."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.db import unit_of_work
from hireline.core.queue import defer
from tests import queue_tasks
from tests.conftest import truncate_all

ROOT = Path(__file__).resolve().parents[2]
HIRELINE = Path(sys.executable).parent / "hireline"
# Small, so that the test is quick: a killed worker's job is requeued within about this long.
STALLED_AFTER = 3

StartWorker = Callable[..., subprocess.Popen[bytes]]


@pytest.fixture
async def marks(engine: AsyncEngine) -> AsyncIterator[None]:
    async with engine.begin() as connection:
        await queue_tasks.create_marks_table(connection)
    yield
    await truncate_all(engine)
    async with engine.begin() as connection:
        await queue_tasks.drop_marks_table(connection)


@pytest.fixture
def start_worker(database_url: str, tmp_path: Path) -> Iterator[StartWorker]:
    """Start `hireline worker` processes on the test database; stop the survivors after."""
    started: list[subprocess.Popen[bytes]] = []

    def start(**settings: str) -> subprocess.Popen[bytes]:
        """`settings`: extra environment variables for this worker."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")}
        env |= {
            "DATABASE_URL": database_url,
            "HIRELINE_DATA_DIR": str(tmp_path),
            "HIRELINE_STALLED_JOB_SECONDS": str(STALLED_AFTER),
            "HIRELINE_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),  # for --import tests.queue_tasks
        } | settings
        log = (tmp_path / f"worker-{len(started)}.log").open("wb")
        process = subprocess.Popen(
            [str(HIRELINE), "worker", "--concurrency", "1", "--import", "tests.queue_tasks"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def _logs(tmp_path: Path) -> str:
    return "\n".join(
        f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}"
        for log in sorted(tmp_path.glob("worker-*.log"))
    )


async def _notes(engine: AsyncEngine, marker: str) -> set[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            text(f"SELECT note FROM {queue_tasks.MARKS} WHERE marker = :m"), {"m": marker}
        )
        return set(rows.scalars())


async def _job(engine: AsyncEngine, job_id: int) -> tuple[str, int]:
    async with engine.connect() as connection:
        row = (
            await connection.execute(
                text("SELECT status, attempts FROM procrastinate_jobs WHERE id = :id"),
                {"id": job_id},
            )
        ).one()
        return str(row.status), int(row.attempts)


async def _poll(
    check: Callable[[], Awaitable[bool]],
    what: str,
    deadline_s: float,
    logs: Path,
    *,
    every_s: float = 0.1,
) -> None:
    deadline = time.monotonic() + deadline_s
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {deadline_s} s\n{_logs(logs)}")
        await asyncio.sleep(every_s)


async def test_job_of_a_killed_worker_is_run_again_by_another(
    app: FastAPI,
    engine: AsyncEngine,
    marks: None,
    start_worker: StartWorker,
    tmp_path: Path,
) -> None:
    marker = uuid.uuid4().hex
    async with unit_of_work(app.state.sessions) as session:
        job_id = await defer(session, queue_tasks.slow_once, marker=marker)

    first = start_worker()

    async def started() -> bool:
        return "started" in await _notes(engine, marker)

    await _poll(started, "the first worker starting the job", 20, tmp_path)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)

    second = start_worker()

    async def finished() -> bool:
        return await _job(engine, job_id) == ("succeeded", 2)

    # Requeued once the dead worker's heartbeat is STALLED_AFTER old, then fetched.
    await _poll(finished, "the second worker finishing the job", STALLED_AFTER * 4 + 10, tmp_path)
    assert await _notes(engine, marker) == {"started", "done"}

    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=15) == 0, _logs(tmp_path)
    async with engine.connect() as connection:
        workers = await connection.execute(text("SELECT count(*) FROM procrastinate_workers"))
        assert workers.scalar_one() == 0, "a stopped worker unregisters; the killed one is pruned"
