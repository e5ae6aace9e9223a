"""The public JSON board: open jobs only, filters, ETags, and a cache that follows changes."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client import REGISTRY

from hireline.main import create_app, with_edge_cache
from hireline.settings import Settings
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import create_job, open_job


def _hits_so_far() -> float:
    value = REGISTRY.get_sample_value("hireline_board_cache_lookups_total", {"outcome": "hit"})
    return value or 0.0


@contextlib.contextmanager
def counted_hits() -> Iterator[Callable[[], float]]:
    """How many requests inside the block the cache answered (as /metrics counts them)."""
    before = _hits_so_far()
    yield lambda: _hits_so_far() - before


async def _owner(client: httpx.AsyncClient, slug: str = "acme") -> dict[str, str]:
    return bearer((await sign_up(client, slug))["access_token"])


async def test_board_lists_open_jobs_only(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    opened = await open_job(client, headers)
    draft = await create_job(client, headers, title="Draft role")
    board = await client.get("/v1/boards/acme/jobs")
    assert board.status_code == 200
    body = board.json()
    assert body["organization"] == {"name": "Acme Inc", "slug": "acme"}
    assert [job["id"] for job in body["items"]] == [opened["id"]]
    assert body["items"][0]["description"] is None
    assert "salary_location" not in str(body["items"][0]["locations"])
    detail = await client.get(f"/v1/boards/acme/jobs/{opened['id']}")
    assert detail.json()["description"].startswith("## Overview")
    assert detail.json()["apply_url"] == f"/v1/boards/acme/jobs/{opened['id']}/applications"
    assert (await client.get(f"/v1/boards/acme/jobs/{draft['id']}")).status_code == 404
    missing = await client.get("/v1/boards/nobody/jobs")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


async def test_board_filters_and_pages(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    remote = await open_job(
        client,
        headers,
        title="Remote SRE",
        department="Platform",
        from_template=None,
        description="Keep it running.",
        locations=[{"mode": "remote"}],
        level=None,
        salary=None,
    )
    onsite = await open_job(
        client,
        headers,
        title="Onsite Backend",
        department="Engineering",
        from_template=None,
        description="Build APIs.",
        locations=[{"mode": "onsite", "city": "Denver"}],
        level=None,
        salary=None,
    )

    async def ids(**params: str | int) -> list[str]:
        response = await client.get("/v1/boards/acme/jobs", params=params)
        assert response.status_code == 200, response.text
        return [job["id"] for job in response.json()["items"]]

    assert await ids(remote=True) == [remote["id"]]
    assert await ids(remote=False) == [onsite["id"]]
    assert await ids(q="backend") == [onsite["id"]]
    assert await ids(q="100%_") == []
    assert await ids(department="platform") == [remote["id"]]
    assert await ids(location="denver") == [onsite["id"]]
    page = (await client.get("/v1/boards/acme/jobs", params={"limit": 1})).json()
    assert [job["id"] for job in page["items"]] == [onsite["id"]]
    assert await ids(limit=1, cursor=page["next_cursor"]) == [remote["id"]]
    assert (await client.get("/v1/boards/acme/jobs", params={"cursor": "x"})).status_code == 422
    assert (await client.get("/v1/boards/ACME/jobs")).status_code == 422


async def test_board_responses_carry_etags_and_answer_304(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    await open_job(client, headers)
    first = await client.get("/v1/boards/acme/jobs")
    etag = first.headers["etag"]
    assert etag.startswith('"')
    assert first.headers["cache-control"].startswith("public")
    assert "x-hireline-tenant" not in first.headers
    with counted_hits() as hits:
        again = await client.get("/v1/boards/acme/jobs")
    assert hits() == 1
    assert again.content == first.content
    assert again.headers["etag"] == etag
    assert again.headers["x-content-type-options"] == "nosniff"
    # A hit writes no log, so it makes up no request id; it echoes the caller's.
    assert "x-request-id" not in again.headers
    unchanged = await client.get("/v1/boards/acme/jobs", headers={"If-None-Match": etag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged.headers["etag"] == etag
    other = await client.get("/v1/boards/acme/jobs", headers={"If-None-Match": '"other"'})
    assert other.status_code == 200


@pytest.fixture
async def second_process(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """Another app instance with its own cache and listener, as another process would have."""
    other: FastAPI = create_app(settings)
    async with other.router.lifespan_context(other):
        transport = httpx.ASGITransport(app=with_edge_cache(other), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://other") as client:
            yield client


async def _eventually(check: object, deadline_s: float = 5.0) -> None:
    assert callable(check)
    deadline = time.monotonic() + deadline_s
    while True:
        if await check():
            return
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        await asyncio.sleep(0.02)


async def test_a_change_shows_at_once_in_every_process(
    committing_client: httpx.AsyncClient,
    second_process: httpx.AsyncClient,
) -> None:
    headers = await _owner(committing_client, "wave")
    job = await open_job(committing_client, headers)
    for client in (committing_client, second_process):
        listed = await client.get("/v1/boards/wave/jobs")
        assert [j["id"] for j in listed.json()["items"]] == [job["id"]]
        with counted_hits() as hits:
            await client.get("/v1/boards/wave/jobs")
        assert hits() == 1

    await committing_client.post(f"/v1/jobs/{job['id']}/pause", headers=headers)

    async def both_show_it_gone() -> bool:
        for client in (committing_client, second_process):
            listed = await client.get("/v1/boards/wave/jobs")
            if listed.json()["items"]:
                return False
        return True

    await _eventually(both_show_it_gone)


async def test_cached_pages_carry_no_other_clients_headers(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    await open_job(client, headers)
    first = await client.get("/v1/boards/acme/jobs", headers={"X-Request-ID": "first-visitor"})
    assert "ratelimit-remaining" in first.headers
    with counted_hits() as hits:
        second = await client.get(
            "/v1/boards/acme/jobs", headers={"X-Request-ID": "second-visitor"}
        )
    assert hits() == 1
    assert second.headers["x-request-id"] == "second-visitor"
    assert "ratelimit-remaining" not in second.headers
    odd = await client.get("/v1/boards/acme/jobs", headers={"X-Request-ID": "bad id"})
    assert "x-request-id" not in odd.headers
    etag = second.headers["etag"]
    unchanged = await client.get(
        "/v1/boards/acme/jobs", headers={"If-None-Match": etag, "X-Request-ID": "third-visitor"}
    )
    assert unchanged.status_code == 304
    assert unchanged.headers["x-request-id"] == "third-visitor"
