"""Queries of the live stream over the tenant's domain events (`core.events`' table)."""

from __future__ import annotations

from sqlalchemy import exists, func, select

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

    async def any_held_back(self, position: Position) -> bool:
        """Whether committed events past `position` wait for an older transaction to end."""
        held = self.owned(DomainEvent).where(
            commit_order.held_back(DomainEvent.xid, DomainEvent.id, position)
        )
        return bool(await self.session.scalar(select(exists(held))))

    async def position_of(self, event_id: int) -> Position | None:
        """Where the tenant's event `event_id` sits (None: no such event, or too old)."""
        query = self.owned(DomainEvent).where(DomainEvent.id == event_id)
        event = (await self.session.execute(query)).scalar_one_or_none()
        if event is None or event.xid is None:
            return None
        return Position(event.xid, event.id)

    async def now(self) -> Position:
        """Past every final event: what commits from here on has a larger position."""
        visible = int(await self.session.scalar(select(func.hireline_visible_xid())) or 0)
        # Every id of a transaction older than `visible` is behind this one.
        return Position(visible - 1, 2**63 - 1)
