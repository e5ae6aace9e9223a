"""Sign-in throttling that slows guessing without letting anyone lock a user out.

Failures are counted per (account, address) pair. A pair gets `free_failures` failures
within 15 minutes, then each further failure doubles the wait before the pair may try
again (1 s, 2 s, 4 s, ... at most 15 minutes). An address that failed for
`free_failures` distinct accounts in 15 minutes (credential stuffing) loses the free
failures on every account it tries. Nothing else is refused: an address that has not failed
for an account is never refused for it, so knowing someone's e-mail does not let anyone
lock them out, and a shared office address does not lock out its colleagues. The
anonymous request limit still caps how many sign-ins one address can try a minute.

Counts are in Redis when `REDIS_URL` is set (shared by every API process), in memory
otherwise, and in memory for a few seconds at a time while Redis does not answer.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

import structlog
from redis.asyncio import ConnectionPool, Redis
from redis.exceptions import RedisError

logger = structlog.get_logger(__name__)

WINDOW = timedelta(minutes=15)
MAX_WAIT_SECONDS = 15 * 60
REDIS_RETRY_AFTER_SECONDS = 5.0
MEMORY_PRUNE_AT = 50_000

_T = TypeVar("_T")


def wait_after(failures: int, free_failures: int) -> float:
    """Seconds a pair waits after its `failures`-th failure: 0, then doubling, capped."""
    over = failures - free_failures
    if over <= 0:
        return 0.0
    return float(min(MAX_WAIT_SECONDS, 2 ** min(over - 1, 20)))


@dataclass(frozen=True, slots=True)
class PairState:
    """One (account, address) pair's recent failures, and how many accounts the address
    failed for."""

    failures: int
    last_failure_at: float
    accounts_failed_from_address: int


def _digest(text: str) -> str:
    # Hashed so that the store never holds e-mail addresses.
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def account_key(email: str) -> str:
    return _digest(email.strip().lower())


@dataclass
class _MemoryStore:
    pairs: dict[tuple[str, str], tuple[int, float]] = field(default_factory=dict)
    accounts_by_address: dict[str, dict[str, float]] = field(default_factory=dict)
    prune_at: int = MEMORY_PRUNE_AT

    async def state(self, account: str, address: str, now: float) -> PairState:
        failures, last = self.pairs.get((account, address), (0, 0.0))
        if failures and now - last > _ttl(failures):
            failures, last = 0, 0.0
        seen = self.accounts_by_address.get(address, {})
        recent = sum(1 for at in seen.values() if now - at <= WINDOW.total_seconds())
        return PairState(failures, last, recent)

    async def fail(self, account: str, address: str, now: float) -> None:
        current = await self.state(account, address, now)
        self.pairs[(account, address)] = (current.failures + 1, now)
        seen = self.accounts_by_address.setdefault(address, {})
        seen[account] = now
        for stale in [a for a, at in seen.items() if now - at > WINDOW.total_seconds()]:
            del seen[stale]
        if len(self.pairs) > self.prune_at:
            self._prune(now)
            # Pruning again only once the live pairs have doubled keeps each failure O(1).
            self.prune_at = max(MEMORY_PRUNE_AT, 2 * len(self.pairs))

    def _prune(self, now: float) -> None:
        # Without Redis, a flood of failures from many addresses must not grow memory forever.
        for pair in [p for p, (n, last) in self.pairs.items() if now - last > _ttl(n)]:
            del self.pairs[pair]
        for address in list(self.accounts_by_address):
            seen = self.accounts_by_address[address]
            if all(now - at > WINDOW.total_seconds() for at in seen.values()):
                del self.accounts_by_address[address]

    async def clear(self, account: str, address: str) -> None:
        self.pairs.pop((account, address), None)


def _ttl(failures: int) -> float:
    # A pair is forgotten 15 minutes after its last failure or wait, whichever ends later.
    return WINDOW.total_seconds() + MAX_WAIT_SECONDS if failures else WINDOW.total_seconds()


class _RedisStore:
    def __init__(self, redis: Redis, prefix: str) -> None:
        self._redis = redis
        self._prefix = prefix

    def _pair(self, account: str, address: str) -> str:
        return f"{self._prefix}:login-pair:{account}:{_digest(address)}"

    def _address(self, address: str) -> str:
        return f"{self._prefix}:login-address:{_digest(address)}"

    async def state(self, account: str, address: str, now: float) -> PairState:
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hmget(self._pair(account, address), ["failures", "last"])
            pipe.zcount(self._address(address), now - WINDOW.total_seconds(), "+inf")
            (failures, last), accounts = await pipe.execute()
        return PairState(int(failures or 0), float(last or 0.0), int(accounts))

    async def fail(self, account: str, address: str, now: float) -> None:
        pair, by_address = self._pair(account, address), self._address(address)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hincrby(pair, "failures", 1)
            pipe.hset(pair, "last", repr(now))
            pipe.expire(pair, int(_ttl(1)))
            pipe.zadd(by_address, {account: now})
            pipe.zremrangebyscore(by_address, "-inf", now - WINDOW.total_seconds())
            pipe.expire(by_address, int(WINDOW.total_seconds()))
            await pipe.execute()

    async def clear(self, account: str, address: str) -> None:
        await self._redis.delete(self._pair(account, address))


@dataclass(frozen=True, slots=True)
class LoginVerdict:
    """Whether a sign-in may be tried now, and if not, in how many seconds."""

    allowed: bool
    retry_after_seconds: int
    failures: int


class LoginThrottle:
    """Failed sign-ins per (account, address) with growing waits; see the module's notes."""

    def __init__(
        self, *, free_failures: int, pool: ConnectionPool | None = None, key_prefix: str = ""
    ) -> None:
        self.free_failures = free_failures
        self._memory = _MemoryStore()
        self._redis = _RedisStore(Redis(connection_pool=pool), key_prefix) if pool else None
        self._redis_down_until = 0.0

    async def check(self, email: str, address: str) -> LoginVerdict:
        """May `address` try to sign in to `email` now? Nothing is counted."""
        now = time.time()
        state = await self._run(lambda store: store.state(account_key(email), address, now))
        if state.failures == 0:
            return LoginVerdict(True, 0, 0)  # never refused where it has not failed
        free = self.free_failures
        if state.accounts_failed_from_address >= self.free_failures:
            free = 0  # an address guessing across many accounts gets no free failures
        remaining = state.last_failure_at + wait_after(state.failures, free) - now
        if remaining <= 0:
            return LoginVerdict(True, 0, state.failures)
        return LoginVerdict(False, max(1, math.ceil(remaining)), state.failures)

    async def record_failure(self, email: str, address: str) -> None:
        now = time.time()
        await self._run(lambda store: store.fail(account_key(email), address, now))

    async def clear(self, email: str, address: str) -> None:
        """Forget the pair's failures after a successful sign-in (the address's count of
        accounts stays: signing in to one's own account says nothing about the others)."""
        await self._run(lambda store: store.clear(account_key(email), address))

    async def _run(self, operation: Callable[[_MemoryStore | _RedisStore], Awaitable[_T]]) -> _T:
        if self._redis is None or time.monotonic() < self._redis_down_until:
            return await operation(self._memory)
        try:
            result = await operation(self._redis)
        except RedisError as exc:
            if self._redis_down_until == 0.0:
                logger.warning("login_throttle_storage_unavailable", error=str(exc))
            self._redis_down_until = time.monotonic() + REDIS_RETRY_AFTER_SECONDS
            return await operation(self._memory)
        self._redis_down_until = 0.0
        return result
