"""The brokers the relay publishes to, behind one small interface, through FastStream.

Each publish waits for the broker's acknowledgement (a JetStream PubAck, a RabbitMQ publisher
confirm): an event counts as published only once the broker has stored it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from faststream.kafka import KafkaBroker
from faststream.nats import NatsBroker
from faststream.rabbit import ExchangeType, RabbitBroker, RabbitExchange
from nats.js.api import StreamConfig
from nats.js.errors import BadRequestError

STREAM = "hireline"
EXCHANGE = "hireline"
TOPIC = "hireline"
# JetStream drops a repeated Nats-Msg-Id inside this window; a relay that re-sends after a
# crash does so within seconds.
DUPLICATE_WINDOW_SECONDS = 600.0


@dataclass(frozen=True)
class OutgoingEvent:
    id: str
    tenant: str
    type: str
    body: bytes


class Broker(Protocol):
    async def connect(self) -> None: ...

    async def publish(self, event: OutgoingEvent) -> None: ...

    async def close(self) -> None: ...


class NatsJetStream:
    """Subject `hireline.<tenant>.<type>` in the stream `hireline` (created if missing)."""

    def __init__(self, url: str, timeout: float) -> None:
        self._url = url
        self._timeout = timeout
        self._broker: NatsBroker | None = None

    async def connect(self) -> None:
        # No reconnecting in the background: the relay notices a failure and starts over.
        broker = NatsBroker(
            self._url, connect_timeout=max(1, round(self._timeout)), max_reconnect_attempts=0
        )
        client = await broker.connect()
        self._broker = broker
        config = StreamConfig(
            name=STREAM, subjects=[f"{STREAM}.>"], duplicate_window=DUPLICATE_WINDOW_SECONDS
        )
        # A stream that exists with settings an operator chose is used as it is.
        with contextlib.suppress(BadRequestError):
            await client.jetstream().add_stream(config)

    async def publish(self, event: OutgoingEvent) -> None:
        assert self._broker is not None
        await self._broker.publish(
            event.body,
            subject=f"{STREAM}.{event.tenant}.{event.type}",
            stream=STREAM,
            headers={"Nats-Msg-Id": event.id, "content-type": "application/json"},
            timeout=self._timeout,
        )

    async def close(self) -> None:
        if self._broker is not None:
            broker, self._broker = self._broker, None
            await broker.stop()


class RabbitTopicExchange:
    """The durable topic exchange `hireline`, routing key `<tenant>.<type>`, persistent."""

    def __init__(self, url: str, timeout: float) -> None:
        self._url = url
        self._timeout = timeout
        self._broker: RabbitBroker | None = None
        self._exchange = RabbitExchange(EXCHANGE, type=ExchangeType.TOPIC, durable=True)

    async def connect(self) -> None:
        broker = RabbitBroker(self._url, timeout=self._timeout, fail_fast=True)
        await broker.connect()
        self._broker = broker
        await broker.declare_exchange(self._exchange)

    async def publish(self, event: OutgoingEvent) -> None:
        assert self._broker is not None
        await self._broker.publish(
            event.body,
            exchange=self._exchange,
            routing_key=f"{event.tenant}.{event.type}",
            message_id=event.id,
            content_type="application/json",
            persist=True,
            mandatory=False,
            timeout=self._timeout,
        )

    async def close(self) -> None:
        if self._broker is not None:
            broker, self._broker = self._broker, None
            await broker.stop()


class KafkaTopic:
    """The topic `hireline`, keyed by tenant: Kafka keeps order per partition, and a key
    always lands in one partition, so each organisation's events stay in commit order while
    organisations spread over the partitions. The type and the event id travel as headers.

    One topic, not one per tenant and type: Kafka topics are heavy (files and leaders per
    partition), and a consumer that wants one type filters on the `hireline-type` header.
    The producer is idempotent with `acks=all`, so its own retries add no copies; a relay
    re-sending after a crash can, and consumers drop them by `hireline-event-id`.
    """

    def __init__(self, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        # kafka://host1:9092,host2:9092 names the bootstrap servers.
        self.servers = [server for server in parts.netloc.split(",") if server]
        self.broker = KafkaBroker(
            self.servers,
            acks="all",
            enable_idempotence=True,
            request_timeout_ms=max(1000, round(timeout * 1000)),
            client_id="hireline-relay",
        )
        self._connected = False

    async def connect(self) -> None:
        await self.broker.connect()
        self._connected = True

    async def publish(self, event: OutgoingEvent) -> None:
        assert self._connected
        # Waits for the acknowledgement of every in-sync replica (`acks=all`).
        await self.broker.publish(
            event.body,
            topic=TOPIC,
            key=event.tenant.encode(),
            headers={
                "hireline-event-id": event.id,
                "hireline-type": event.type,
                "hireline-tenant": event.tenant,
                "content-type": "application/json",
            },
        )

    async def close(self) -> None:
        if self._connected:
            self._connected = False
            await self.broker.stop()


def broker_for(url: str, timeout: float = 5.0) -> Broker:
    """The broker a URL names: nats://, tls:// (NATS), amqp://, amqps:// (RabbitMQ) or
    kafka:// (Kafka)."""
    scheme = urlsplit(url).scheme
    if scheme in {"nats", "tls"}:
        return NatsJetStream(url, timeout)
    if scheme in {"amqp", "amqps"}:
        return RabbitTopicExchange(url, timeout)
    if scheme == "kafka":
        return KafkaTopic(url, timeout)
    raise ValueError(
        f"HIRELINE_EVENT_BROKER_URL: unsupported scheme {scheme!r} (nats, amqp or kafka)"
    )
