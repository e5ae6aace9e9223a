"""The purge, once a day at a quiet hour (procrastinate's periodic tasks: whichever worker
is up defers it, once per slot)."""

from __future__ import annotations

import structlog
from procrastinate import JobContext

from hireline.core.queue import queue, worker_state
from hireline.maintenance.purge import purge

logger = structlog.get_logger(__name__)

FINISHED_JOBS_KEPT_HOURS = 7 * 24
FAILED_JOBS_KEPT_HOURS = 30 * 24


@queue.periodic(cron="17 3 * * *", periodic_id="daily-purge")
@queue.task(name="maintenance.purge", pass_context=True, queueing_lock="maintenance.purge")
async def purge_daily(context: JobContext, timestamp: int) -> None:
    state = worker_state(context)
    if state.owner_url is None:
        raise RuntimeError("the purge needs the owner's database URL")
    report = await purge(state.owner_url)
    jobs = context.app.job_manager
    await jobs.delete_old_jobs(
        nb_hours=FINISHED_JOBS_KEPT_HOURS, include_cancelled=True, include_aborted=True
    )
    await jobs.delete_old_jobs(nb_hours=FAILED_JOBS_KEPT_HOURS, include_failed=True)
    logger.info("purged", total=report.total, **report.deleted)
