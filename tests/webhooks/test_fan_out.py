"""Webhook fan-out run twice: one delivery per (endpoint, event), one webhook-id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import UUID

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.db import unit_of_work
from hireline.core.events import DomainEvent
from hireline.core.queue import WorkerState
from hireline.core.tenancy import enter_tenant
from hireline.webhooks import tasks
from hireline.webhooks.models import WebhookDelivery
from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain
from tests.webhooks.receiver import Receiver, private_addresses_allowed, running_receiver


@pytest.fixture
def state(app: FastAPI) -> Iterator[WorkerState]:
    # The receiver is on loopback, which only this explicit setting lets webhooks reach.
    with private_addresses_allowed(app) as allowed:
        yield WorkerState(sessions=app.state.sessions, settings=allowed)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


async def _subscribe(client: httpx.AsyncClient, owner: dict[str, str], url: str) -> Any:
    response = await client.post(
        "/v1/webhooks/endpoints",
        json={"url": url, "event_types": ["application.created"]},
        headers=owner,
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_rerun_fan_out_sends_nothing_new_and_keeps_the_webhook_id(
    committing_client: httpx.AsyncClient,
    app: FastAPI,
    engine: AsyncEngine,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    endpoint = await _subscribe(client, owner, receiver.url)
    applied = (await apply(client, await open_job(client, owner))).json()
    await drain(engine, state)
    (first,) = receiver.wait_for(1)

    # As when the fan-out job's worker is killed after its commit and the job runs again.
    async with engine.connect() as connection:
        event = (
            await connection.execute(
                select(DomainEvent).where(DomainEvent.type == "application.created")
            )
        ).one()
    async with unit_of_work(app.state.sessions) as session:
        await enter_tenant(session, event.tenant_id)
        stored = await session.get(DomainEvent, event.id)
        assert stored is not None
        await tasks.fan_out(stored, session)
    await drain(engine, state)

    async with engine.connect() as connection:
        deliveries = await connection.scalar(select(func.count()).select_from(WebhookDelivery))
    assert deliveries == 1
    assert len(receiver.received) == 1
    assert first.headers["webhook-id"] == str(tasks.delivery_id(stored, UUID(endpoint["id"])))
    assert applied["id"] in first.body.decode()
