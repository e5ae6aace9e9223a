"""The worker process: the task queue, with a database engine of its own for its jobs."""

from __future__ import annotations

from collections.abc import Iterable

import structlog

from hireline.core import event_signal, tracing
from hireline.core.database_url import libpq_url
from hireline.core.db import create_app_engine, create_sessionmaker
from hireline.core.queue import WorkerState, run_worker
from hireline.matching import semantic
from hireline.outbox.relay import running_relay
from hireline.settings import Settings

logger = structlog.get_logger(__name__)


async def work(
    url: str, settings: Settings, *, concurrency: int, extra_modules: Iterable[str] = ()
) -> None:
    """Run jobs until SIGINT/SIGTERM; jobs' sessions use the app's role, so RLS applies."""
    tracing.configure(settings)
    engine = create_app_engine(settings, url, pool_size=concurrency, max_overflow=2)
    tracing.instrument_engine(engine)
    logger.info("worker_starting", concurrency=concurrency)
    try:
        if settings.semantic_matching:
            async with engine.connect() as connection:
                await semantic.check_ready(connection)
        async with (
            event_signal.publishing(event_signal.signal_redis_url(settings)) as publisher,
            running_relay(settings, url),
        ):
            sessions = create_sessionmaker(engine, info=event_signal.session_info(publisher))
            state = WorkerState(sessions=sessions, settings=settings, owner_url=url)
            await run_worker(
                libpq_url(url), state, concurrency=concurrency, extra_modules=extra_modules
            )
    finally:
        await engine.dispose()
        tracing.shutdown()
        logger.info("worker_stopped")
