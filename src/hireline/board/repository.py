"""The board's queries: which jobs are kept out of the aggregator feed."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert

from hireline.board.models import SyndicationOptOut
from hireline.core.repositories import Repository


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
