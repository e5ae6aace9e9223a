"""Rate limits: per principal and per client, in memory or shared through Redis."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
import redis as sync_redis
import redis.asyncio as redis
from fastapi import Depends, FastAPI, Request
from starlette.datastructures import Headers

from hireline.core.errors import RateLimited
from hireline.core.login_throttle import _MemoryStore, wait_after
from hireline.core.principal import Principal
from hireline.core.rate_limit import (
    RateLimiter,
    RateLimitHeadersMiddleware,
    RateLimitResult,
    client_address,
    limit_anonymous,
    limit_principal,
    raise_if_refused,
)
from hireline.main import create_app
from hireline.settings import Settings

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="session")
def redis_url() -> str:
    """Redis for the shared-limit tests: required when REDIS_URL is set (CI)."""
    url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    client = sync_redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except sync_redis.RedisError as exc:
        if os.environ.get("REDIS_URL"):
            raise
        pytest.skip(f"no Redis at {url}: {exc}")
    finally:
        client.close()
    return url


@pytest.fixture
async def key_prefix(redis_url: str) -> AsyncIterator[str]:
    """A prefix of this test's own, so runs and tests never share counts; removed after."""
    prefix = f"hireline-test:{uuid.uuid4().hex}"
    yield prefix
    await _delete_keys(redis_url, prefix)


async def _delete_keys(redis_url: str, prefix: str) -> None:
    client = redis.Redis.from_url(redis_url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}:*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


@pytest.fixture
async def shared_limiters(redis_url: str, key_prefix: str) -> AsyncIterator[list[RateLimiter]]:
    """Two limiters on one Redis, as two API processes would have."""
    limiters = [
        RateLimiter(redis_url=redis_url, key_prefix=key_prefix, login_failures_per_15_minutes=3)
        for _ in range(2)
    ]
    yield limiters
    for limiter in limiters:
        await limiter.close()


def _principal(per_minute: int | None = 5) -> Principal:
    return Principal(
        kind="api_key",
        id=str(uuid.uuid4()),
        tenant_id=uuid.uuid4(),
        actions=frozenset(),
        rate_limit_per_minute=per_minute,
    )


async def _exhaust(limiter: RateLimiter, key: str, limit: int) -> list[RateLimitResult]:
    return [await limiter.hit(key, limit) for _ in range(limit)]


async def test_memory_limit_allows_n_then_refuses_with_retry_after() -> None:
    limiter = RateLimiter()
    results = await _exhaust(limiter, "k", 3)
    assert [r.allowed for r in results] == [True, True, True]
    assert [r.remaining for r in results] == [2, 1, 0]
    assert results[0].headers()["RateLimit-Limit"] == "3"
    assert "Retry-After" not in results[0].headers()

    refused = await limiter.hit("k", 3)
    assert not refused.allowed
    assert refused.remaining == 0
    assert 0 < refused.reset_seconds <= 60
    with pytest.raises(RateLimited) as caught:
        raise_if_refused(refused)
    assert caught.value.problem.status == 429
    assert 1 <= int(caught.value.headers["Retry-After"]) <= 60
    assert caught.value.headers["RateLimit-Remaining"] == "0"


async def test_limits_are_per_key() -> None:
    limiter = RateLimiter()
    await _exhaust(limiter, "one", 2)
    assert not (await limiter.hit("one", 2)).allowed
    assert (await limiter.hit("two", 2)).allowed


async def test_redis_limit_allows_n_then_refuses_with_retry_after(
    shared_limiters: list[RateLimiter],
) -> None:
    limiter = shared_limiters[0]
    assert limiter.shared
    results = await _exhaust(limiter, "k", 4)
    assert all(r.allowed for r in results)
    assert results[-1].remaining == 0
    refused = await limiter.hit("k", 4)
    assert not refused.allowed
    assert 1 <= int(refused.headers()["Retry-After"]) <= 60


async def test_processes_sharing_redis_share_the_count(
    shared_limiters: list[RateLimiter],
) -> None:
    first, second = shared_limiters
    principal = _principal(per_minute=4)
    outcomes = []
    for i in range(4):
        outcomes.append((await shared_limiters[i % 2].hit_principal(principal)).allowed)
    assert outcomes == [True, True, True, True]
    assert not (await first.hit_principal(principal)).allowed
    assert not (await second.hit_principal(principal)).allowed


async def test_unreachable_redis_falls_back_to_memory() -> None:
    limiter = RateLimiter(redis_url="redis://127.0.0.1:1/0", key_prefix="unused")
    try:
        assert [(await limiter.hit("k", 2)).allowed for _ in range(3)] == [True, True, False]
    finally:
        await limiter.close()


async def test_principal_without_plan_figure_gets_the_anonymous_limit() -> None:
    limiter = RateLimiter(anonymous_per_minute=2)
    principal = _principal(per_minute=None)
    assert (await limiter.hit_principal(principal)).limit == 2


@pytest.fixture(params=["memory", "redis"])
async def login_limiter(request: pytest.FixtureRequest) -> AsyncIterator[RateLimiter]:
    if request.param == "memory":
        yield RateLimiter(login_failures_per_15_minutes=3)
        return
    redis_url: str = request.getfixturevalue("redis_url")
    prefix = f"hireline-test:{uuid.uuid4().hex}"
    limiter = RateLimiter(redis_url=redis_url, key_prefix=prefix, login_failures_per_15_minutes=3)
    yield limiter
    await limiter.close()
    await _delete_keys(redis_url, prefix)


