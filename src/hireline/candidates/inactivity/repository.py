"""The only place candidates' last activity is queried."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, func, select

from hireline.candidates.models import Activity, Application, Candidate
from hireline.core.repositories import Repository


class InactivityRepository(Repository):
    def _last_activity(self) -> Select[Any]:
        """Per candidate still held: the latest of their creation, their applications'
        changes and their activity, and whether every application ended in `statuses`."""
        activity = (
            select(func.max(Activity.occurred_at))
            .where(Activity.tenant_id == Candidate.tenant_id, Activity.candidate_id == Candidate.id)
            .scalar_subquery()
        )
        last = func.greatest(
            Candidate.created_at,
            Candidate.updated_at,
            func.max(Application.updated_at),
            func.max(Application.applied_at),
            activity,
        )
        return (
            select(Candidate.id, Candidate.name, last.label("last_activity"))
            .join(
                Application,
                and_(
                    Application.tenant_id == Candidate.tenant_id,
                    Application.candidate_id == Candidate.id,
                ),
            )
            .where(Candidate.tenant_id == self.tenant_id, Candidate.erased_at.is_(None))
            .group_by(Candidate.tenant_id, Candidate.id)
        )

    async def ended(
        self, statuses: Collection[str], inactive_before: datetime
    ) -> list[tuple[uuid.UUID, str | None, datetime]]:
        """Candidates all of whose applications ended in `statuses`, quiet since before
        `inactive_before`: (id, name, last activity)."""
        statement = self._last_activity().having(
            func.bool_and(Application.status.in_(list(statuses)))
        )
        quiet = statement.subquery()
        rows = await self.session.execute(
            select(quiet).where(quiet.c.last_activity < inactive_before)
        )
        return [(row.id, row.name, row.last_activity) for row in rows]

    async def last_activity(
        self, candidate_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, datetime]:
        """The last activity of each of these candidates still held (the erased are absent)."""
        if not candidate_ids:
            return {}
        rows = await self.session.execute(
            self._last_activity().where(Candidate.id.in_(list(candidate_ids)))
        )
        return {row.id: row.last_activity for row in rows}
