"""The periodic job that rebuilds every tenant's summaries, run by a real worker."""

from __future__ import annotations

import uuid

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from hireline.analytics import tasks
from hireline.core.db import unit_of_work
from hireline.core.queue import WorkerState, defer, queue
from hireline.core.tenancy import enter_tenant
from hireline.settings import Settings
from tests.analytics import fixture
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import create_job
from tests.queue_tasks import drain


def test_the_summaries_are_rebuilt_every_five_minutes() -> None:
    periodic = [
        task
        for task in queue.periodic_registry.periodic_tasks.values()
        if task.task.name == tasks.refresh_summaries.name
    ]
    assert [task.cron for task in periodic] == ["*/5 * * * *"]


async def test_the_job_rebuilds_each_tenant_and_stamps_the_time(
    app: FastAPI, settings: Settings, engine: AsyncEngine, committing_client: httpx.AsyncClient
) -> None:
    headers = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job = await create_job(committing_client, headers, stages=fixture.STAGES)
    me = (await committing_client.get("/v1/me", headers=headers)).json()
    tenant_id = uuid.UUID(me["tenant"]["id"])
    async with AsyncSession(engine) as session, session.begin():
        await enter_tenant(session, tenant_id)
        await fixture.load(session, tenant_id, job, uuid.UUID(me["user"]["id"]))
    before = (await committing_client.get("/v1/analytics/funnel", headers=headers)).json()
    assert before["applications"] == 0
    assert before["freshness"]["refreshed_at"] is None

    async with unit_of_work(app.state.sessions) as session:
        await defer(session, tasks.refresh_summaries, timestamp=int(fixture.NOW.timestamp()))
    await drain(engine, WorkerState(sessions=app.state.sessions, settings=settings))

    after = (await committing_client.get("/v1/analytics/funnel", headers=headers)).json()
    assert after["applications"] == 5
    # The worker may also have run the schedule's own latest turn: either stamp is a rebuild.
    assert after["freshness"]["refreshed_at"] is not None
