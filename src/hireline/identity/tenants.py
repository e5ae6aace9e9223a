"""Looking up organisations: by id, and by their public slug."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import NotFound
from hireline.core.tenancy import enter_tenant
from hireline.identity.models import Tenant


async def enter_by_slug(session: AsyncSession, slug: str) -> Tenant:
    """The tenant with this slug, with the transaction scoped to it; NotFound otherwise."""
    tenant = (await session.execute(select(Tenant).where(Tenant.slug == slug))).scalar_one_or_none()
    if tenant is None:
        raise NotFound(f"No careers site is called {slug!r}.")
    await enter_tenant(session, tenant.id)
    return tenant


async def get(session: AsyncSession, tenant_id: uuid.UUID) -> Tenant:
    """The organisation with this id; NotFound otherwise."""
    tenant = await session.get(Tenant, tenant_id)
    if tenant is None:
        raise NotFound("No organisation with this id.")
    return tenant


async def all_ids(session: AsyncSession) -> list[uuid.UUID]:
    """Every organisation's id (periodic jobs that visit each tenant in turn)."""
    return list((await session.execute(select(Tenant.id).order_by(Tenant.id))).scalars())
