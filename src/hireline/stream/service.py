"""The live stream's rules: who is listening, where a connection starts, what it is sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.commit_order import Position
from hireline.core.events import DomainEvent
from hireline.core.principal import Principal
from hireline.core.signing_key import signing_key
from hireline.jobs import service as jobs
from hireline.settings import Settings
from hireline.stream import tickets
from hireline.stream.repository import StreamRepository
from hireline.stream.schemas import TicketRead
from hireline.stream.visibility import Audience

STREAM_PATH = "/v1/events/stream"


@dataclass(frozen=True, slots=True)
class StreamedEvent:
    """A committed event, where it sits in commit order, and its message."""

    position: Position
    type: str
    payload: dict[str, Any]
    message: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Batch:
    # Final events past the position asked for, in commit order: nothing can commit
    # before them any more.
    final: list[StreamedEvent]
    # Committed events whose place is not final (an older transaction still runs): sent at
    # once, and again among `final` later (connections remember what they were sent).
    early: list[StreamedEvent]
    # `final` was cut at its limit: ask again at once.
    full: bool


async def ticket_for(session: AsyncSession, principal: Principal, settings: Settings) -> TicketRead:
    """A ticket that opens the stream for `principal` (the API's and the web app's), from
    the present: what commits after this call is sent, however late the client connects."""
    start = await StreamRepository(session).now()
    return TicketRead(
        ticket=tickets.issue(principal, start, key=signing_key(settings)),
        expires_in=int(tickets.TTL.total_seconds()),
        url=STREAM_PATH,
    )


async def after_event(session: AsyncSession, event_id: int) -> Position | None:
    """Where a client resuming after the event `event_id` starts (None: no such event)."""
    return await StreamRepository(session).after_event(event_id)


async def audience_for(session: AsyncSession, principal: Principal) -> Audience:
    """The principal as the stream filters for it (its teams' jobs, when team-scoped)."""
    return Audience(principal, await jobs.visible_job_ids(session, principal))


async def batch(session: AsyncSession, position: Position, limit: int) -> Batch:
    """The tenant's committed events past `position`: the final ones, then the others."""
    repository = StreamRepository(session)
    final = [_streamed(row) for row in await repository.events_after(position, limit)]
    full = len(final) >= limit
    early = [] if full else [_streamed(row) for row in await repository.held_back(position, limit)]
    return Batch(final=final, early=early, full=full)


def _streamed(row: DomainEvent) -> StreamedEvent:
    return StreamedEvent(
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
