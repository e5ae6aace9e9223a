"""Browser sessions in Redis when REDIS_URL is set, PostgreSQL when Redis does not answer."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.security import digest
from hireline.web import sessions
from hireline.web.session_store import RedisSessionStore
from tests.identity.helpers import sign_up
from tests.web.helpers import csrf_token, session_cookie, web_sign_in

REDIS_URL = os.environ.get("REDIS_URL")
pytestmark = pytest.mark.skipif(REDIS_URL is None, reason="REDIS_URL is not set")


@pytest.fixture
async def prefix() -> AsyncIterator[str]:
    """Sessions in Redis under a prefix of this test's own, for the test's duration."""
    assert REDIS_URL is not None
    own = f"hireline-test:{uuid.uuid4().hex}"
    store = RedisSessionStore(REDIS_URL, key_prefix=own)
    sessions.use_redis(store, idle_minutes=30)
    try:
        yield own
    finally:
        sessions.use_redis(None)
        await store.close()


async def _keys(prefix: str) -> list[bytes]:
    assert REDIS_URL is not None
    redis = Redis.from_url(REDIS_URL)
    try:
        return [key async for key in redis.scan_iter(f"{prefix}:*")]
    finally:
        await redis.aclose()


async def _rows(client: httpx.AsyncClient, engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int(
            (await connection.execute(text("SELECT count(*) FROM web_sessions"))).scalar_one()
        )


async def test_a_session_lives_in_redis_and_ends_there(
    client: httpx.AsyncClient, prefix: str
) -> None:
    await sign_up(client, "acme")
    await web_sign_in(client, "owner@acme.example")
    cookie = session_cookie(client)
    assert cookie is not None
    assert await _keys(prefix) == [f"{prefix}:{digest(cookie)}".encode()]
    page = await client.get("/app")
    assert page.status_code == 200
    signed_out = await client.post("/app/sign-out", data={"csrf_token": csrf_token(page.text)})
    assert signed_out.status_code == 303
    assert await _keys(prefix) == []
    client.cookies.set("hireline_session", cookie)
    assert (await client.get("/app")).status_code == 303


async def test_switching_organisation_rotates_the_redis_session(
    client: httpx.AsyncClient, prefix: str
) -> None:
    await sign_up(client, "acme")
    await sign_up(client, "globex", email="owner@acme.example")
    await web_sign_in(client, "owner@acme.example")
    first = session_cookie(client)
    picker = await client.get("/app/organisations")
    tenant = picker.text.split('name="tenant_id" value="')[1].split('"')[0]
    await client.post(
        "/app/organisations", data={"tenant_id": tenant, "csrf_token": csrf_token(picker.text)}
    )
    second = session_cookie(client)
    assert second is not None
    assert second != first
    assert await _keys(prefix) == [f"{prefix}:{digest(second)}".encode()]
    assert (await client.get("/app")).status_code == 200


async def test_without_redis_sessions_fall_back_to_postgresql(client: httpx.AsyncClient) -> None:
    store = RedisSessionStore("redis://127.0.0.1:1/0")
    sessions.use_redis(store)
    try:
        await sign_up(client, "acme")
        await web_sign_in(client, "owner@acme.example")
        assert (await client.get("/app")).status_code == 200
    finally:
        sessions.use_redis(None)
        await store.close()
