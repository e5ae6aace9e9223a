"""Forgotten passwords: a single-use link by e-mail, good for 30 minutes.

The link's token is made by the job that sends the e-mail, so it never rests in the queue's
table; the database keeps only its digest. Setting a new password spends every link of the
user and ends every other sign-in of the account (`auth.passwords.replace_password`).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict, NotFound
from hireline.core.security import digest, new_secret
from hireline.core.tenancy import allow_credential_lookup, enter_user
from hireline.identity.auth.passwords import replace_password
from hireline.identity.auth.repository import AuthRepository
from hireline.identity.models import PasswordResetToken, User

RESET_TTL = timedelta(minutes=30)
RESET_PREFIX = "hlp_"
UNKNOWN_LINK = "This link is not valid; ask for a new one."


async def user_for_reset(session: AsyncSession, email: str) -> User | None:
    """The account with this e-mail address, if there is one (the caller says nothing of it)."""
    return await AuthRepository(session).user_by_email(email.strip().lower())


async def issue(session: AsyncSession, user_id: uuid.UUID) -> str | None:
    """A new reset token for the user (None when the account is gone)."""
    await enter_user(session, user_id)
    repository = AuthRepository(session)
    if await repository.user(user_id) is None:
        return None
    token = new_secret(RESET_PREFIX)
    token_digest = digest(token)
    await allow_credential_lookup(session, token_digest)
    await repository.add(
        PasswordResetToken(
            token_digest=token_digest,
            user_id=user_id,
            expires_at=datetime.now(UTC) + RESET_TTL,
        )
    )
    return token


async def check(session: AsyncSession, token: str) -> PasswordResetToken:
    """The unused, unexpired token; NotFound or Conflict saying why not."""
    token_digest = digest(token)
    await allow_credential_lookup(session, token_digest)
    found = await AuthRepository(session).reset_token(token_digest)
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
    repository = AuthRepository(session)
    claimed = await repository.claim_reset_token(found.token_digest, now)
    if claimed is None:
        raise Conflict("This link was already used; ask for a new one if you need to.")
    await enter_user(session, claimed)
    user = await repository.user(claimed)
    if user is None:
        raise NotFound(UNKNOWN_LINK)
    await replace_password(session, user, password, now=now, ip=ip, action="auth.password_reset")
    return user
