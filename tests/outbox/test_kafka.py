"""The relay's Kafka route, through FastStream's in-memory Kafka (`TestKafkaBroker`).

No Kafka server runs on this machine or in CI (Debian, PyPI and npm offer clients only), so
this checks what Hireline decides: the topic, the key that keeps each organisation's events
in order, the headers, the body, and the relay marking what the producer acknowledged. It
does not check Kafka itself (acks, idempotent producer, partitions): that needs a broker.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import psycopg
import pytest
from faststream.kafka import KafkaMessage, TestKafkaBroker

from hireline.core.database_url import libpq_url
from hireline.outbox.brokers import TOPIC, KafkaTopic, broker_for
from hireline.outbox.relay import relay_forever

CATALOGUE_TYPE = "application.stage_changed"
INTERNAL_TYPE = "internal.noted"


@pytest.fixture
async def tenants(database_url: str) -> AsyncIterator[list[uuid.UUID]]:
    made = [uuid.uuid4(), uuid.uuid4()]
    async with await psycopg.AsyncConnection.connect(libpq_url(database_url)) as connection:
        await connection.execute("DELETE FROM event_relay_state")
        for tenant in made:
            await connection.execute(
                "INSERT INTO tenants (id, name, slug) VALUES (%s, 'Kafka', %s)",
                (tenant, f"kafka-{tenant.hex[:8]}"),
            )
    yield made
    async with await psycopg.AsyncConnection.connect(libpq_url(database_url)) as connection:
        await connection.execute("DELETE FROM domain_events WHERE tenant_id = ANY(%s)", (made,))
        await connection.execute("DELETE FROM event_relay_state")
        await connection.execute("DELETE FROM tenants WHERE id = ANY(%s)", (made,))


async def _relay_started(url: str) -> None:
    deadline = time.monotonic() + 10
    async with await psycopg.AsyncConnection.connect(libpq_url(url)) as connection:
        while not await (await connection.execute("SELECT 1 FROM event_relay_state")).fetchone():
            assert time.monotonic() < deadline, "the relay did not start"
            await asyncio.sleep(0.05)


async def _insert(url: str, tenants: list[uuid.UUID], count: int) -> dict[str, list[int]]:
    """Events of both tenants, interleaved; every fifth internal. Returns the catalogue
    events' ids per tenant, in commit order."""
    expected: dict[str, list[int]] = {str(tenant): [] for tenant in tenants}
    async with await psycopg.AsyncConnection.connect(libpq_url(url)) as connection:
        for number in range(count):
            tenant = tenants[number % 2]
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
                expected[str(tenant)].append(row[0])
    return expected


async def test_each_tenants_events_go_to_the_topic_keyed_by_tenant_in_commit_order(
    database_url: str, tenants: list[uuid.UUID]
) -> None:
    kafka = broker_for("kafka://127.0.0.1:9092,127.0.0.2:9092")
    assert isinstance(kafka, KafkaTopic)
    received: list[tuple[bytes | None, dict[str, str], dict[str, Any]]] = []

    @kafka.broker.subscriber(TOPIC)
    async def collect(body: dict[str, Any], message: KafkaMessage) -> None:
        record = message.raw_message
        assert not isinstance(record, tuple)  # one record, not a batch
        received.append((record.key, dict(message.headers), body))

    async with TestKafkaBroker(kafka.broker):
        relay = asyncio.create_task(
            relay_forever(database_url, "kafka://ignored", make_broker=lambda _: kafka)
        )
        try:
            await _relay_started(database_url)
            expected = await _insert(database_url, tenants, 60)
            total = sum(len(ids) for ids in expected.values())
            deadline = time.monotonic() + 20
            while len(received) < total:
                assert time.monotonic() < deadline, f"{len(received)} of {total} arrived"
                await asyncio.sleep(0.05)
        finally:
            relay.cancel()
            with pytest.raises(asyncio.CancelledError):
                await relay

    assert len(received) == total  # the internal events were not sent
    for tenant, ids in expected.items():
        mine = [(key, headers, body) for key, headers, body in received if key == tenant.encode()]
        assert [int(body["id"].rsplit(":", 1)[1]) for _, _, body in mine] == ids
        for _, headers, body in mine:
            assert headers["hireline-type"] == CATALOGUE_TYPE == body["type"]
            assert headers["hireline-tenant"] == tenant == body["tenant_id"]
            assert headers["hireline-event-id"] == body["id"]


def test_kafka_urls_name_the_bootstrap_servers() -> None:
    kafka = broker_for("kafka://k1.example:9092,k2.example:9093")
    assert isinstance(kafka, KafkaTopic)
    assert kafka.servers == [
        "k1.example:9092",
        "k2.example:9093",
    ]
    with pytest.raises(ValueError, match="kafka"):
        broker_for("mqtt://broker.example")
