"""A worker killed mid-job: another worker runs the job again, to completion."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
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
STALLED_AFTER = 3


@pytest.fixture
def start_worker(database_url: str, tmp_path: Path) -> Iterator[object]:
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")}
        env |= {
            "DATABASE_URL": database_url,
            "HIRELINE_DATA_DIR": str(tmp_path),
            "HIRELINE_STALLED_JOB_SECONDS": str(STALLED_AFTER),
            "HIRELINE_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        process = subprocess.Popen(
            [str(HIRELINE), "worker", "--concurrency", "1", "--import", "tests.queue_tasks"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


async def _marks(engine: AsyncEngine, marker: str) -> set[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            text(f"SELECT note FROM {queue_tasks.MARKS} WHERE marker = :m"), {"m": marker}
        )
        return set(rows.scalars())


async def _until(engine: AsyncEngine, marker: str, note: str, deadline_s: float) -> None:
    deadline = time.monotonic() + deadline_s
    while note not in await _marks(engine, marker):
        if time.monotonic() > deadline:
            raise AssertionError(f"no {note!r} mark within {deadline_s} s")
        await asyncio.sleep(0.2)


async def _job_status(engine: AsyncEngine, job_id: int) -> str:
    async with engine.connect() as connection:
        query = text("SELECT status FROM procrastinate_jobs WHERE id = :id")
        return str((await connection.execute(query, {"id": job_id})).scalar_one())


async def test_killed_worker_job_is_run_again_by_another(
    app: FastAPI, engine: AsyncEngine, start_worker: object
) -> None:
    assert callable(start_worker)
    async with engine.begin() as connection:
        await connection.execute(
            text(f"CREATE TABLE IF NOT EXISTS {queue_tasks.MARKS} (marker text, note text)")
        )
    marker = uuid.uuid4().hex
    try:
        async with unit_of_work(app.state.sessions) as session:
            job_id = await defer(session, queue_tasks.slow_once, marker=marker)

        first = start_worker()
        await _until(engine, marker, "started", deadline_s=30)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)

        start_worker()
        await _until(engine, marker, "done", deadline_s=STALLED_AFTER * 6 + 10)
        deadline = time.monotonic() + 10
        while await _job_status(engine, job_id) != "succeeded":
            assert time.monotonic() < deadline, "the job did not finish after its mark"
            await asyncio.sleep(0.2)
    finally:
        await truncate_all(engine)
