"""Server-side browser sessions: create on sign-in, find by cookie, expire, end.

The cookie holds a random 256-bit id; the store keeps its SHA-256 digest. The store is Redis
when `REDIS_URL` is set (`session_store.py`), else the `web_sessions` table, where row-level
security shows a row only to a transaction that presents that digest (ADR 0014).
"""

from __future__ import annotations

import uuid
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.security import digest, new_secret
from hireline.core.tenancy import allow_credential_lookup
from hireline.identity import service as identity
from hireline.identity.service import User
from hireline.settings import Settings
from hireline.web.models import WebSession
from hireline.web.repository import WebSessionRepository
from hireline.web.session_store import RedisSessionStore, SessionStoreUnavailable

# Writing `last_seen_at` on every click would turn each page view into a write; a minute's
# precision is plenty for an idle limit counted in tens of minutes.
TOUCH_EVERY = timedelta(minutes=1)


@dataclass
class _StoreChoice:
    """The process's session store: Redis when set, else PostgreSQL alone."""

    redis: RedisSessionStore | None = None
    idle_seconds: int = 30 * 60


# One per process, chosen from the settings when the web app is installed.
_choice = _StoreChoice()


def use_redis(store: RedisSessionStore | None, idle_minutes: int = 30) -> None:
    """Keep new sessions in `store` (None: in PostgreSQL) for `idle_minutes` of idleness."""
    _choice.redis = store
    _choice.idle_seconds = idle_minutes * 60


def configure(settings: Settings) -> None:
    """Redis when `REDIS_URL` is set and the store is not pinned to PostgreSQL."""
    if settings.redis_url is not None and settings.web_session_store == "auto":
        store = RedisSessionStore(settings.redis_url.get_secret_value())
        use_redis(store, settings.web_session_idle_minutes)
    else:
        use_redis(None)


def _redis() -> tuple[RedisSessionStore, int] | None:
    return (_choice.redis, _choice.idle_seconds) if _choice.redis is not None else None


def password_digest(user: User) -> str:
    """What a session remembers of the password: a change of password ends the session."""
    return digest(user.password_hash or "")


async def start(
    session: AsyncSession, user: User, tenant_id: uuid.UUID | None
) -> tuple[str, WebSession]:
    """A new session for `user` (always a new id: a planted cookie is never promoted)."""
    session_id = new_secret(nbytes=32)
    id_digest = digest(session_id)
    now = datetime.now(UTC)
    web_session = WebSession(
        id_digest=id_digest,
        user_id=user.id,
        tenant_id=tenant_id,
        csrf_token=new_secret(nbytes=32),
        password_digest=password_digest(user),
        created_at=now,
        last_seen_at=now,
    )
    redis = _redis()
    if redis is not None:
        with suppress(SessionStoreUnavailable):
            await redis[0].save(web_session, redis[1])
            return session_id, web_session
    await allow_credential_lookup(session, id_digest)
    await WebSessionRepository(session).add(web_session)
    return session_id, web_session


async def end(session: AsyncSession, session_id: str | None) -> None:
    """Delete the session whose cookie is `session_id`, if there is one."""
    if not session_id:
        return
    id_digest = digest(session_id)
    redis = _redis()
    if redis is not None:
        await redis[0].delete(id_digest)
    await allow_credential_lookup(session, id_digest)
    await WebSessionRepository(session).delete(id_digest)


async def find(
    session: AsyncSession, session_id: str | None, settings: Settings
) -> tuple[WebSession, User] | None:
    """The live session and its user for a cookie; expired or stale sessions are deleted."""
    if not session_id:
        return None
    id_digest = digest(session_id)
    redis = _redis()
    web_session: WebSession | None = None
    if redis is not None:
        try:
            web_session = await redis[0].load(id_digest)
        except SessionStoreUnavailable:
            redis = None
    in_redis = web_session is not None
    if web_session is None:
        await allow_credential_lookup(session, id_digest)
        web_session = await WebSessionRepository(session).by_digest(id_digest)
    if web_session is None:
        return None
    now = datetime.now(UTC)
    expired = now - web_session.last_seen_at > timedelta(
        minutes=settings.web_session_idle_minutes
    ) or now - web_session.created_at > timedelta(hours=settings.web_session_max_hours)
    user = None if expired else await identity.account(session, web_session.user_id)
    if user is None or web_session.password_digest != password_digest(user):
        if in_redis and redis is not None:
            await redis[0].delete(id_digest)
        else:
            await WebSessionRepository(session).remove(web_session)
        return None
    if now - web_session.last_seen_at > TOUCH_EVERY:
        web_session.last_seen_at = now
        if in_redis and redis is not None:
            with suppress(SessionStoreUnavailable):
                await redis[0].save(web_session, redis[1])
    return web_session, user
