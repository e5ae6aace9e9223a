"""Which candidates have gone quiet, and since when: read by the retention policies."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.inactivity.repository import InactivityRepository


@dataclass(frozen=True)
class QuietCandidate:
    """A candidate no one has touched since `last_activity`."""

    candidate_id: uuid.UUID
    name: str | None
    last_activity: datetime


async def quiet_since(
    session: AsyncSession, statuses: Collection[str], inactive_before: datetime
) -> list[QuietCandidate]:
    """Candidates still held whose applications all ended in `statuses` and whose last
    activity (their record, an application, a note or move) is older than `inactive_before`."""
    rows = await InactivityRepository(session).ended(statuses, inactive_before)
    return [QuietCandidate(candidate_id=i, name=n, last_activity=at) for i, n, at in rows]


async def last_activity(
    session: AsyncSession, candidate_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, datetime]:
    """When each of these candidates was last active; an erased one is left out."""
    return await InactivityRepository(session).last_activity(candidate_ids)
