"""The demo's clock: rows written by services "now" dated to a moment of the demo's past."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, attributes

T = TypeVar("T")

# Timestamp columns a service fills with "now"; the seeder moves them to the story's moment.
_DATED = ("occurred_at", "applied_at", "consent_at", "created_at", "updated_at", "published_at")
_SET_LATER = frozenset({"published_at"})  # stays empty on a new row until the event happens
_CHANGED = ("updated_at", "published_at", "closed_at")


class Clock:
    """Dates the rows service calls write to the moment of the story they play.

    Services stamp what they write with "now" (in Python or by column defaults); while
    `at(when, ...)` runs, every row about to be inserted, and every changed row's change time,
    is set to `when` just before the flush sends it.
    """

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.when: datetime | None = None
        event.listen(session.sync_session, "before_flush", self._stamp)

    def _stamp(self, session: Session, _context: object, _instances: object) -> None:
        when = self.when
        if when is None:
            return
        for obj in session.new:
            columns = sa_inspect(type(obj)).columns
            for name in _DATED:
                if name in columns and not (name in _SET_LATER and getattr(obj, name) is None):
                    setattr(obj, name, when)
        for obj in session.dirty:
            columns = sa_inspect(type(obj)).columns
            for name in _CHANGED:
                if name in columns and attributes.get_history(obj, name).has_changes():
                    setattr(obj, name, when)

    async def at(self, when: datetime, call: Awaitable[T]) -> T:
        self.when = when
        try:
            result = await call
            await self.session.flush()
        finally:
            self.when = None
        return result
