"""Tell every process that something changed, once the change commits (PostgreSQL NOTIFY).

A NOTIFY issued inside a transaction is delivered only if that transaction commits, so a
listener never drops a cache for a change that was rolled back, and never misses one that
was committed. Every API process listens on one connection of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable

import psycopg
import structlog
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core import background

CHANNEL_PREFIX = "hireline_"
logger = structlog.get_logger(__name__)

Handler = Callable[[str], Awaitable[None] | None]


async def announce(session: AsyncSession, topic: str, payload: str) -> None:
    """Queue a notification on `topic`, sent when the session's transaction commits."""
    await session.execute(select(func.pg_notify(CHANNEL_PREFIX + topic, payload)))


class ChangeListener:
    """Runs handlers for notifications of the topics they subscribed to; reconnects on loss."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self.handlers: dict[str, list[Handler]] = {}
        self._task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()

    def subscribe(self, topic: str, handler: Handler) -> None:
        self.handlers.setdefault(CHANNEL_PREFIX + topic, []).append(handler)

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="change-listener")
        # Wait briefly so that changes made right after start-up are not missed.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.connected.wait(), timeout=5)

    async def stop(self) -> None:
        await background.cancel(self._task)

    async def _run(self) -> None:
        delay = 0.5
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.conninfo, autocommit=True
                ) as connection:
                    for channel in self.handlers:
                        await connection.execute(f'LISTEN "{channel}"')
                    self.connected.set()
                    delay = 0.5
                    async for notice in connection.notifies():
                        for handler in self.handlers.get(notice.channel, []):
                            outcome = handler(notice.payload)
                            if outcome is not None:
                                await outcome
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # any loss of the connection: retry
                self.connected.clear()
                logger.warning("change_listener_reconnecting", error=str(exc), delay=delay)
                # Whatever changed while we were away is unknown: tell every handler.
                for handlers in self.handlers.values():
                    for handler in handlers:
                        outcome = handler("*")
                        if outcome is not None:
                            await outcome
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)
