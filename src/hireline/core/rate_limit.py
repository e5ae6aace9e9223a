"""Request rate limits and sign-in throttling, counted in Redis when there is one.

With `REDIS_URL` every API process counts against the same moving windows; without it
each process keeps its own. If Redis stops answering, counting falls back to the
process's memory for a few seconds at a time rather than failing requests: a limit that
is briefly per-process is better than an outage.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import structlog
from fastapi import Request
from limits import RateLimitItem, RateLimitItemPerMinute
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError
from redis.asyncio import ConnectionPool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hireline.core.errors import RateLimited
from hireline.core.login_throttle import LoginThrottle
from hireline.core.principal import Principal
from hireline.settings import Settings

logger = structlog.get_logger(__name__)

DEFAULT_KEY_PREFIX = "hireline:ratelimit"
# `request.state.rate_limit`, read by RateLimitHeadersMiddleware once the response starts.
STATE_KEY = "rate_limit"
# A Redis that hangs must not hang requests; one that is down is not retried on every call.
REDIS_TIMEOUT_SECONDS = 0.5
REDIS_RETRY_AFTER_SECONDS = 5.0

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class RateLimitResult:
    """The outcome of counting one request against a limit."""

    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> dict[str, str]:
        """The `RateLimit-*` headers, plus `Retry-After` when the request was refused."""
        headers = {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_seconds),
        }
        if not self.allowed:
            headers["Retry-After"] = str(max(1, self.reset_seconds))
        return headers


def raise_if_refused(result: RateLimitResult, detail: str | None = None) -> None:
    """Raise a 429 problem carrying the result's headers when the request was refused."""
    if not result.allowed:
        raise RateLimited(
            detail or f"Rate limit reached; retry in {max(1, result.reset_seconds)} s.",
            headers=result.headers(),
        )


@lru_cache(maxsize=256)
def _per_minute(amount: int) -> RateLimitItem:
    return RateLimitItemPerMinute(amount)


def _limiter_url(redis_url: str) -> str:
    """The `limits` storage URI for a redis-py URL."""
    if redis_url.startswith("unix://"):
        return "async+redis+unix://" + redis_url.removeprefix("unix://")
    return "async+" + redis_url


class RateLimiter:
    """Moving-window counters per principal and per anonymous client; sign-in throttling."""

    def __init__(
        self,
        *,
        redis_url: str | None = None,
        key_prefix: str = DEFAULT_KEY_PREFIX,
        anonymous_per_minute: int = 60,
        login_failures_per_15_minutes: int = 10,
        trust_proxy_headers: bool = False,
    ) -> None:
        self.anonymous_per_minute = anonymous_per_minute
        self.trust_proxy_headers = trust_proxy_headers
        self._memory = MovingWindowRateLimiter(MemoryStorage())
        self._pool: ConnectionPool | None = None
        self._redis: MovingWindowRateLimiter | None = None
        self._redis_down_until = 0.0
        if redis_url is not None:
            self._pool = ConnectionPool.from_url(
                redis_url,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            )
            # Our own pool, so that close() can release its connections.
            options: dict[str, Any] = {"connection_pool": self._pool}
            storage: Storage = RedisStorage(
                _limiter_url(redis_url),
                wrap_exceptions=True,
                implementation="redispy",
                key_prefix=key_prefix,
                **options,
            )
            self._redis = MovingWindowRateLimiter(storage)
        self.login = LoginThrottle(
            free_failures=login_failures_per_15_minutes, pool=self._pool, key_prefix=key_prefix
        )

    @classmethod
    def from_settings(
        cls, settings: Settings, *, key_prefix: str = DEFAULT_KEY_PREFIX
    ) -> RateLimiter:
        """The limiter for the app: shared through Redis when `REDIS_URL` is set."""
        return cls(
            redis_url=settings.redis_url.get_secret_value() if settings.redis_url else None,
            key_prefix=key_prefix,
            anonymous_per_minute=settings.rate_limit_anonymous_per_minute,
            login_failures_per_15_minutes=settings.login_failures_per_15_minutes,
            trust_proxy_headers=settings.trust_proxy_headers,
        )

    @property
    def shared(self) -> bool:
        """True when counts are shared with other processes through Redis."""
        return self._redis is not None

    async def close(self) -> None:
        """Release the Redis connections."""
        if self._pool is not None:
            await self._pool.aclose()

    async def hit(self, key: str, per_minute: int) -> RateLimitResult:
        """Count one request for `key` against `per_minute`; refused requests do not count."""
        item = _per_minute(per_minute)

        async def count(strategy: MovingWindowRateLimiter) -> RateLimitResult:
            allowed = await strategy.hit(item, key)
            return await _result(strategy, item, key, allowed)

        return await self._run(count)

    async def hit_principal(self, principal: Principal) -> RateLimitResult:
        """Count one request of an authenticated caller against its tenant's plan limit.

        A principal built without a plan figure is held to the anonymous limit.
        """
        per_minute = principal.rate_limit_per_minute or self.anonymous_per_minute
        return await self.hit(f"principal:{principal.tenant_id}:{principal.key}", per_minute)

    async def hit_anonymous(self, client_address: str) -> RateLimitResult:
        """Count one request of an anonymous client (see `client_address`)."""
        return await self.hit(f"ip:{client_address}", self.anonymous_per_minute)

    async def login_allowed(self, email: str, ip: str) -> RateLimitResult:
        """Whether a sign-in for `email` from `ip` may be tried now (nothing is counted);
        see `core.login_throttle` for the rule."""
        verdict = await self.login.check(email, ip)
        return RateLimitResult(
            allowed=verdict.allowed,
            limit=self.login.free_failures,
            remaining=max(0, self.login.free_failures - verdict.failures),
            reset_seconds=verdict.retry_after_seconds,
        )

    async def record_login_failure(self, email: str, ip: str) -> None:
        """Count a failed sign-in of `email` from `ip`."""
        await self.login.record_failure(email, ip)

    async def clear_login_failures(self, email: str, ip: str) -> None:
        """Forget the failures of `email` from `ip` after it signed in."""
        await self.login.clear(email, ip)

    async def _run(self, operation: Callable[[MovingWindowRateLimiter], Awaitable[_T]]) -> _T:
        if self._redis is None or time.monotonic() < self._redis_down_until:
            return await operation(self._memory)
        try:
            result = await operation(self._redis)
        except StorageError as exc:
            if self._redis_down_until == 0.0:
                logger.warning("rate_limit_storage_unavailable", error=str(exc.storage_error))
            self._redis_down_until = time.monotonic() + REDIS_RETRY_AFTER_SECONDS
            return await operation(self._memory)
        if self._redis_down_until:
            logger.info("rate_limit_storage_recovered")
            self._redis_down_until = 0.0
        return result


