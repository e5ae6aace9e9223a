"""Identity's door for the web app and the other rooms.

Identity is split into sub-packages (auth, members, organization, ...) whose inner modules are
its own; what a caller needs of them that no sub-package's `service.py` offers is exported
here, so callers never reach past a door.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.tenancy import enter_user
from hireline.identity import password_reset
from hireline.identity.auth.authentication import role_of as role_of
from hireline.identity.auth.repository import AuthRepository
from hireline.identity.auth.signup import signup as signup
from hireline.identity.auth.tokens import TokenIssuer as TokenIssuer
from hireline.identity.models import PasswordResetToken
from hireline.identity.models import Tenant as Tenant
from hireline.identity.models import User as User
from hireline.identity.organization.plans import limit_for as limit_for


async def account(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    """The account with this id, read as that user (`enter_user`), or None when it is gone."""
    await enter_user(session, user_id)
    return await AuthRepository(session).user(user_id)


async def user_for_reset(session: AsyncSession, email: str) -> User | None:
    """The account a password reset is asked for, if there is one."""
    return await password_reset.user_for_reset(session, email)


async def check_reset_link(session: AsyncSession, token: str) -> PasswordResetToken:
    """The reset link's unused, unexpired token; NotFound or Conflict saying why not."""
    return await password_reset.check(session, token)


async def complete_reset(
    session: AsyncSession, token: str, password: str, *, ip: str | None
) -> User:
    """Set a new password with a reset link, spending it and ending other sign-ins."""
    return await password_reset.complete(session, token, password, ip=ip)
