"""The queries of the audit log, each starting from the session's tenant."""

from __future__ import annotations

from hireline.core.repositories import Repository
from hireline.identity.models import AuditEntry


class AuditRepository(Repository):
    """The session's tenant's audit entries."""

    async def add(self, entry: AuditEntry) -> None:
        """Append an entry."""
        self.session.add(entry)
        await self.session.flush()

    async def newest(
        self, *, before_id: int | None, limit: int, action: str | None
    ) -> list[AuditEntry]:
        """Entries newest first, older than `before_id` and of `action` when given."""
        query = self.owned(AuditEntry)
        if before_id is not None:
            query = query.where(AuditEntry.id < before_id)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        rows = await self.session.execute(query.order_by(AuditEntry.id.desc()).limit(limit))
        return list(rows.scalars())
