"""The outbox relay against the real NATS (JetStream) and RabbitMQ of this machine: a broker
outage in the middle of a stream of events delays them and loses none; after de-duplication
by message id every catalogue event arrives exactly once, in commit order."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aio_pika
import nats
import psycopg
import pytest
from nats.js.api import ConsumerConfig, DeliverPolicy

from hireline.core.database_url import libpq_url
from hireline.outbox.relay import relay_forever
from tests.outbox.proxy import OutageProxy

NATS_PORT = 4222
RABBIT_PORT = 5672
CATALOGUE_TYPE = "application.stage_changed"
INTERNAL_TYPE = "internal.noted"
EVENTS = 240


async def _insert(url: str, tenant: uuid.UUID, count: int, start: int) -> list[int]:
    """`count` events in one transaction; every fifth one is internal (never published)."""
    ids = []
    async with await psycopg.AsyncConnection.connect(libpq_url(url)) as connection:
        for number in range(start, start + count):
            kind = INTERNAL_TYPE if number % 5 == 0 else CATALOGUE_TYPE
            row = await (
                await connection.execute(
                    "INSERT INTO domain_events (tenant_id, type, payload)"
                    " VALUES (%s, %s, %s) RETURNING id",
                    (tenant, kind, json.dumps({"number": number})),
                )
            ).fetchone()
            assert row is not None
            if kind == CATALOGUE_TYPE:
                ids.append(row[0])
    return ids


async def _unpublished(url: str) -> int:
    async with await psycopg.AsyncConnection.connect(libpq_url(url)) as connection:
        row = await (
            await connection.execute(
                "SELECT count(*) FROM domain_events WHERE published_at IS NULL"
                " AND id > (SELECT started_after FROM event_relay_state)"
            )
        ).fetchone()
    assert row is not None
    return int(row[0])


@pytest.fixture
async def tenant(database_url: str) -> AsyncIterator[uuid.UUID]:
    tenant = uuid.uuid4()
    async with await psycopg.AsyncConnection.connect(libpq_url(database_url)) as connection:
        await connection.execute("DELETE FROM event_relay_state")
        await connection.execute(
            "INSERT INTO tenants (id, name, slug) VALUES (%s, 'Relay', %s)",
            (tenant, f"relay-{tenant.hex[:8]}"),
        )
    yield tenant
    async with await psycopg.AsyncConnection.connect(libpq_url(database_url)) as connection:
        await connection.execute("DELETE FROM domain_events WHERE tenant_id = %s", (tenant,))
        await connection.execute("DELETE FROM event_relay_state")
        await connection.execute("DELETE FROM tenants WHERE id = %s", (tenant,))


async def _stream_through_an_outage(
    database_url: str, tenant: uuid.UUID, broker_url: Callable[[int], str], broker_port: int
) -> list[int]:
    """Insert events while the relay runs through a proxy that is cut for a while; returns
    the ids of the catalogue events, in commit order."""
    # History from before the relay's first run is never sent.
    await _insert(database_url, tenant, 3, start=1)
    proxy = OutageProxy(broker_port)
    await proxy.start()
    relay = asyncio.create_task(relay_forever(database_url, broker_url(proxy.port)))
    await asyncio.sleep(1)
    expected: list[int] = []
    try:
        for batch in range(12):
            expected += await _insert(database_url, tenant, EVENTS // 12, start=100 + batch * 100)
            if batch == 4:
                await proxy.cut()
            if batch == 6:
                # The outage holds events back rather than losing them.
                assert await _unpublished(database_url) > 0
            if batch == 7:
                await proxy.restore()
            await asyncio.sleep(0.3)
        for _ in range(240):
            if await _unpublished(database_url) == 0:
                break
            await asyncio.sleep(0.25)
        assert await _unpublished(database_url) == 0
    finally:
        relay.cancel()
        with pytest.raises(asyncio.CancelledError):
            await relay
        await proxy.stop()
    return expected


def _check(expected: list[int], received: list[tuple[str, dict[str, Any]]]) -> None:
    first_seen: dict[str, dict[str, Any]] = {}
    for message_id, body in received:
        assert body["id"] == message_id
        first_seen.setdefault(message_id, body)
    event_ids = [int(message_id.rsplit(":", 1)[1]) for message_id in first_seen]
    assert event_ids == expected  # each once after de-dup, in commit order
    assert all(body["type"] == CATALOGUE_TYPE for body in first_seen.values())


async def test_nats_jetstream_gets_every_event_once_through_an_outage(
    database_url: str, tenant: uuid.UUID
) -> None:
    expected = await _stream_through_an_outage(
        database_url, tenant, lambda port: f"nats://127.0.0.1:{port}", NATS_PORT
    )
    client = await nats.connect(f"nats://127.0.0.1:{NATS_PORT}")
    try:
        subscription = await client.jetstream().pull_subscribe(
            f"hireline.{tenant}.>",
            durable=None,
            stream="hireline",
            config=ConsumerConfig(deliver_policy=DeliverPolicy.ALL),
        )
        received: list[tuple[str, dict[str, Any]]] = []
        while True:
            try:
                messages = await subscription.fetch(100, timeout=2)
            except TimeoutError:  # nats raises its own subclass, or asyncio's own
                break
            for message in messages:
                assert message.headers is not None
                received.append((message.headers["Nats-Msg-Id"], json.loads(message.data)))
                await message.ack()
    finally:
        await client.close()
    _check(expected, received)


async def test_rabbitmq_gets_every_event_once_through_an_outage(
    database_url: str, tenant: uuid.UUID
) -> None:
    connection = await aio_pika.connect(f"amqp://guest:guest@127.0.0.1:{RABBIT_PORT}/")
    received: list[tuple[str, dict[str, Any]]] = []
    try:
        channel = await connection.channel()
        exchange = await channel.declare_exchange(
            "hireline", aio_pika.ExchangeType.TOPIC, durable=True
        )
        queue = await channel.declare_queue(exclusive=True)
        await queue.bind(exchange, routing_key=f"{tenant}.#")

        async def collect(message: aio_pika.abc.AbstractIncomingMessage) -> None:
            async with message.process():
                assert message.message_id is not None
                received.append((message.message_id, json.loads(message.body)))

        consume: Callable[..., Awaitable[Any]] = queue.consume
        await consume(collect)
        expected = await _stream_through_an_outage(
            database_url,
            tenant,
            lambda port: f"amqp://guest:guest@127.0.0.1:{port}/",
            RABBIT_PORT,
        )
        for _ in range(40):
            if len({message_id for message_id, _ in received}) >= len(expected):
                break
            await asyncio.sleep(0.25)
    finally:
        await connection.close()
    _check(expected, received)
