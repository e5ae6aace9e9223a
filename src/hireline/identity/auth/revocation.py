"""Access tokens ended before they expire: signing out ends the token at once.

A JWT is valid until its `exp` on its own; the list of revoked token ids, each kept only
until the token would have expired, is checked on every request. It lives in Redis when
`REDIS_URL` is set (one key per token, expiring with it), else in PostgreSQL
(`revoked_access_tokens`, pruned of expired rows at each sign-out). If Redis stops
answering, revocations are written to and read from PostgreSQL meanwhile: a token revoked
in Redis before the outage is then accepted again until Redis is back or the token expires
(at most `HIRELINE_ACCESS_TOKEN_TTL_SECONDS`).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.identity.auth.repository import AuthRepository

logger = structlog.get_logger(__name__)

DEFAULT_KEY_PREFIX = "hireline:revoked-token"
REDIS_TIMEOUT_SECONDS = 0.5


class AccessTokenRevocations:
    """The revocation list: Redis when configured, PostgreSQL otherwise (or meanwhile)."""

    def __init__(
        self, *, redis_url: str | None = None, key_prefix: str = DEFAULT_KEY_PREFIX
    ) -> None:
        self._prefix = key_prefix
        self._redis: Redis | None = None
        if redis_url is not None:
            self._redis = Redis.from_url(
                redis_url,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            )

    async def close(self) -> None:
        if self._redis is not None:
            await self._redis.aclose()

    def _key(self, tenant_id: uuid.UUID, token_id: str) -> str:
        return f"{self._prefix}:{tenant_id}:{token_id}"

    async def revoke(
        self, session: AsyncSession, tenant_id: uuid.UUID, token_id: str, expires_at: datetime
    ) -> None:
        """End the token now; remembered until `expires_at`, when it would have ended."""
        now = datetime.now(UTC)
        remaining = int((expires_at - now).total_seconds()) + 1
        if remaining <= 0:
            return
        if self._redis is not None:
            try:
                await self._redis.set(self._key(tenant_id, token_id), b"1", ex=remaining)
                return
            except RedisError as exc:
                logger.warning("token_revocation_storage_unavailable", error=str(exc))
        await AuthRepository(session).remember_revoked(tenant_id, token_id, expires_at, now)

    async def is_revoked(self, session: AsyncSession, tenant_id: uuid.UUID, token_id: str) -> bool:
        """Whether the token was revoked (the session is in the token's tenant)."""
        if self._redis is not None:
            try:
                return bool(await self._redis.exists(self._key(tenant_id, token_id)))
            except RedisError as exc:
                logger.warning("token_revocation_storage_unavailable", error=str(exc))
        return await AuthRepository(session).is_revoked(tenant_id, token_id)
