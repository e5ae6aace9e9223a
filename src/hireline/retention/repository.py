"""The only place retention policies, notices and consents are queried."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select

from hireline.core.repositories import Repository
from hireline.retention.models import RetentionConsent, RetentionNotice, RetentionPolicy


class RetentionRepository(Repository):
    async def policies(self) -> list[RetentionPolicy]:
        rows = await self.session.execute(
            self.owned(RetentionPolicy).order_by(RetentionPolicy.scope)
        )
        return list(rows.scalars())

    async def add(self, row: RetentionPolicy | RetentionNotice | RetentionConsent) -> None:
        self.session.add(row)
        await self.session.flush()

    async def remove(self, row: RetentionPolicy | RetentionNotice | RetentionConsent) -> None:
        await self.session.delete(row)
        await self.session.flush()

    async def notices(self) -> list[RetentionNotice]:
        rows = await self.session.execute(
            self.owned(RetentionNotice).order_by(RetentionNotice.erase_after)
        )
        return list(rows.scalars())

    async def consent(self, candidate_id: uuid.UUID) -> RetentionConsent | None:
        return await self.session.get(RetentionConsent, (self.tenant_id, candidate_id))

    async def consented(self) -> set[uuid.UUID]:
        rows = await self.session.execute(
            select(RetentionConsent.candidate_id).where(
                RetentionConsent.tenant_id == self.tenant_id
            )
        )
        return set(rows.scalars())

    async def withdraw_notice_of(self, candidate_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(RetentionNotice).where(
                RetentionNotice.tenant_id == self.tenant_id,
                RetentionNotice.candidate_id == candidate_id,
            )
        )
