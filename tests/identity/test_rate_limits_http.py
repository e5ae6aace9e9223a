"""Rate limits through HTTP, shared by two app processes through the real Redis."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.rate_limit import RateLimiter
from hireline.identity.models import Tenant, User
from hireline.main import create_app, with_edge_cache
from hireline.settings import Settings
from tests.identity.helpers import bearer, password_token, sign_up
from tests.web.helpers import web_sign_in

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI sets it)"
)
LIMIT = 5


@pytest.fixture
async def two_processes(settings: Settings) -> AsyncIterator[list[httpx.AsyncClient]]:
    """Two app instances, each with its own limiter object, counting in one Redis."""
    limited = settings.model_copy(
        update={
            "rate_limit_anonymous_per_minute": LIMIT,
            "login_failures_per_15_minutes": 2,
            # As behind a proxy, so that a test can sign in from another address.
            "trust_proxy_headers": True,
        }
    )
    prefix = f"hireline-test:{uuid.uuid4().hex}"
    apps: list[FastAPI] = [create_app(limited), create_app(limited)]
    clients = []
    contexts = [app.router.lifespan_context(app) for app in apps]
    for app, context in zip(apps, contexts, strict=True):
        await context.__aenter__()
        await app.state.rate_limiter.close()
        app.state.rate_limiter = RateLimiter.from_settings(limited, key_prefix=prefix)
        transport = httpx.ASGITransport(app=with_edge_cache(app), raise_app_exceptions=False)
        clients.append(httpx.AsyncClient(transport=transport, base_url="http://t"))
    try:
        yield clients
    finally:
        for app, client, context in zip(apps, clients, contexts, strict=True):
            await client.aclose()
            await app.state.rate_limiter.close()
            await context.__aexit__(None, None, None)


async def test_anonymous_limit_is_shared_across_processes(
    two_processes: list[httpx.AsyncClient],
) -> None:
    responses = [await two_processes[n % 2].get("/v1/boards/nobody/jobs") for n in range(LIMIT + 1)]
    assert [r.status_code for r in responses[:LIMIT]] == [404] * LIMIT
    assert responses[0].headers["ratelimit-limit"] == str(LIMIT)
    assert [r.headers["ratelimit-remaining"] for r in responses[:LIMIT]] == [
        str(LIMIT - 1 - n) for n in range(LIMIT)
    ]
    refused = responses[LIMIT]
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == "/problems/rate-limited"
    assert int(refused.headers["retry-after"]) > 0


async def test_tenant_plan_limit_applies_per_principal(
    two_processes: list[httpx.AsyncClient], engine: AsyncEngine
) -> None:
    slug = f"rl-{uuid.uuid4().hex[:8]}"
    owner = await sign_up(two_processes[0], slug)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                update(Tenant).where(Tenant.slug == slug).values(rate_limit_per_minute=3)
            )
        headers = bearer(owner["access_token"])
        statuses = [
            (await two_processes[n % 2].get("/v1/me", headers=headers)).status_code
            for n in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
    finally:
        async with engine.begin() as connection:
            await connection.execute(delete(Tenant).where(Tenant.slug == slug))
            await connection.execute(delete(User).where(User.email.like(f"%@{slug}.example")))


async def test_failed_sign_ins_are_throttled(
    two_processes: list[httpx.AsyncClient], engine: AsyncEngine
) -> None:
    slug = f"rl-{uuid.uuid4().hex[:8]}"
    await sign_up(two_processes[0], slug)
    email = f"owner@{slug}.example"
    try:
        for n in range(3):
            failed = await password_token(two_processes[n % 2], email, "wrong password here")
            assert failed.status_code == 400
        throttled = await password_token(two_processes[1], email)
        assert throttled.status_code == 429
        assert throttled.headers["retry-after"] == "1"
        # The owner, from an address that has not failed for the account, is let in.
        elsewhere = await password_token(two_processes[0], email, address="203.0.113.7")
        assert elsewhere.status_code == 200, elsewhere.text
    finally:
        async with engine.begin() as connection:
            await connection.execute(delete(Tenant).where(Tenant.slug == slug))
            await connection.execute(delete(User).where(User.email.like(f"%@{slug}.example")))


async def test_failed_web_sign_ins_throttle_the_token_endpoint_too(
    two_processes: list[httpx.AsyncClient], engine: AsyncEngine
) -> None:
    slug = f"rl-{uuid.uuid4().hex[:8]}"
    await sign_up(two_processes[0], slug)
    email = f"owner@{slug}.example"
    try:
        for _ in range(3):
            failed = await web_sign_in(two_processes[0], email, "wrong password here")
            assert failed.status_code == 400
        throttled = await web_sign_in(two_processes[0], email)
        assert throttled.status_code == 429
        assert "Too many failed sign-ins" in throttled.text
        assert (await password_token(two_processes[1], email)).status_code == 429
    finally:
        async with engine.begin() as connection:
            await connection.execute(delete(Tenant).where(Tenant.slug == slug))
            await connection.execute(delete(User).where(User.email.like(f"%@{slug}.example")))
