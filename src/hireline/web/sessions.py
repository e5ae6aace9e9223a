"""Server-side browser sessions: create on sign-in, find by cookie, expire, end.

The cookie holds a random 256-bit id; the table keeps its SHA-256 digest, and row-level
security shows a row only to a transaction that presents that digest (ADR 0014).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.security import digest, new_secret
from hireline.core.tenancy import allow_credential_lookup, enter_user
from hireline.identity.models import User
from hireline.settings import Settings
from hireline.web.models import WebSession

# Writing `last_seen_at` on every click would turn each page view into a write; a minute's
# precision is plenty for an idle limit counted in tens of minutes.
TOUCH_EVERY = timedelta(minutes=1)


def password_digest(user: User) -> str:
    """What a session remembers of the password: a change of password ends the session."""
    return digest(user.password_hash or "")


async def start(
    session: AsyncSession, user: User, tenant_id: uuid.UUID | None
) -> tuple[str, WebSession]:
    """A new session for `user` (always a new id: a planted cookie is never promoted)."""
    session_id = new_secret(nbytes=32)
    id_digest = digest(session_id)
    await allow_credential_lookup(session, id_digest)
    web_session = WebSession(
        id_digest=id_digest,
        user_id=user.id,
        tenant_id=tenant_id,
        csrf_token=new_secret(nbytes=32),
        password_digest=password_digest(user),
    )
    session.add(web_session)
    await session.flush()
    return session_id, web_session


async def end(session: AsyncSession, session_id: str | None) -> None:
    """Delete the session whose cookie is `session_id`, if there is one."""
    if not session_id:
        return
    id_digest = digest(session_id)
    await allow_credential_lookup(session, id_digest)
    await session.execute(delete(WebSession).where(WebSession.id_digest == id_digest))


async def find(
    session: AsyncSession, session_id: str | None, settings: Settings
) -> tuple[WebSession, User] | None:
    """The live session and its user for a cookie; expired or stale sessions are deleted."""
    if not session_id:
        return None
    id_digest = digest(session_id)
    await allow_credential_lookup(session, id_digest)
    web_session = await session.get(WebSession, id_digest)
    if web_session is None:
        return None
    now = datetime.now(UTC)
    expired = now - web_session.last_seen_at > timedelta(
        minutes=settings.web_session_idle_minutes
    ) or now - web_session.created_at > timedelta(hours=settings.web_session_max_hours)
    user = None if expired else await _user(session, web_session.user_id)
    if user is None or web_session.password_digest != password_digest(user):
        await session.delete(web_session)
        await session.flush()
        return None
    if now - web_session.last_seen_at > TOUCH_EVERY:
        web_session.last_seen_at = now
    return web_session, user


async def _user(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    await enter_user(session, user_id)
    return await session.get(User, user_id)