async def test_failures_elsewhere_never_refuse_an_address_that_has_not_failed(
    login_limiter: RateLimiter,
) -> None:
    limiter = login_limiter
    for _ in range(20):
        await limiter.record_login_failure("Alice@Example.com ", "10.0.0.1")

    assert not (await limiter.login_allowed("alice@example.com", "10.0.0.1")).allowed
    assert (await limiter.login_allowed("alice@example.com", "10.0.0.2")).allowed
    assert (await limiter.login_allowed("bob@example.com", "10.0.0.1")).allowed


async def test_a_pair_waits_longer_after_each_failure_past_the_free_ones(
    login_limiter: RateLimiter,
) -> None:
    limiter = login_limiter
    waits = []
    for _ in range(7):
        await limiter.record_login_failure("alice@example.com", "10.0.0.1")
        verdict = await limiter.login_allowed("alice@example.com", "10.0.0.1")
        waits.append(0 if verdict.allowed else verdict.reset_seconds)
    assert waits == [0, 0, 0, 1, 2, 4, 8]
    refused = await limiter.login_allowed("alice@example.com", "10.0.0.1")
    assert refused.headers()["Retry-After"] == "8"

    await limiter.clear_login_failures("alice@example.com", "10.0.0.1")
    assert (await limiter.login_allowed("alice@example.com", "10.0.0.1")).allowed


def test_waits_are_capped_at_fifteen_minutes() -> None:
    assert wait_after(3, 3) == 0
    assert wait_after(4, 3) == 1
    assert wait_after(1_000, 3) == 15 * 60


async def test_an_address_failing_for_many_accounts_loses_its_free_failures(
    login_limiter: RateLimiter,
) -> None:
    limiter = login_limiter
    for account in ("a@example.com", "b@example.com", "c@example.com"):
        await limiter.record_login_failure(account, "10.0.0.5")

    assert not (await limiter.login_allowed("a@example.com", "10.0.0.5")).allowed
    # ... but an account it has not failed for is still open to it, and the others elsewhere.
    assert (await limiter.login_allowed("d@example.com", "10.0.0.5")).allowed
    assert (await limiter.login_allowed("a@example.com", "10.0.0.6")).allowed
    await limiter.record_login_failure("d@example.com", "10.0.0.5")
    assert not (await limiter.login_allowed("d@example.com", "10.0.0.5")).allowed


async def test_login_failures_are_shared_between_processes(
    shared_limiters: list[RateLimiter],
) -> None:
    first, second = shared_limiters
    for limiter in (first, second, first, second):
        await limiter.record_login_failure("carol@example.com", "10.0.0.9")
    assert not (await first.login_allowed("carol@example.com", "10.0.0.9")).allowed
    assert not (await second.login_allowed("carol@example.com", "10.0.0.9")).allowed
    assert (await second.login_allowed("carol@example.com", "10.0.0.8")).allowed


def _request(client: str, headers: dict[str, str] | None = None) -> Request:
    raw = Headers(headers or {}).raw
    return Request({"type": "http", "client": (client, 1234), "headers": raw})


@pytest.mark.parametrize(
    ("client", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
    ],
)
def test_client_address_groups_ipv6_by_64(client: str, expected: str) -> None:
    assert client_address(_request(client)) == expected


def test_forwarded_for_is_trusted_only_when_configured() -> None:
    request = _request("10.0.0.1", {"X-Forwarded-For": "1.2.3.4, 198.51.100.2"})
    assert client_address(request) == "10.0.0.1"
    assert client_address(request, trust_proxy_headers=True) == "198.51.100.2"


@pytest.fixture
async def probe_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An app with one route limited per principal and one per client address."""
    app: FastAPI = create_app(settings)
    app.state.rate_limiter = RateLimiter(anonymous_per_minute=2)
    principal = _principal(per_minute=2)

    async def authenticated(request: Request) -> Principal:
        await limit_principal(request, principal)
        return principal

    @app.get("/probe/private", dependencies=[Depends(authenticated)])
    async def private() -> dict[str, str]:
        return {"ok": "yes"}

    @app.get("/probe/public", dependencies=[Depends(limit_anonymous)])
    async def public() -> dict[str, str]:
        return {"ok": "yes"}

    @app.get("/probe/unlimited")
    async def unlimited() -> dict[str, str]:
        return {"ok": "yes"}

    app.add_middleware(RateLimitHeadersMiddleware)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


@pytest.mark.parametrize("path", ["/probe/private", "/probe/public"])
async def test_limited_responses_carry_ratelimit_headers_and_429_past_the_limit(
    probe_client: httpx.AsyncClient, path: str
) -> None:
    first = await probe_client.get(path)
    assert first.status_code == 200
    assert first.headers["RateLimit-Limit"] == "2"
    assert first.headers["RateLimit-Remaining"] == "1"
    assert 0 < int(first.headers["RateLimit-Reset"]) <= 60
    assert "Retry-After" not in first.headers

    assert (await probe_client.get(path)).headers["RateLimit-Remaining"] == "0"
    refused = await probe_client.get(path)
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == "/problems/rate-limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["RateLimit-Remaining"] == "0"


async def test_unlimited_routes_carry_no_ratelimit_headers(
    probe_client: httpx.AsyncClient,
) -> None:
    response = await probe_client.get("/probe/unlimited")
    assert response.status_code == 200
    assert "RateLimit-Limit" not in response.headers


async def test_the_memory_store_forgets_stale_pairs_instead_of_growing() -> None:
    store = _MemoryStore(prune_at=10)
    for n in range(10):
        await store.fail(f"account-{n}", "10.0.0.1", now=0.0)
    await store.fail("fresh", "10.0.0.2", now=10_000.0)  # long after the others
    assert list(store.pairs) == [("fresh", "10.0.0.2")]
    assert list(store.accounts_by_address) == ["10.0.0.2"]
