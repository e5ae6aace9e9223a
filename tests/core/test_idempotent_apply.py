"""Idempotent applying: retries recognised by meaning, one connection per request."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.candidates.models import Application
from hireline.main import create_app
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.conftest import _client_for, truncate_all
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job

FORM = {"name": "Ada Lovelace", "email": "ada@example.com", "consent": "true"}
# Made once: a PDF carries the second it was made, and a retry sends the same file.
RESUME = pdf_resume()


def _apply_request(
    client: httpx.AsyncClient,
    job: dict[str, Any],
    key: str,
    *,
    fields: dict[str, str] | None = None,
    resume: bytes | None = None,
) -> httpx.Request:
    return client.build_request(
        "POST",
        f"/v1/boards/acme/jobs/{job['id']}/applications",
        data=FORM | (fields or {}),
        files={"resume": ("cv.pdf", resume or RESUME, "application/pdf")},
        headers={"Idempotency-Key": key},
    )


@pytest.fixture
async def job(client: httpx.AsyncClient) -> dict[str, Any]:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    return await open_job(client, owner)


async def test_retry_with_a_new_multipart_boundary_replays(
    client: httpx.AsyncClient, job: dict[str, Any]
) -> None:
    # As httpx, requests, curl and browsers do: each try gets a fresh boundary.
    first_try = _apply_request(client, job, "apply-1")
    second_try = _apply_request(client, job, "apply-1")
    assert first_try.headers["content-type"] != second_try.headers["content-type"]

    first = await client.send(first_try)
    again = await client.send(second_try)

    assert first.status_code == again.status_code == 201, again.text
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]


async def test_retry_with_fields_in_another_order_replays(
    client: httpx.AsyncClient, job: dict[str, Any]
) -> None:
    first = await client.send(_apply_request(client, job, "apply-1"))
    reordered = client.build_request(
        "POST",
        f"/v1/boards/acme/jobs/{job['id']}/applications",
        data=dict(reversed(FORM.items())),
        files={"resume": ("cv.pdf", RESUME, "application/pdf")},
        headers={"Idempotency-Key": "apply-1"},
    )
    again = await client.send(reordered)

    assert again.status_code == 201, again.text
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]


@pytest.mark.parametrize(
    "change",
    [{"fields": {"name": "Grace Hopper"}}, {"resume": RESUME + b"\n% another file\n"}],
    ids=["another field value", "another resume"],
)
async def test_same_key_with_another_application_is_422(
    client: httpx.AsyncClient, job: dict[str, Any], change: dict[str, Any]
) -> None:
    first = await client.send(_apply_request(client, job, "apply-1"))
    other = await client.send(_apply_request(client, job, "apply-1", **change))

    assert first.status_code == 201
    assert other.status_code == 422
    assert other.json()["errors"][0]["loc"] == ["header", "Idempotency-Key"]


POOL_SIZE = 2


@pytest.fixture
async def small_pool_app(settings: Settings, engine: AsyncEngine) -> AsyncIterator[FastAPI]:
    """An app whose pool has room for `POOL_SIZE` connections and no overflow; it commits."""
    small = settings.model_copy(update={"db_pool_size": POOL_SIZE, "db_max_overflow": 0})
    application = create_app(small)
    async with application.router.lifespan_context(application):
        yield application
    await truncate_all(engine)


async def test_keyed_requests_beyond_the_pool_size_never_fail(
    small_pool_app: FastAPI, engine: AsyncEngine
) -> None:
    async with _client_for(small_pool_app) as client:
        owner = bearer((await sign_up(client, "acme"))["access_token"])
        job = await open_job(client, owner)
        requests = [
            _apply_request(client, job, f"apply-{n}", fields={"email": f"ada{n}@example.com"})
            for n in range(4 * POOL_SIZE)
        ]
        responses = await asyncio.gather(*(client.send(request) for request in requests))

    assert [r.status_code for r in responses] == [201] * len(requests), [
        r.text for r in responses if r.status_code != 201
    ]
    async with engine.connect() as connection:
        stored = await connection.scalar(select(func.count()).select_from(Application))
    assert stored == len(requests)
