"""`HIRELINE_RUN_WORKER_IN_API`: one process serves the API and works the queue."""

from __future__ import annotations

import asyncio
import time

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from hireline.core import events
from hireline.core.db import unit_of_work
from hireline.core.events import DomainEvent
from hireline.main import create_app
from hireline.settings import Settings
from tests.conftest import truncate_all
from tests.event_types import made_up


async def test_events_are_handled_by_the_api_process_itself(
    settings: Settings, engine: AsyncEngine
) -> None:
    seen: list[str] = []

    async def remember(event: DomainEvent, _session: AsyncSession) -> None:
        seen.append(event.payload["note"])

    name = events.register_handler(made_up("test.in_api"), remember, name="tests.in_api.remember")
    app = create_app(settings.model_copy(update={"run_worker_in_api": True}))
    try:
        async with app.router.lifespan_context(app):
            async with unit_of_work(app.state.sessions) as session:
                await events.record(
                    session,
                    type=made_up("test.in_api"),
                    payload={"note": "handled"},
                    tenant_id=None,
                )
            deadline = time.monotonic() + 20
            while not seen:
                assert time.monotonic() < deadline, "the in-process worker did not run the job"
                await asyncio.sleep(0.1)
        assert seen == ["handled"]
    finally:
        events.handlers.unregister(name)
        await truncate_all(engine)
