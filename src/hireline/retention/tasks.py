"""The daily run of every organisation's retention policies (procrastinate's periodic tasks:
whichever worker is up defers it, once per slot), one job per organisation so that one
failing organisation does not hold up the others."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import structlog
from procrastinate import JobContext

from hireline.core.queue import DEFAULT_RETRY, defer, job_unit_of_work, queue, worker_state
from hireline.identity.organization import service as organizations
from hireline.retention import service

logger = structlog.get_logger(__name__)


@queue.periodic(cron="43 3 * * *", periodic_id="daily-retention")
@queue.task(name="retention.apply_all", pass_context=True, queueing_lock="retention.apply_all")
async def apply_all(context: JobContext, timestamp: int) -> None:
    """Queue the run of each organisation's policies, as of the slot's time."""
    async with job_unit_of_work(context) as session:
        for tenant_id in await organizations.all_ids(session):
            await defer(session, apply_to_tenant, tenant_id=str(tenant_id), timestamp=timestamp)


@queue.task(name="retention.apply", pass_context=True, retry=DEFAULT_RETRY)
async def apply_to_tenant(context: JobContext, tenant_id: str, timestamp: int) -> None:
    """Notices, erasures and withdrawn notices of one organisation, in one transaction."""
    state = worker_state(context)
    tenant = uuid.UUID(tenant_id)
    now = datetime.fromtimestamp(timestamp, UTC)
    async with job_unit_of_work(context, tenant_id=tenant) as session:
        run = await service.apply(session, tenant, state.storage, now)
    if run.noticed or run.erased or run.withdrawn:
        logger.info(
            "retention_applied",
            tenant_id=tenant_id,
            noticed=run.noticed,
            erased=run.erased,
            withdrawn=run.withdrawn,
        )
