"""Queries of the live stream over the tenant's domain events (`core.events`' table)."""

from __future__ import annotations

from sqlalchemy import func, select

from hireline.core import commit_order
from hireline.core.commit_order import Position
from hireline.core.events import DomainEvent
from hireline.core.repositories import Repository


class StreamRepository(Repository):
    async def events_after(self, position: Position, limit: int) -> list[DomainEvent]:
        """Up to `limit` of the tenant's final events past `position`, in commit order."""
        query = (
            self.owned(DomainEvent)
            .where(commit_order.after(DomainEvent.xid, DomainEvent.id, position))
            .order_by(DomainEvent.xid, DomainEvent.id)
            .limit(limit)
        )
        return list((await self.session.execute(query)).scalars())

    async def held_back(self, position: Position, limit: int) -> list[DomainEvent]:
        """The newest `limit` committed events past `position` whose place in commit order
        is not final yet (an older transaction still runs), oldest first."""
        query = (
            self.owned(DomainEvent)
            .where(commit_order.held_back(DomainEvent.xid, DomainEvent.id, position))
            .order_by(DomainEvent.id.desc())
            .limit(limit)
        )
        return list(reversed((await self.session.execute(query)).scalars().all()))

    async def after_event(self, event_id: int) -> Position | None:
        """A place from which a client that received event `event_id` misses nothing that
        committed after it (some it had may come again); None for an event the tenant has
        not got."""
        query = self.owned(DomainEvent).where(DomainEvent.id == event_id)
        event = (await self.session.execute(query)).scalar_one_or_none()
        if event is None:
            return None
        if event.horizon is None:  # written before migration 0036: its own place
            return Position(event.xid or 0, event.id)
        # Every transaction at or past the horizon; those before it had ended.
        return Position(event.horizon - 1, 2**63 - 1)

    async def now(self) -> Position:
        """Past every final event: what commits from here on has a larger position."""
        visible = int(await self.session.scalar(select(func.hireline_visible_xid())) or 0)
        # Every id of a transaction older than `visible` is behind this one.
        return Position(visible - 1, 2**63 - 1)
