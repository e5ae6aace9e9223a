"""A failed webhook delivery retried from the settings page reaches a real receiver, and
the delivery log says so."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from tests.identity.helpers import sign_up
from tests.queue_tasks import drain
from tests.web.helpers import csrf_token, web_sign_in
from tests.webhooks.receiver import Answer, Receiver, private_addresses_allowed, running_receiver

OWNER = "owner@acme.example"
PAGE = "/app/settings/webhooks"


@pytest.fixture
def state(app: FastAPI) -> Iterator[WorkerState]:
    # The receiver is on loopback, which only this explicit setting lets webhooks reach.
    with private_addresses_allowed(app) as allowed:
        yield WorkerState(sessions=app.state.sessions, settings=allowed)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


async def _post(
    client: httpx.AsyncClient, page: str, action: str, **data: object
) -> httpx.Response:
    token = csrf_token((await client.get(page)).text)
    return await client.post(action, data={**data, "csrf_token": token})


def _row(log: str, delivery_id: str) -> str:
    """The log's table row of one delivery."""
    found = re.search(rf"<tr>(?:(?!</tr>).)*/deliveries/{delivery_id}/retry.*?</tr>", log, re.S)
    assert found is not None, log
    return found.group(0)


async def test_a_failed_delivery_retried_from_the_log_succeeds(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    state: WorkerState,
    receiver: Receiver,
) -> None:
    client = committing_client
    await sign_up(client, "acme")
    await web_sign_in(client, OWNER)
    created = await _post(client, PAGE, PAGE, url=receiver.url, event_types=["*"])
    assert created.status_code == 200, created.text
    endpoint = re.search(r'href="/app/settings/webhooks/([0-9a-f-]+)"', created.text)
    assert endpoint is not None
    path = f"{PAGE}/{endpoint.group(1)}"
    receiver.answer(Answer(410, body=b"gone"))  # a 4xx fails at once, without retries
    assert (await _post(client, PAGE, f"{path}/test")).status_code == 303

    await drain(engine, state)
    log = (await client.get(path)).text
    delivery = re.search(r"/deliveries/([0-9a-f-]+)/retry", log)
    assert delivery is not None
    failed = _row(log, delivery.group(1))
    assert "<td>failed</td>" in failed
    assert "HTTP 410" in failed

    retried = await _post(client, path, f"{path}/deliveries/{delivery.group(1)}/retry")
    assert retried.status_code == 303
    assert "Delivery queued again." in (await client.get(retried.headers["location"])).text
    await drain(engine, state)

    assert len(receiver.received) == 2
    assert receiver.received[0].headers["webhook-id"] == receiver.received[1].headers["webhook-id"]
    succeeded = _row((await client.get(path)).text, delivery.group(1))
    assert "<td>succeeded</td>" in succeeded
    assert "HTTP 200" in succeeded
    assert '<td class="num">2</td>' in succeeded
