"""The queries of the import records, each starting from the session's tenant."""

from __future__ import annotations

import uuid

from hireline.core.repositories import Repository
from hireline.imports.models import ImportRecord, ImportRun


class ImportRecordRepository(Repository):
    """The session's tenant's import records."""

    async def known(self, source_system: str) -> dict[tuple[str, str], uuid.UUID]:
        """Every record already imported from `source_system`: (kind, external id) to the
        Hireline id; one query, read once per import."""
        rows = await self.session.execute(
            self.owned(ImportRecord).where(ImportRecord.source_system == source_system)
        )
        return {(row.kind, row.external_id): row.hireline_id for row in rows.scalars()}

    async def add(
        self, source_system: str, kind: str, external_id: str, hireline_id: uuid.UUID
    ) -> None:
        self.session.add(
            ImportRecord(
                tenant_id=self.tenant_id,
                source_system=source_system,
                kind=kind,
                external_id=external_id,
                hireline_id=hireline_id,
            )
        )


class ImportRunRepository(Repository):
    """The session's tenant's imports queued through the API."""

    async def add(self, run: ImportRun) -> ImportRun:
        self.session.add(run)
        await self.session.flush()
        return run

    async def get(self, run_id: uuid.UUID, *, for_update: bool = False) -> ImportRun | None:
        query = self.owned(ImportRun).where(ImportRun.id == run_id)
        if for_update:
            query = query.with_for_update()
        return (await self.session.execute(query)).scalar_one_or_none()

    async def newest(self, *, before: uuid.UUID | None, limit: int) -> list[ImportRun]:
        """Imports newest first (ids are UUIDv7), after the cursor's `before`."""
        query = self.owned(ImportRun)
        if before is not None:
            query = query.where(ImportRun.id < before)
        rows = await self.session.execute(query.order_by(ImportRun.id.desc()).limit(limit))
        return list(rows.scalars())
