"""One transaction per request: committed on success, rolled back on error."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core import events
from hireline.core.db import DbSession
from hireline.core.errors import Conflict
from hireline.main import create_app
from hireline.settings import Settings
from tests.conftest import truncate_all
from tests.event_types import made_up


@pytest.fixture
async def probe_client(settings: Settings, engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    app: FastAPI = create_app(settings)

    @app.post("/probe/record/{outcome}")
    async def record(outcome: str, session: DbSession) -> dict[str, str]:
        await events.record(session, type=made_up("probe.recorded"), payload={}, tenant_id=None)
        if outcome == "conflict":
            raise Conflict("the change is refused after the event was written")
        if outcome == "crash":
            raise RuntimeError("boom")
        return {"outcome": outcome}

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client
    await truncate_all(engine)


async def _recorded(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        query = select(func.count()).where(events.DomainEvent.type == "probe.recorded")
        return int((await connection.execute(query)).scalar_one())


async def test_successful_request_commits(
    probe_client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    assert (await probe_client.post("/probe/record/ok")).status_code == 200
    assert await _recorded(engine) == 1


@pytest.mark.parametrize(("outcome", "status"), [("conflict", 409), ("crash", 500)])
async def test_failed_request_leaves_nothing(
    probe_client: httpx.AsyncClient, engine: AsyncEngine, outcome: str, status: int
) -> None:
    assert (await probe_client.post(f"/probe/record/{outcome}")).status_code == status
    assert await _recorded(engine) == 0
