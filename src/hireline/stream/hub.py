"""Each API process's hub: reads newly committed events of the tenants it has connections
for, and hands each connection the ones its principal may see.

A signal (PostgreSQL NOTIFY from migration 0029's trigger, or Redis pub/sub from
`core.event_signal`: HIRELINE_STREAM_SIGNAL) only says "this tenant has something new"; the
events themselves are read from `domain_events` in commit order (`core.commit_order`), so a
folded signal loses nothing, and a reconnecting client resumes from the same table. A lost
signal (Redis pub/sub is at most once) only delays: every `poll_seconds` each tenant with
connections here is read again without one. One read per tenant serves all its connections here.
Each connection has a bounded queue: one that falls behind is dropped, not buffered.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.core import background
from hireline.core.commit_order import Position
from hireline.core.db import unit_of_work
from hireline.core.tenancy import enter_tenant
from hireline.stream import service
from hireline.stream.visibility import Audience

logger = structlog.get_logger(__name__)

# The channel of migration 0029's trigger (`core.change_feed` adds the `hireline_` prefix).
EVENTS_TOPIC = "events"
BATCH = 500
# How soon to look again when an older running transaction holds committed events back
# (only to make their place final: they were sent when they committed).
RECHECK_SECONDS = 0.2
# Events a connection remembers having been sent ahead of their final place.
EARLY_LIMIT = 10_000
# Close codes (4000-4999 are the application's): a client that did not keep up.
TOO_SLOW = 4408


@dataclass(frozen=True, slots=True)
class Dropped:
    """The last item a dropped connection's queue holds: why it was dropped."""

    code: int
    reason: str


@dataclass(eq=False)
class Connection:
    """One client: who it is, how far it has been sent, and what waits to be sent.

    `position` is final: every event at or before it that the client may see has been sent.
    Events past it whose order is not final yet are sent at once too (`early`), so that one
    long transaction elsewhere delays nobody; each message's cursor is `position`, so a
    client resuming from it may get some of those again (it knows them by `id`), never
    fewer.
    """

    audience: Audience
    position: Position
    limit: int
    queue: asyncio.Queue[dict[str, Any] | Dropped] = field(init=False)
    early: set[int] = field(default_factory=set)
    # Until the first round that found it nothing left to send, a connection catches up
    # at its own pace; after that, one that cannot keep up is dropped.
    caught_up: bool = False

    def __post_init__(self) -> None:
        # One slot more than the limit, kept for the notice that ends a dropped connection.
        self.queue = asyncio.Queue(self.limit + 1)
        self.dropped = False

    @property
    def tenant_id(self) -> uuid.UUID:
        return self.audience.principal.tenant_id

    @property
    def full(self) -> bool:
        return self.queue.qsize() >= self.limit

    def send(self, message: dict[str, Any]) -> None:
        """Queue `message` with this connection's cursor."""
        self.queue.put_nowait({**message, "cursor": self.position.token()})

    def overflow(self) -> None:
        self.drop(TOO_SLOW, "The client fell behind the stream; reconnect with `after`.")

    def drop(self, code: int, reason: str) -> None:
        """End the connection: what waits is discarded (a reconnect resumes from the
        cursor of the last message the client received)."""
        self.dropped = True
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(Dropped(code, reason))

    def take(self, found: service.Batch) -> bool:
        """Queue what of `found` is new to this connection; True when it has more to take
        (paused while catching up with a full queue)."""
        for event in found.final:
            if self.dropped:
                return False
            if event.position <= self.position:
                continue
            seen = event.position.seq in self.early
            self.early.discard(event.position.seq)
            if not seen and self.audience.may_see(event.type, event.payload):
                if self.full:
                    if self.caught_up:
                        self.overflow()
                        return False
                    return True  # catching up: the rest next round, from here
                self.position = event.position
                self.send(event.message)
            else:
                self.position = event.position
        for event in found.early:
            if self.dropped:
                return False
            if event.position <= self.position or event.position.seq in self.early:
                continue
            if len(self.early) >= EARLY_LIMIT:
                break  # a very long transaction elsewhere: the rest once final
            if self.audience.may_see(event.type, event.payload):
                if self.full:
                    if self.caught_up:
                        self.overflow()
                        return False
                    return True  # catching up: the rest next round
                self.early.add(event.position.seq)
                self.send(event.message)
        if not found.full:
            self.caught_up = True
        return found.full


class StreamHub:
    """Delivers each tenant's committed events to this process's connections."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], *, poll_seconds: float | None = None
    ) -> None:
        self.sessions = sessions
        self.poll_seconds = poll_seconds
        self.connections: dict[uuid.UUID, set[Connection]] = {}
        self._due: set[uuid.UUID] = set()
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        self._tasks.append(asyncio.create_task(self._run(), name="stream-hub"))
        if self.poll_seconds is not None:
            poll = self._poll(self.poll_seconds)
            self._tasks.append(asyncio.create_task(poll, name="stream-poll"))

    async def stop(self) -> None:
        for task in self._tasks:
            await background.cancel(task)
        self._tasks.clear()

    def join(self, connection: Connection) -> None:
        """Start delivering to `connection` (what it missed first)."""
        self.connections.setdefault(connection.tenant_id, set()).add(connection)
        self.signal(str(connection.tenant_id))

    def leave(self, connection: Connection) -> None:
        tenant = self.connections.get(connection.tenant_id)
        if tenant is not None:
            tenant.discard(connection)
            if not tenant:
                del self.connections[connection.tenant_id]

    def signal(self, payload: str) -> None:
        """A tenant has new events (its id); `*` or an unknown payload: any tenant may."""
        try:
            tenants = {uuid.UUID(payload)}
        except ValueError:
            tenants = set(self.connections)
        self._due |= tenants & set(self.connections)
        if self._due:
            self._wake.set()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            due, self._due = self._due, set()
            for tenant_id in due:
                try:
                    again = await self._deliver(tenant_id)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # the database is away: try again shortly
                    logger.warning(
                        "stream_delivery_failed", tenant_id=str(tenant_id), error=str(exc)
                    )
                    again = True
                if again:
                    self._later(tenant_id)

    async def _poll(self, seconds: float) -> None:
        # On a fixed beat, not after a quiet spell: other tenants' signals must not put off
        # the look that finds an event whose own signal was lost.
        while True:
            await asyncio.sleep(seconds)
            self.signal("*")

    def _later(self, tenant_id: uuid.UUID) -> None:
        asyncio.get_running_loop().call_later(RECHECK_SECONDS, self.signal, str(tenant_id))

    async def _deliver(self, tenant_id: uuid.UUID) -> bool:
        """Send the tenant's connections what committed since each was last sent something;
        True to look again soon (events not final yet, or more than one batch)."""
        connections = [c for c in self.connections.get(tenant_id, ()) if not c.dropped]
        if not connections:
            return False
        start = min(connection.position for connection in connections)
        async with unit_of_work(self.sessions) as session:
            await enter_tenant(session, tenant_id)
            found = await service.batch(session, start, BATCH)
        more = [connection.take(found) for connection in connections]
        return any(more) or bool(found.early)
