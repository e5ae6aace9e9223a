"""The queries of organisations (the `tenants` table, which row-level security leaves open)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select, update

from hireline.core.repositories import Repository
from hireline.identity.models import Tenant


class OrganizationRepository(Repository):
    """Organisations by id or slug; settings of the session's organisation."""

    async def by_slug(self, slug: str) -> Tenant | None:
        query = select(Tenant).where(Tenant.slug == slug)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def by_id(self, tenant_id: uuid.UUID) -> Tenant | None:
        return await self.session.get(Tenant, tenant_id)

    async def slug_taken(self, slug: str) -> bool:
        query = select(Tenant.id).where(Tenant.slug == slug)
        return (await self.session.execute(query)).scalar_one_or_none() is not None

    async def add(self, tenant: Tenant) -> None:
        """Store a new organisation; its id is known on return."""
        self.session.add(tenant)
        await self.session.flush()

    async def default_country_unless_set(self, country: str) -> None:
        """Set the session's organisation's default country if it has none yet."""
        await self.session.execute(
            update(Tenant)
            .where(Tenant.id == self.tenant_id, Tenant.default_country.is_(None))
            .values(default_country=country)
        )

    async def all_tenant_ids(self) -> list[uuid.UUID]:
        """Every organisation's id, in a stable order."""
        rows = await self.session.execute(select(Tenant.id).order_by(Tenant.id))
        return list(rows.scalars())

    # Reads for matching

    async def ids_and_slugs(self, slug: str | None) -> list[tuple[uuid.UUID, str]]:
        """Every organisation's (id, slug) by slug, or only the one with `slug`."""
        scope = select(Tenant.id, Tenant.slug).order_by(Tenant.slug)
        if slug is not None:
            scope = scope.where(Tenant.slug == slug)
        return [(row[0], row[1]) for row in (await self.session.execute(scope)).all()]

    async def any_exists(self) -> bool:
        """Whether the database holds any organisation at all."""
        return bool((await self.session.execute(select(func.count()).select_from(Tenant))).scalar())
