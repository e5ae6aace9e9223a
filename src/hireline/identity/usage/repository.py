"""The queries of usage counts."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from hireline.core.repositories import Repository
from hireline.identity.models import UsageCount

# Keeps each statement well under PostgreSQL's 65 535 bind parameters (5 per row).
ROWS_PER_STATEMENT = 1000
UsageKey = tuple[uuid.UUID, date, str, str]


class UsageRepository(Repository):
    """Request counts per (tenant, day, principal)."""

    async def add_counts(self, rows: list[tuple[UsageKey, int]]) -> None:
        """Add `rows` to the stored counts, creating the ones not there yet."""
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            values = [
                {
                    "tenant_id": tenant_id,
                    "day": day,
                    "principal_type": principal_type,
                    "principal_id": principal_id,
                    "requests": requests,
                }
                for (tenant_id, day, principal_type, principal_id), requests in rows[
                    start : start + ROWS_PER_STATEMENT
                ]
            ]
            statement = insert(UsageCount).values(values)
            await self.session.execute(
                statement.on_conflict_do_update(
                    index_elements=[
                        UsageCount.tenant_id,
                        UsageCount.day,
                        UsageCount.principal_type,
                        UsageCount.principal_id,
                    ],
                    set_={"requests": UsageCount.requests + statement.excluded.requests},
                )
            )

    async def counts_since(self, since: date) -> list[tuple[date, str, str, int]]:
        """The session's tenant's counts from `since` on, by day then principal."""
        rows = await self.session.execute(
            select(
                UsageCount.day,
                UsageCount.principal_type,
                UsageCount.principal_id,
                UsageCount.requests,
            )
            .where(UsageCount.tenant_id == self.tenant_id, UsageCount.day >= since)
            .order_by(UsageCount.day, UsageCount.principal_type, UsageCount.principal_id)
        )
        return [(row[0], row[1], row[2], row[3]) for row in rows]
