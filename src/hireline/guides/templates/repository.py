"""The queries of a tenant's own role templates and their versions."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from hireline.core.repositories import Repository
from hireline.guides.templates.models import TenantTemplate, TenantTemplateVersion


class TemplateRepository(Repository):
    """The session's tenant's templates and versions."""

    async def template(self, key: str) -> TenantTemplate | None:
        """The tenant's template `key`."""
        query = self.owned(TenantTemplate).where(TenantTemplate.key == key)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def current_versions(self) -> list[tuple[TenantTemplate, TenantTemplateVersion]]:
        """Every template of the tenant with its current version."""
        rows = await self.session.execute(
            self.owned(TenantTemplate)
            .add_columns(TenantTemplateVersion)
            .join(
                TenantTemplateVersion,
                (TenantTemplateVersion.tenant_id == TenantTemplate.tenant_id)
                & (TenantTemplateVersion.key == TenantTemplate.key)
                & (TenantTemplateVersion.version == TenantTemplate.current_version),
            )
        )
        return [(template, version) for template, version in rows]

    async def version(self, key: str, version: int) -> TenantTemplateVersion | None:
        """One version of the tenant's template `key`."""
        return await self.session.get(TenantTemplateVersion, (self.tenant_id, key, version))

    async def versions(self, key: str) -> list[TenantTemplateVersion]:
        """Every version of the tenant's template `key`, newest first."""
        rows = await self.session.execute(
            self.owned(TenantTemplateVersion)
            .where(TenantTemplateVersion.key == key)
            .order_by(TenantTemplateVersion.version.desc())
        )
        return list(rows.scalars())

    async def add(self, row: TenantTemplate | TenantTemplateVersion) -> None:
        """Store a new template or version."""
        self.session.add(row)
        await self.session.flush()

    async def advance(self, key: str, from_version: int, to_version: int) -> bool:
        """Move the template's current version on, only if it is still `from_version`.

        Guarded on the version the caller read, so of two concurrent edits one wins.
        """
        moved = await self.session.execute(
            update(TenantTemplate)
            .where(
                TenantTemplate.tenant_id == self.tenant_id,
                TenantTemplate.key == key,
                TenantTemplate.current_version == from_version,
            )
            .values(current_version=to_version, updated_at=datetime.now(UTC))
            .returning(TenantTemplate.key)
        )
        return moved.scalar_one_or_none() is not None
