"""The task queue: procrastinate on the application's own PostgreSQL.

A job is deferred on the connection of the unit of work that asks for it, inside its
transaction, so the job exists if and only if that transaction commits. Workers heart-beat;
a job whose worker stopped heart-beating (killed, machine lost) is run again.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from typing import Any

import structlog
from procrastinate import App, JobContext, PsycopgConnector, RetryStrategy
from procrastinate.exceptions import ProcrastinateException
from procrastinate.tasks import Task
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

logger = structlog.get_logger(__name__)

# Modules whose import registers their tasks on `queue`; a worker imports them all.
TASK_MODULES = ["hireline.core.events"]
SESSIONS = "sessions"
# About eight attempts over roughly a day: 2, 4, 8 ... 256 minutes between them.
DEFAULT_RETRY = RetryStrategy(max_attempts=8, exponential_wait=120)

queue = App(connector=PsycopgConnector(), import_paths=TASK_MODULES)


async def defer(session: AsyncSession, task: Task[Any, Any, Any], **arguments: Any) -> int:
    """Enqueue `task` in the session's transaction; the job exists only if it commits."""
    connection = await session.connection()
    raw = (await connection.get_raw_connection()).driver_connection
    job_id: int = await task.configure(connection=raw).defer_async(**arguments)
    return job_id


def sessions_of(context: JobContext) -> async_sessionmaker[AsyncSession]:
    """The worker's sessionmaker, for a task's own unit of work."""
    sessions: async_sessionmaker[AsyncSession] = context.additional_context[SESSIONS]
    return sessions


async def retry_stalled_jobs(app: App, *, stalled_after: float) -> int:
    """Put back in the queue the jobs of workers that stopped heart-beating."""
    retried = 0
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after):
        try:
            await app.job_manager.retry_job(job)
        except ProcrastinateException as exc:
            # Another worker's recovery loop may have retried it a moment earlier.
            logger.info("stalled_job_already_retried", job_id=job.id, error=str(exc))
            continue
        retried += 1
        logger.warning("stalled_job_retried", job_id=job.id, task=job.task_name)
    return retried


async def _recover_stalled_jobs_forever(app: App, stalled_after: float) -> None:
    while True:
        try:
            await retry_stalled_jobs(app, stalled_after=stalled_after)
        except Exception as exc:  # the database may be briefly unreachable; keep trying
            logger.warning("stalled_job_recovery_failed", error=str(exc))
        await asyncio.sleep(max(1.0, stalled_after / 3))


async def run_worker(
    conninfo: str,
    sessions: async_sessionmaker[AsyncSession],
    *,
    concurrency: int,
    stalled_after: float,
    extra_modules: Iterable[str] = (),
    wait: bool = True,
    install_signal_handlers: bool = True,
) -> None:
    """Work the queue until stopped (SIGINT/SIGTERM stop it gracefully)."""
    for module in extra_modules:
        __import__(module)
    app = queue.with_connector(PsycopgConnector(conninfo=conninfo))
    async with app.open_async():
        recovery = asyncio.create_task(_recover_stalled_jobs_forever(app, stalled_after))
        try:
            await app.run_worker_async(
                concurrency=concurrency,
                wait=wait,
                install_signal_handlers=install_signal_handlers,
                listen_notify=True,
                fetch_job_polling_interval=2.0,
                update_heartbeat_interval=max(0.5, stalled_after / 4),
                stalled_worker_timeout=stalled_after,
                additional_context={SESSIONS: sessions},
            )
        finally:
            recovery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await recovery
