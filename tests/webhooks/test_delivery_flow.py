"""Events reach a real receiver on loopback, signed; failures are retried, logged, given up on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from standardwebhooks.webhooks import Webhook

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from hireline.webhooks.delivery import MAX_ATTEMPTS
from tests.candidates.test_applications import apply
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain
from tests.webhooks.receiver import (
    Answer,
    Receiver,
    private_addresses_allowed,
    running_receiver,
)


@pytest.fixture
def state(app: FastAPI) -> Iterator[WorkerState]:
    # The receiver is on loopback, which only this explicit setting lets webhooks reach.
    with private_addresses_allowed(app) as allowed:
        yield WorkerState(sessions=app.state.sessions, settings=allowed)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


async def _endpoint(
    client: httpx.AsyncClient, owner: dict[str, str], url: str, types: list[str]
) -> dict[str, Any]:
    response = await client.post(
        "/v1/webhooks/endpoints", json={"url": url, "event_types": types}, headers=owner
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _deliveries(client: httpx.AsyncClient, owner: dict[str, str]) -> list[dict[str, Any]]:
    response = await client.get("/v1/webhooks/deliveries", headers=owner)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def _detail(
    client: httpx.AsyncClient, owner: dict[str, str], delivery_id: str
) -> dict[str, Any]:
    return dict((await client.get(f"/v1/webhooks/deliveries/{delivery_id}", headers=owner)).json())


async def _make_retries_due(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE procrastinate_jobs SET scheduled_at = now() WHERE status = 'todo'")
        )


async def test_an_application_reaches_the_receiver_signed(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    endpoint = await _endpoint(client, owner, receiver.url, ["application.created"])
    job = await open_job(client, owner)
    applied = (await apply(client, job)).json()

    await drain(engine, state)

    (request,) = receiver.wait_for(1)
    payload = Webhook(endpoint["secret"]).verify(request.body, request.headers)
    assert payload["type"] == "application.created"
    assert payload["data"]["application_id"] == applied["id"]
    assert payload["data"]["candidate_id"] == applied["candidate_id"]
    (delivery,) = await _deliveries(client, owner)
    assert request.headers["webhook-id"] == delivery["id"]
    assert request.headers["content-type"] == "application/json"
    assert delivery["status"] == "succeeded"
    detail = await _detail(client, owner, delivery["id"])
    assert [(a["number"], a["status_code"]) for a in detail["attempt_log"]] == [(1, 200)]
    assert detail["attempt_log"][0]["response_body"] == "ok"


async def test_a_failing_receiver_is_retried_with_backoff_then_succeeds(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    endpoint = await _endpoint(client, owner, receiver.url, ["*"])
    receiver.answer(Answer(503, body=b"down for maintenance"), Answer(429, {"retry-after": "3600"}))
    queued = (
        await client.post(f"/v1/webhooks/endpoints/{endpoint['id']}/test", headers=owner)
    ).json()

    await drain(engine, state)
    first = await _detail(client, owner, queued["id"])
    assert first["status"] == "pending"
    assert first["attempts"] == 1
    assert first["last_status_code"] == 503
    assert first["attempt_log"][0]["response_body"] == "down for maintenance"
    wait = datetime.fromisoformat(first["next_attempt_at"]) - datetime.now(UTC)
    assert timedelta(seconds=2) < wait < timedelta(seconds=7)  # 5 s, with jitter

    await _make_retries_due(engine)
    await drain(engine, state)
    second = await _detail(client, owner, queued["id"])
    assert second["attempts"] == 2
    assert second["last_status_code"] == 429
    wait = datetime.fromisoformat(second["next_attempt_at"]) - datetime.now(UTC)
    assert wait > timedelta(minutes=59)  # the receiver's Retry-After, not our 5 minutes

    await _make_retries_due(engine)
    await drain(engine, state)
    third = await _detail(client, owner, queued["id"])
    assert third["status"] == "succeeded"
    assert [a["status_code"] for a in third["attempt_log"]] == [503, 429, 200]
    ids = {request.headers["webhook-id"] for request in receiver.received}
    assert ids == {queued["id"]}  # the same message id on every attempt


async def test_a_4xx_fails_at_once_and_can_be_retried_by_hand(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    endpoint = await _endpoint(client, owner, receiver.url, ["*"])
    receiver.answer(Answer(410, body=b"gone"))
    queued = (
        await client.post(f"/v1/webhooks/endpoints/{endpoint['id']}/test", headers=owner)
    ).json()

    await drain(engine, state)
    failed = await _detail(client, owner, queued["id"])
    assert failed["status"] == "failed"
    assert failed["last_error"] == "HTTP 410"
    failing = (await client.get(f"/v1/webhooks/endpoints/{endpoint['id']}", headers=owner)).json()
    assert failing["failing_since"] is not None

    retried = await client.post(f"/v1/webhooks/deliveries/{queued['id']}/retry", headers=owner)
    assert retried.status_code == 202, retried.text
    await drain(engine, state)
    assert (await _detail(client, owner, queued["id"]))["status"] == "succeeded"
    healthy = (await client.get(f"/v1/webhooks/endpoints/{endpoint['id']}", headers=owner)).json()
    assert healthy["failing_since"] is None


async def test_after_eight_attempts_the_delivery_fails(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    endpoint = await _endpoint(client, owner, receiver.url, ["*"])
    receiver.default = Answer(500, body=b"boom")
    queued = (
        await client.post(f"/v1/webhooks/endpoints/{endpoint['id']}/test", headers=owner)
    ).json()

    for _ in range(MAX_ATTEMPTS):
        await drain(engine, state)
        await _make_retries_due(engine)
    await drain(engine, state)

    detail = await _detail(client, owner, queued["id"])
    assert detail["status"] == "failed"
    assert detail["attempts"] == MAX_ATTEMPTS == len(receiver.received)
    assert [a["number"] for a in detail["attempt_log"]] == list(range(1, MAX_ATTEMPTS + 1))
    assert detail["next_attempt_at"] is None


async def test_an_endpoint_failing_for_days_is_disabled(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    endpoint = await _endpoint(client, owner, receiver.url, ["*"])
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE webhook_endpoints SET failing_since = now() - interval '4 days'")
        )
    receiver.default = Answer(502)
    await client.post(f"/v1/webhooks/endpoints/{endpoint['id']}/test", headers=owner)

    await drain(engine, state)

    disabled = (await client.get(f"/v1/webhooks/endpoints/{endpoint['id']}", headers=owner)).json()
    assert disabled["enabled"] is False
    assert "every delivery failed" in disabled["disabled_reason"]
    async with engine.connect() as connection:
        kinds = (
            await connection.execute(
                text("SELECT type FROM domain_events WHERE type = 'webhook.endpoint_disabled'")
            )
        ).scalars()
        assert list(kinds) == ["webhook.endpoint_disabled"]
    mails = [path.read_text() for path in (state.settings.data_dir / "mail").rglob("*.eml")]
    told = [m for m in mails if "owner@acme.example" in m and "127.0.0.1" in m]
    assert len(told) == 1, "the owner hears of it, once"
    # Its waiting retry finds it disabled and gives up instead of sending.
    await _make_retries_due(engine)
    await drain(engine, state)
    assert len(receiver.received) == 1
    (delivery,) = await _deliveries(client, owner)
    assert delivery["status"] == "failed"
    assert delivery["last_error"] == "The endpoint is disabled."

    enabled = await client.patch(
        f"/v1/webhooks/endpoints/{endpoint['id']}", json={"enabled": True}, headers=owner
    )
    assert enabled.json()["disabled_reason"] is None
    assert enabled.json()["failing_since"] is None


async def test_a_name_resolving_to_loopback_is_refused_at_connect_time(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    app: FastAPI,
    settings: Settings,
    receiver: Receiver,
) -> None:
    client = committing_client
    # A host name is accepted when saved: what it resolves to is judged on each connection.
    url = receiver.url.replace("127.0.0.1", "localhost")
    endpoint = await _endpoint(client, owner, url, ["*"])
    queued = (
        await client.post(f"/v1/webhooks/endpoints/{endpoint['id']}/test", headers=owner)
    ).json()

    await drain(engine, WorkerState(sessions=app.state.sessions, settings=settings))

    detail = await _detail(client, owner, queued["id"])
    assert detail["status"] == "failed"
    assert "may not reach" in detail["last_error"]
    assert receiver.received == []


async def test_a_delivery_waiting_for_its_next_attempt_can_be_sent_now_by_hand(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    endpoint = await _endpoint(client, owner, receiver.url, ["*"])
    receiver.answer(Answer(503))
    queued = (
        await client.post(f"/v1/webhooks/endpoints/{endpoint['id']}/test", headers=owner)
    ).json()
    await drain(engine, state)
    waiting = await _detail(client, owner, queued["id"])
    assert waiting["status"] == "pending"
    assert datetime.fromisoformat(waiting["next_attempt_at"]) > datetime.now(UTC)

    retried = await client.post(f"/v1/webhooks/deliveries/{queued['id']}/retry", headers=owner)

    assert retried.status_code == 202, retried.text
    await drain(engine, state)
    sent = await _detail(client, owner, queued["id"])
    assert sent["status"] == "succeeded"
    assert [a["status_code"] for a in sent["attempt_log"]] == [503, 200]
    # The automatic attempt it overtook finds the delivery settled and sends nothing.
    await _make_retries_due(engine)
    await drain(engine, state)
    assert len(receiver.received) == 2
    assert (await _detail(client, owner, queued["id"]))["attempts"] == 2
