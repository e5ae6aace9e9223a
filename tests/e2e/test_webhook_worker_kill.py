"""A worker killed while a webhook is on the wire: the message is sent again, never lost."""

from __future__ import annotations

import signal
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.test_worker_kill import STALLED_AFTER, StartWorker, _logs, _poll, start_worker
from tests.identity.helpers import bearer, sign_up
from tests.webhooks.receiver import Answer, private_addresses_allowed, running_receiver

__all__ = ["start_worker"]  # the fixture, shared with the queue's kill test


async def test_a_delivery_cut_off_by_a_killed_worker_is_sent_again(
    committing_client: httpx.AsyncClient,
    app: FastAPI,
    engine: AsyncEngine,
    start_worker: StartWorker,
    tmp_path: Path,
) -> None:
    client = committing_client
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    with private_addresses_allowed(app), running_receiver() as receiver:
        # The first request is answered only after the worker is dead.
        receiver.answer(Answer(200, delay=20))
        endpoint = (
            await client.post(
                "/v1/webhooks/endpoints",
                json={"url": receiver.url, "event_types": ["*"]},
                headers=owner,
            )
        ).json()
        queued = (
            await client.post(f"/v1/webhooks/endpoints/{endpoint['id']}/test", headers=owner)
        ).json()
        allow_loopback = {"HIRELINE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true"}

        first = start_worker(**allow_loopback)

        async def sent_once() -> bool:
            return len(receiver.received) >= 1

        await _poll(sent_once, "the first worker sending", 30, tmp_path)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        second = start_worker(**allow_loopback)

        async def delivered() -> bool:
            detail = (
                await client.get(f"/v1/webhooks/deliveries/{queued['id']}", headers=owner)
            ).json()
            return bool(detail["status"] == "succeeded")

        # Through the API, which rate-limits the free plan: once a second stays well under it
        # (ten a second answered 429 before the delivery was ever seen settled).
        await _poll(
            delivered,
            "the second worker sending again",
            STALLED_AFTER * 4 + 20,
            tmp_path,
            every_s=1.0,
        )
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=15) == 0, _logs(tmp_path)

    assert len(receiver.received) == 2
    assert {r.headers["webhook-id"] for r in receiver.received} == {queued["id"]}
    assert receiver.received[0].body == receiver.received[1].body
