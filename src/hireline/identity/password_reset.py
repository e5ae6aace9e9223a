"""Forgotten passwords: a single-use link by e-mail, good for 30 minutes.

The link's token is made by the job that sends the e-mail, so it never rests in the queue's
table; the database keeps only its digest. Setting a new password spends every link of the
user, ends their browser sessions (each remembers a digest of the old password hash) and
revokes their refresh tokens in every organisation.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict, NotFound
from hireline.core.security import digest, hash_password, new_secret
from hireline.core.tenancy import allow_credential_lookup, enter_tenant, enter_user
from hireline.identity.audit import service as audit
from hireline.identity.auth.passwords import check_password
from hireline.identity.models import Membership, PasswordResetToken, RefreshToken, User

RESET_TTL = timedelta(minutes=30)
RESET_PREFIX = "hlp_"
UNKNOWN_LINK = "This link is not valid; ask for a new one."


async def user_for_reset(session: AsyncSession, email: str) -> User | None:
    """The account with this e-mail address, if there is one (the caller says nothing of it)."""
    return (
        await session.execute(select(User).where(User.email == email.strip().lower()))
    ).scalar_one_or_none()


async def issue(session: AsyncSession, user_id: uuid.UUID) -> str | None:
    """A new reset token for the user (None when the account is gone)."""
    await enter_user(session, user_id)
    if await session.get(User, user_id) is None:
        return None
    token = new_secret(RESET_PREFIX)
    token_digest = digest(token)
    await allow_credential_lookup(session, token_digest)
    session.add(
        PasswordResetToken(
            token_digest=token_digest,
            user_id=user_id,
            expires_at=datetime.now(UTC) + RESET_TTL,
        )
    )
    await session.flush()
    return token


async def check(session: AsyncSession, token: str) -> PasswordResetToken:
    """The unused, unexpired token; NotFound or Conflict saying why not."""
    token_digest = digest(token)
    await allow_credential_lookup(session, token_digest)
    found = await session.get(PasswordResetToken, token_digest)
    if found is None:
        raise NotFound(UNKNOWN_LINK)
    if found.used_at is not None:
        raise Conflict("This link was already used; ask for a new one if you need to.")
    if found.expires_at <= datetime.now(UTC):
        raise Conflict("This link has expired (links last 30 minutes); ask for a new one.")
    return found


async def complete(session: AsyncSession, token: str, password: str, *, ip: str | None) -> User:
    """Set the user's new password with the token, spending it and ending other sign-ins."""
    found = await check(session, token)
    now = datetime.now(UTC)
    # Claimed with a conditional UPDATE: of two concurrent uses exactly one succeeds.
    claimed = (
        await session.execute(
            update(PasswordResetToken)
            .where(
                PasswordResetToken.token_digest == found.token_digest,
                PasswordResetToken.used_at.is_(None),
                PasswordResetToken.expires_at > now,
            )
            .values(used_at=now)
            .returning(PasswordResetToken.user_id)
            .execution_options(synchronize_session=False)
        )
    ).scalar_one_or_none()
    if claimed is None:
        raise Conflict("This link was already used; ask for a new one if you need to.")
    await enter_user(session, claimed)
    user = await session.get(User, claimed)
    if user is None:
        raise NotFound(UNKNOWN_LINK)
    check_password(password, email=user.email)
    user.password_hash = hash_password(password)
    await session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.user_id == user.id, PasswordResetToken.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    await session.flush()
    await _revoke_refresh_tokens(session, user.id, now, ip)
    return user


async def _revoke_refresh_tokens(
    session: AsyncSession, user_id: uuid.UUID, now: datetime, ip: str | None
) -> None:
    tenant_ids = (
        await session.execute(select(Membership.tenant_id).where(Membership.user_id == user_id))
    ).scalars()
    for tenant_id in list(tenant_ids):
        await enter_tenant(session, tenant_id)
        revoked = await session.execute(
            update(RefreshToken)
            .where(
                RefreshToken.tenant_id == tenant_id,
                RefreshToken.user_id == user_id,
                RefreshToken.revoked_at.is_(None),
            )
            .values(revoked_at=now)
            .returning(RefreshToken.id)
        )
        await audit.record(
            session,
            tenant_id=tenant_id,
            action="auth.password_reset",
            actor_type="user",
            actor_id=str(user_id),
            ip=ip,
            details={"refresh_tokens_revoked": len(revoked.all())},
        )
