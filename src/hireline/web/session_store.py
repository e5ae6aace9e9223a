"""Browser sessions kept in Redis (when `REDIS_URL` is set), PostgreSQL being the fallback.

A session is one Redis key per cookie digest, holding the same facts as a `web_sessions`
row, expiring after the idle limit (and renewed as the session is used). If Redis stops
answering, new sessions are kept in PostgreSQL meanwhile; sessions held in Redis are then
not found, so their browsers sign in again.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import orjson
import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from hireline.web.models import WebSession

logger = structlog.get_logger(__name__)

KEY_PREFIX = "hireline:web-session"
REDIS_TIMEOUT_SECONDS = 0.5


class SessionStoreUnavailable(Exception):
    """Redis did not answer; the caller falls back to PostgreSQL."""


class RedisSessionStore:
    """Sessions as Redis keys that expire after the idle limit."""

    def __init__(self, redis_url: str, *, key_prefix: str = KEY_PREFIX) -> None:
        self._prefix = key_prefix
        self._redis = Redis.from_url(
            redis_url,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )

    async def close(self) -> None:
        await self._redis.aclose()

    def _key(self, id_digest: str) -> str:
        return f"{self._prefix}:{id_digest}"

    async def save(self, web_session: WebSession, idle_seconds: int) -> None:
        """Keep (or renew) the session for `idle_seconds` from now."""
        data = orjson.dumps(
            {
                "user_id": str(web_session.user_id),
                "tenant_id": str(web_session.tenant_id) if web_session.tenant_id else None,
                "csrf_token": web_session.csrf_token,
                "password_digest": web_session.password_digest,
                "created_at": web_session.created_at.isoformat(),
                "last_seen_at": web_session.last_seen_at.isoformat(),
            }
        )
        try:
            await self._redis.set(self._key(web_session.id_digest), data, ex=idle_seconds)
        except RedisError as exc:
            logger.warning("web_session_store_unavailable", error=str(exc))
            raise SessionStoreUnavailable from exc

    async def load(self, id_digest: str) -> WebSession | None:
        """The session with this digest (not attached to any database session), or None."""
        try:
            data = await self._redis.get(self._key(id_digest))
        except RedisError as exc:
            logger.warning("web_session_store_unavailable", error=str(exc))
            raise SessionStoreUnavailable from exc
        if data is None:
            return None
        facts = orjson.loads(data)
        return WebSession(
            id_digest=id_digest,
            user_id=uuid.UUID(facts["user_id"]),
            tenant_id=uuid.UUID(facts["tenant_id"]) if facts["tenant_id"] else None,
            csrf_token=facts["csrf_token"],
            password_digest=facts["password_digest"],
            created_at=datetime.fromisoformat(facts["created_at"]),
            last_seen_at=datetime.fromisoformat(facts["last_seen_at"]),
        )

    async def delete(self, id_digest: str) -> None:
        try:
            await self._redis.delete(self._key(id_digest))
        except RedisError as exc:
            logger.warning("web_session_store_unavailable", error=str(exc))