async def _result(
    strategy: MovingWindowRateLimiter, item: RateLimitItem, key: str, allowed: bool | None
) -> RateLimitResult:
    """The window's state after a hit (`allowed` given) or without one (`None`)."""
    reset_at, remaining = await strategy.get_window_stats(item, key)
    return RateLimitResult(
        allowed=remaining > 0 if allowed is None else allowed,
        limit=item.amount,
        remaining=max(0, remaining),
        reset_seconds=max(0, math.ceil(reset_at - time.time())),
    )


def client_address(request: Request, *, trust_proxy_headers: bool = False) -> str:
    """The address an anonymous request is counted under.

    Behind a trusted proxy it is the last `X-Forwarded-For` entry, the one the proxy itself
    appended (earlier entries are whatever the client chose to send). IPv6 clients are
    counted per /64, the block one subscriber usually gets.
    """
    address = request.client.host if request.client else ""
    if trust_proxy_headers:
        forwarded = request.headers.get("x-forwarded-for")
        if forwarded:
            address = forwarded.rsplit(",", 1)[-1].strip()
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def _limiter_of(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter


def _admit(request: Request, result: RateLimitResult) -> RateLimitResult:
    raise_if_refused(result)
    setattr(request.state, STATE_KEY, result)
    return result


async def limit_principal(request: Request, principal: Principal) -> RateLimitResult:
    """Count the request against the principal's limit: 429 when over, headers when not."""
    return _admit(request, await _limiter_of(request).hit_principal(principal))


async def limit_anonymous(request: Request) -> RateLimitResult:
    """Count the request against its client address: 429 when over, headers when not."""
    limiter = _limiter_of(request)
    address = client_address(request, trust_proxy_headers=limiter.trust_proxy_headers)
    return _admit(request, await limiter.hit_anonymous(address))


class RateLimitHeadersMiddleware:
    """Adds the `RateLimit-*` headers of a counted request to its successful response.

    Refusals carry their headers already (they are part of the 429 problem). Outside the
    board cache and the idempotency layer, so that neither stores a moment's figures.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Created here so that the request's `request.state`, deeper down, is this dict.
        state: dict[str, Any] = scope.setdefault("state", {})

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                result = state.get(STATE_KEY)
                if isinstance(result, RateLimitResult):
                    headers = list(message.get("headers", ()))
                    present = {name.lower() for name, _ in headers}
                    headers.extend(
                        (name.lower().encode(), value.encode())
                        for name, value in result.headers().items()
                        if name.lower().encode() not in present
                    )
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
