"""Organisations: finding them (by id, by public slug) and their own settings.

Today the only setting is the default country: the country where phone numbers written
without a country code are read when nothing closer says (the candidate's location, the
job's country). Unset, it becomes the country of the organisation's first job; with no job yet
it is `US`.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import NotFound
from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.identity.audit import service as audit
from hireline.identity.models import Tenant
from hireline.identity.organization.repository import OrganizationRepository

FALLBACK_COUNTRY = "US"


async def enter_by_slug(session: AsyncSession, slug: str) -> Tenant:
    """The tenant with this slug, with the transaction scoped to it; NotFound otherwise."""
    tenant = await OrganizationRepository(session).by_slug(slug)
    if tenant is None:
        raise NotFound(f"No careers site is called {slug!r}.")
    await enter_tenant(session, tenant.id)
    return tenant


async def get(session: AsyncSession, tenant_id: uuid.UUID) -> Tenant:
    """The organisation with this id; NotFound otherwise."""
    tenant = await OrganizationRepository(session).by_id(tenant_id)
    if tenant is None:
        raise NotFound("No organisation with this id.")
    return tenant


async def default_country(session: AsyncSession, tenant_id: uuid.UUID) -> str:
    """The organisation's default country (ISO 3166 alpha-2)."""
    tenant = await get(session, tenant_id)
    return tenant.default_country or FALLBACK_COUNTRY


async def adopt_first_job_country(
    session: AsyncSession, tenant_id: uuid.UUID, country: str | None
) -> None:
    """Make `country` (that of a new job) the default, unless the organisation has one."""
    if country is None:
        return
    await OrganizationRepository(session).default_country_unless_set(country)


async def set_default_country(session: AsyncSession, principal: Principal, country: str) -> str:
    """Change the default country; returns it."""
    tenant = await get(session, principal.tenant_id)
    previous = tenant.default_country
    tenant.default_country = country
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        action="organization.settings_updated",
        actor=principal,
        target_type="tenant",
        target_id=principal.tenant_id,
        details={"default_country": {"from": previous, "to": country}},
    )
    return country


async def all_ids(session: AsyncSession) -> list[uuid.UUID]:
    """Every organisation's id (periodic jobs that visit each tenant in turn)."""
    return await OrganizationRepository(session).all_tenant_ids()


# Reads for matching


async def ids_and_slugs(
    session: AsyncSession, slug: str | None = None
) -> list[tuple[uuid.UUID, str]]:
    """Every organisation's (id, slug) in slug order, or only the one with `slug` (none, if
    no organisation has it). Needs no tenant: the semantic back-fill CLI runs for all."""
    return await OrganizationRepository(session).ids_and_slugs(slug)


async def any_exists(session: AsyncSession) -> bool:
    """Whether the database holds any organisation at all (a fresh install holds none)."""
    return await OrganizationRepository(session).any_exists()


async def slug_taken(session: AsyncSession, slug: str) -> bool:
    """Whether an organisation already goes by this slug."""
    return await OrganizationRepository(session).slug_taken(slug)
