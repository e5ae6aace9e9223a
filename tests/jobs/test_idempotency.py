"""Idempotency-Key on a real route: a retried job creation makes one job."""

from __future__ import annotations

import httpx

from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import TEMPLATE_JOB


async def test_retried_post_replays_and_a_changed_body_is_422(client: httpx.AsyncClient) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    keyed = headers | {"Idempotency-Key": "create-backend-job-1"}
    first = await client.post("/v1/jobs", json=TEMPLATE_JOB, headers=keyed)
    assert first.status_code == 201
    replay = await client.post("/v1/jobs", json=TEMPLATE_JOB, headers=keyed)
    assert replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json()["id"] == first.json()["id"]
    listed = (await client.get("/v1/jobs", headers=headers)).json()["items"]
    assert len(listed) == 1
    changed = await client.post("/v1/jobs", json=TEMPLATE_JOB | {"title": "Another"}, headers=keyed)
    assert changed.status_code == 422
    assert changed.headers["content-type"] == "application/problem+json"
