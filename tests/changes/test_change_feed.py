"""The change feed (ADR 0028): commit order, no change skipped, tombstones, tenancy."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.identity.test_members import _join
from tests.jobs.helpers import create_job, open_job

# Any write transaction on the server holds the feed back until it ends (ADR 0028); a
# shared test server runs other suites' long ones.
POLL_SECONDS = 180


@pytest.fixture
async def owner(committing_client: httpx.AsyncClient, engine: AsyncEngine) -> dict[str, str]:
    token = (await sign_up(committing_client, "acme"))["access_token"]
    # Polling the feed would meet the free plan's limit (60 requests a minute).
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE tenants SET rate_limit_per_minute = 1000000 WHERE slug = 'acme'")
        )
    return bearer(token)


async def _feed(
    client: httpx.AsyncClient, headers: dict[str, str], **params: Any
) -> dict[str, Any]:
    response = await client.get("/v1/changes", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _drain(
    client: httpx.AsyncClient, headers: dict[str, str], since: str | None, want: int, **params: Any
) -> tuple[list[dict[str, Any]], str]:
    """Read on from `since` until `want` changes came (other runs' transactions on the same
    server may hold the feed back for a moment: polled with a deadline, never slept on)."""
    items: list[dict[str, Any]] = []
    deadline = time.monotonic() + POLL_SECONDS
    cursor = since
    while len(items) < want and time.monotonic() < deadline:
        if cursor != since:
            await asyncio.sleep(0.5)  # a poll's pause, inside the plan's rate limit
        page = await _feed(client, headers, **({"since": cursor} if cursor else {}), **params)
        items += page["items"]
        cursor = page["next_cursor"]
    return items, str(cursor)


async def test_creates_and_updates_come_in_commit_order_with_a_cursor(
    committing_client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await create_job(committing_client, owner)
    items, cursor = await _drain(committing_client, owner, None, 1, types="job")
    assert [(i["type"], i["id"], i["operation"]) for i in items] == [("job", job["id"], "create")]
    assert set(items[0]) == {"cursor", "type", "id", "operation", "changed_at"}

    renamed = await committing_client.patch(
        f"/v1/jobs/{job['id']}", json={"title": "Staff Engineer"}, headers=owner
    )
    assert renamed.status_code == 200, renamed.text
    later, _ = await _drain(committing_client, owner, cursor, 1, types="job")
    assert [(i["id"], i["operation"]) for i in later] == [(job["id"], "update")]


async def test_a_change_committed_late_is_not_skipped(
    committing_client: httpx.AsyncClient, owner: dict[str, str], engine: AsyncEngine
) -> None:
    first = await create_job(committing_client, owner, title="First")
    second = await create_job(committing_client, owner, title="Second")
    _, cursor = await _drain(committing_client, owner, None, 2, types="job")

    async with engine.connect() as t1, engine.connect() as t2:
        # T1 starts and writes (its transaction id and sequence number come first) ...
        await t1.begin()
        await t1.execute(
            text("UPDATE jobs SET title = 'First, renamed' WHERE id = :id"), {"id": first["id"]}
        )
        # ... T2 writes after it and commits before it.
        await t2.begin()
        await t2.execute(
            text("UPDATE jobs SET title = 'Second, renamed' WHERE id = :id"), {"id": second["id"]}
        )
        await t2.commit()

        # A feed that served T2's change now would move its cursor past T1's.
        page = await _feed(committing_client, owner, since=cursor, types="job")
        assert page["items"] == []
        assert page["pending"] is True
        assert page["next_cursor"] == cursor

        await t1.commit()

    items, _ = await _drain(committing_client, owner, page["next_cursor"], 2, types="job")
    assert [(i["id"], i["operation"]) for i in items] == [
        (first["id"], "update"),
        (second["id"], "update"),
    ]


async def test_an_erased_candidate_is_a_tombstone_without_personal_data(
    committing_client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(committing_client, owner)
    applied = await apply(committing_client, job)
    assert applied.status_code == 201, applied.text
    candidate_id = applied.json()["candidate_id"]
    _, cursor = await _drain(committing_client, owner, None, 1, types="candidate")

    erased = await committing_client.delete(f"/v1/candidates/{candidate_id}", headers=owner)
    assert erased.status_code == 204, erased.text

    items: list[dict[str, Any]] = []
    deadline = time.monotonic() + POLL_SECONDS
    while not any(i["operation"] == "delete" for i in items) and time.monotonic() < deadline:
        await asyncio.sleep(0.5)  # a poll's pause, inside the plan's rate limit
        page = await _feed(committing_client, owner, since=cursor, types="candidate")
        items, cursor = items + page["items"], page["next_cursor"]
    tombstone = items[-1]
    assert (tombstone["id"], tombstone["operation"]) == (candidate_id, "delete")
    body = str(items)
    assert "Ada" not in body
    assert "example.com" not in body.lower()
    # Nothing more about the person follows its tombstone.
    again = await _feed(committing_client, owner, since=tombstone["cursor"], types="candidate")
    assert again["items"] == []


async def test_another_organisation_sees_none_of_the_changes(
    committing_client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    await create_job(committing_client, owner)
    await _drain(committing_client, owner, None, 1, types="job")
    other = bearer((await sign_up(committing_client, "globex"))["access_token"])
    page = await _feed(committing_client, other)
    assert page["items"] == []


async def test_team_scoped_members_and_types_beyond_ones_reach_are_refused(
    committing_client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    interviewer = await _join(committing_client, owner, "ivy@acme.example", "interviewer")
    refused = await committing_client.get(
        "/v1/changes", headers=bearer(interviewer["access_token"])
    )
    assert refused.status_code == 403, refused.text

    key = await committing_client.post(
        "/v1/api-keys", json={"name": "sync", "scopes": ["jobs:read"]}, headers=owner
    )
    assert key.status_code == 201, key.text
    key_headers = {"X-API-Key": key.json()["key"]}
    assert (await committing_client.get("/v1/changes", headers=key_headers)).status_code == 200
    offers = await committing_client.get("/v1/changes?types=offer", headers=key_headers)
    assert offers.status_code == 403, offers.text


@pytest.mark.parametrize(
    "params",
    [{"since": "not-a-cursor"}, {"since": "WzEsLTJd"}, {"types": "job,salary"}, {"limit": "0"}],
)
async def test_bad_cursor_or_type_is_422(
    committing_client: httpx.AsyncClient, owner: dict[str, str], params: dict[str, str]
) -> None:
    response = await committing_client.get("/v1/changes", params=params, headers=owner)
    assert response.status_code == 422, response.text


async def test_the_feed_needs_credentials(committing_client: httpx.AsyncClient) -> None:
    assert (await committing_client.get("/v1/changes")).status_code == 401
