"""The live stream's rules: who is listening, where a connection starts, what it is sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.commit_order import Position
from hireline.core.errors import NotFound
from hireline.core.principal import Principal
from hireline.jobs import service as jobs
from hireline.stream.repository import StreamRepository
from hireline.stream.visibility import Audience


@dataclass(frozen=True, slots=True)
class StreamedEvent:
    """A committed event, where it sits in commit order, and its message."""

    position: Position
    type: str
    payload: dict[str, Any]
    message: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Batch:
    events: list[StreamedEvent]
    # Committed events wait behind an older running transaction: ask again shortly.
    held_back: bool
    # The batch was cut at its limit: ask again at once.
    full: bool


async def audience_for(session: AsyncSession, principal: Principal) -> Audience:
    """The principal as the stream filters for it (its teams' jobs, when team-scoped)."""
    return Audience(principal, await jobs.visible_job_ids(session, principal))


async def starting_point(session: AsyncSession, after_event: int | None) -> Position:
    """Just after the event a reconnecting client saw last, else the present."""
    repository = StreamRepository(session)
    if after_event is None:
        return await repository.now()
    position = await repository.position_of(after_event)
    if position is None:
        raise NotFound("No event with this id to resume after; reconnect without `after`.")
    return position


async def batch(session: AsyncSession, position: Position, limit: int) -> Batch:
    """The tenant's final events past `position`, oldest first."""
    repository = StreamRepository(session)
    rows = await repository.events_after(position, limit)
    events = [
        StreamedEvent(
            position=Position(row.xid or 0, row.id),
            type=row.type,
            payload=row.payload,
            message={
                "id": row.id,
                "type": row.type,
                "occurred_at": row.occurred_at.isoformat(),
                "data": row.payload,
            },
        )
        for row in rows
    ]
    last = events[-1].position if events else position
    full = len(events) >= limit
    return Batch(events, held_back=not full and await repository.any_held_back(last), full=full)
