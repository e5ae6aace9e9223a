"""The outbox relay: every catalogue event, once committed, published to the broker.

`domain_events` is the outbox: an event is written in the same transaction as the change it
describes, so a rolled-back change publishes nothing and a committed one cannot be lost. The
relay publishes what is committed and not yet marked, oldest first, waits for each broker
acknowledgement, then marks those events published. A crash between the two sends some
events again: delivery is at least once, and the event id travels as the message id so that
consumers (and JetStream itself, within its duplicate window) drop the repeats.

One relay publishes at a time (a PostgreSQL advisory lock elects it among the workers), so
events go out in the order they became visible, which is commit order. A broker outage only
delays publishing: the relay retries with growing pauses and starts again where it stopped.
It works as the role `hireline_relay` (migration 0025), which may read every tenant's events
and mark them published, and nothing else.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import datetime

import psycopg
import structlog
from psycopg.rows import TupleRow

from hireline.core import background
from hireline.core.database_url import libpq_url
from hireline.outbox.brokers import Broker, OutgoingEvent, broker_for
from hireline.settings import Settings
from hireline.webhooks.catalogue import EVENT_TYPES

logger = structlog.get_logger(__name__)

RELAY_ROLE = "hireline_relay"
# Any constant shared by every relay of the database; the lock elects one of them.
LEADER_LOCK = 0x6869_7265_6C61_7900 >> 8
BATCH = 200
IDLE_PAUSE_SECONDS = 0.5
LONGEST_PAUSE_SECONDS = 30.0
SYSTEM_TENANT = "system"


def message_id(relay_id: str, event_id: int) -> str:
    """Unique across installations sharing a broker, and the same for every re-send."""
    return f"{relay_id}:{event_id}"


def envelope(
    identifier: str, tenant: str, event_type: str, payload: object, occurred_at: datetime
) -> bytes:
    """The message body: the event as webhooks carry it."""
    return json.dumps(
        {
            "id": identifier,
            "type": event_type,
            "tenant_id": None if tenant == SYSTEM_TENANT else tenant,
            "occurred_at": occurred_at.isoformat(),
            "data": payload,
        },
        separators=(",", ":"),
    ).encode()


async def _connect(owner_url: str) -> psycopg.AsyncConnection[TupleRow]:
    return await psycopg.AsyncConnection.connect(
        libpq_url(owner_url), autocommit=True, options=f"-c role={RELAY_ROLE}"
    )


async def _starting_point(connection: psycopg.AsyncConnection[TupleRow]) -> tuple[int, str]:
    """The last event that predates the relay's first run (never sent), and the relay's id."""
    await connection.execute(
        "INSERT INTO event_relay_state (id, started_after)"
        " SELECT 1, coalesce(max(id), 0) FROM domain_events ON CONFLICT (id) DO NOTHING"
    )
    row = await (
        await connection.execute("SELECT started_after, relay_id FROM event_relay_state")
    ).fetchone()
    assert row is not None
    return int(row[0]), str(row[1])


async def publish_pending(
    connection: psycopg.AsyncConnection[TupleRow],
    broker: Broker,
    started_after: int,
    relay_id: str,
    catalogue: Sequence[str] | None = None,
) -> int:
    """Publish one batch of unpublished catalogue events; returns how many were sent."""
    types = list(catalogue if catalogue is not None else EVENT_TYPES)
    rows = await (
        await connection.execute(
            "SELECT id, tenant_id, type, payload, occurred_at FROM domain_events"
            " WHERE published_at IS NULL AND id > %s ORDER BY id LIMIT %s",
            (started_after, BATCH),
        )
    ).fetchall()
    done: list[int] = []
    try:
        for event_id, tenant_id, event_type, payload, occurred_at in rows:
            # Internal events (outside the catalogue) are marked without being sent.
            if event_type in types:
                tenant = str(tenant_id) if tenant_id else SYSTEM_TENANT
                identifier = message_id(relay_id, event_id)
                body = envelope(identifier, tenant, event_type, payload, occurred_at)
                await broker.publish(OutgoingEvent(identifier, tenant, event_type, body))
            done.append(event_id)
    finally:
        if done:
            await connection.execute(
                "UPDATE domain_events SET published_at = now() WHERE id = ANY(%s)", (done,)
            )
    return len(done)


async def relay_forever(
    owner_url: str,
    broker_url: str,
    *,
    make_broker: Callable[[str], Broker] = broker_for,
) -> None:
    """Publish events until cancelled, surviving database and broker outages."""
    pause = IDLE_PAUSE_SECONDS
    while True:
        broker = make_broker(broker_url)
        try:
            async with await _connect(owner_url) as connection:
                locked = await (
                    await connection.execute("SELECT pg_try_advisory_lock(%s)", (LEADER_LOCK,))
                ).fetchone()
                if not locked or not locked[0]:
                    await asyncio.sleep(LONGEST_PAUSE_SECONDS)  # another relay is the leader
                    continue
                started_after, relay_id = await _starting_point(connection)
                await broker.connect()
                logger.info("event_relay_started", started_after=started_after, relay_id=relay_id)
                pause = IDLE_PAUSE_SECONDS
                while True:
                    if await publish_pending(connection, broker, started_after, relay_id) == 0:
                        await asyncio.sleep(IDLE_PAUSE_SECONDS)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            # The broker or the database is away (or refused something): nothing is marked
            # published that was not acknowledged, so waiting and starting over loses nothing.
            logger.warning("event_relay_waiting", error=str(exc) or repr(exc), retry_in=pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE_SECONDS)
        finally:
            # A broker that went away can hang a polite goodbye.
            with contextlib.suppress(Exception):
                await asyncio.wait_for(broker.close(), timeout=5)


@contextlib.asynccontextmanager
async def running_relay(settings: Settings, owner_url: str) -> AsyncIterator[None]:
    """Relay events for the block's duration when a broker is configured."""
    if settings.event_broker_url is None:
        yield
        return
    task = asyncio.create_task(
        relay_forever(owner_url, settings.event_broker_url.get_secret_value())
    )
    try:
        yield
    finally:
        await background.cancel(task)
