"""The board's queries: careers-page branding, and which jobs are kept out of the
aggregator feed."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert

from hireline.board.models import CareersBranding, SyndicationOptOut
from hireline.core.repositories import Repository


class BrandingRepository(Repository):
    """The session's organisation's careers-page branding."""

    async def get(self) -> CareersBranding | None:
        return await self.session.get(CareersBranding, self.tenant_id)

    async def logo(self) -> tuple[bytes, str, str] | None:
        """The logo's bytes, media type and digest."""
        found = (
            await self.session.execute(
                select(
                    CareersBranding.logo, CareersBranding.logo_type, CareersBranding.logo_digest
                ).where(CareersBranding.tenant_id == self.tenant_id)
            )
        ).one_or_none()
        if found is None or found.logo is None or found.logo_type is None:
            return None
        # Logos stored before digests were kept get theirs from their bytes.
        digest = found.logo_digest or hashlib.sha256(found.logo).hexdigest()
        return found.logo, found.logo_type, digest


class SyndicationRepository(Repository):
    async def opted_out(self) -> set[uuid.UUID]:
        """The session's tenant's jobs kept out of the feed."""
        rows = await self.session.scalars(
            select(SyndicationOptOut.job_id).where(SyndicationOptOut.tenant_id == self.tenant_id)
        )
        return set(rows)

    async def is_opted_out(self, job_id: uuid.UUID) -> bool:
        found = await self.session.get(SyndicationOptOut, (self.tenant_id, job_id))
        return found is not None

    async def opt_out(self, job_id: uuid.UUID) -> None:
        await self.session.execute(
            insert(SyndicationOptOut)
            .values(tenant_id=self.tenant_id, job_id=job_id)
            .on_conflict_do_nothing()
        )

    async def opt_in(self, job_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(SyndicationOptOut).where(
                SyndicationOptOut.tenant_id == self.tenant_id, SyndicationOptOut.job_id == job_id
            )
        )
