"""The tenant a transaction works for, as PostgreSQL row-level security sees it.

Policies read per-transaction settings (`set_config(..., is_local => true)`), so a pooled
connection never carries one request's tenant into the next.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

TENANT_SETTING = "app.tenant_id"
USER_SETTING = "app.user_id"
# Lets a credential (API key, refresh token, client id, invitation) be found by its digest
# before the tenant is known; the policy shows only the row with that exact digest.
CREDENTIAL_SETTING = "app.credential_lookup"
# Where the session remembers the tenant it entered, for repositories (`core/repositories.py`).
_TENANT_INFO = "hireline_tenant_id"


class NoTenantError(RuntimeError):
    """A tenant-scoped query ran before `enter_tenant`: a programming error, never user input."""


async def _set_local(session: AsyncSession, name: str, value: str) -> None:
    await session.execute(select(func.set_config(name, value, True)))


async def enter_tenant(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    """Scope the rest of the session's transaction to `tenant_id`."""
    await _set_local(session, TENANT_SETTING, str(tenant_id))
    session.info[_TENANT_INFO] = tenant_id


def current_tenant(session: AsyncSession) -> uuid.UUID:
    """The tenant `enter_tenant` scoped this session to."""
    tenant_id: uuid.UUID | None = session.info.get(_TENANT_INFO)
    if tenant_id is None:
        raise NoTenantError("enter_tenant() must run before a tenant-scoped query")
    return tenant_id


async def enter_user(session: AsyncSession, user_id: uuid.UUID) -> None:
    """Let the transaction see the memberships of `user_id` in every tenant (sign-in)."""
    await _set_local(session, USER_SETTING, str(user_id))


async def allow_credential_lookup(session: AsyncSession, digest: str) -> None:
    """Let the transaction find the one credential row whose lookup digest is `digest`."""
    await _set_local(session, CREDENTIAL_SETTING, digest)
