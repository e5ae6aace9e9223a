"""The brokers the relay publishes to, behind one small interface, through FastStream.

Each publish waits for the broker's acknowledgement (a JetStream PubAck, a RabbitMQ publisher
confirm): an event counts as published only once the broker has stored it.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from faststream.nats import NatsBroker
from faststream.rabbit import ExchangeType, RabbitBroker, RabbitExchange
from nats.js.api import StreamConfig
from nats.js.errors import BadRequestError

STREAM = "hireline"
EXCHANGE = "hireline"
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


def broker_for(url: str, timeout: float = 5.0) -> Broker:
    """The broker a URL names: nats://, tls:// (NATS) or amqp://, amqps:// (RabbitMQ)."""
    scheme = urlsplit(url).scheme
    if scheme in {"nats", "tls"}:
        return NatsJetStream(url, timeout)
    if scheme in {"amqp", "amqps"}:
        return RabbitTopicExchange(url, timeout)
    raise ValueError(f"HIRELINE_EVENT_BROKER_URL: unsupported scheme {scheme!r} (nats or amqp)")
