"""The analytics room's queue jobs: rebuilding every tenant's summaries on a schedule."""

from __future__ import annotations

from datetime import UTC, datetime

import structlog
from procrastinate import JobContext

from hireline.analytics import service
from hireline.core.queue import job_unit_of_work, queue
from hireline.identity.organization import service as tenants

logger = structlog.get_logger(__name__)

ANALYTICS_QUEUE = "analytics"


# Every five minutes: the reports say how old their figures are, and five minutes is fresh
# enough to steer hiring by, for a rebuild that takes seconds per million applications.
@queue.periodic(cron="*/5 * * * *", periodic_id="analytics.refresh")
@queue.task(name="analytics.refresh_summaries", pass_context=True, queue=ANALYTICS_QUEUE)
async def refresh_summaries(context: JobContext, timestamp: int) -> None:
    """Rebuild each tenant's summaries, one transaction per tenant."""
    async with job_unit_of_work(context) as session:
        tenant_ids = await tenants.all_ids(session)
    now = datetime.fromtimestamp(timestamp, UTC)
    for tenant_id in tenant_ids:
        async with job_unit_of_work(context, tenant_id=tenant_id) as session:
            took_ms = await service.refresh(session, now)
        logger.info("analytics_refreshed", tenant_id=str(tenant_id), took_ms=took_ms)
