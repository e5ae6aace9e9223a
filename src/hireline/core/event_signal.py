"""Tell every API process which tenants have new domain events, through Redis pub/sub
(`HIRELINE_STREAM_SIGNAL=redis`; PostgreSQL NOTIFY from migration 0029's trigger otherwise).

A transaction that records events (`core.events.record`, in a request or a worker's job)
has its tenants published once it has committed: never before, or a listener would read
nothing yet. Publishing happens in the background, so a Redis that is slow or down neither
slows nor fails the request; the events are safe in `domain_events` and the live stream's
poll (`HIRELINE_STREAM_POLL_SECONDS`) finds them. Redis pub/sub is at most once: a signal
only says "look", never carries an event.

The channel carries the Redis database's number, as pub/sub channels are shared by all
databases of a server: two installations on one Redis do not wake each other.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog
from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core import background
from hireline.core.db import on_commit
from hireline.settings import Settings

logger = structlog.get_logger(__name__)

CHANNEL = "hireline:{database}:events"
# With the process id, as `CLIENT LIST` shows it.
CLIENT_NAME = "hireline-events"
# A Redis that hangs holds up only the background publisher, and not for long.
TIMEOUT_SECONDS = 1.0
# How often an idle subscription asks Redis whether it is still there.
HEALTH_CHECK_SECONDS = 15
FIRST_RETRY_SECONDS = 0.5
LAST_RETRY_SECONDS = 10.0
# Where a session finds its process's publisher (from its sessionmaker's `info`) and the
# tenants it has recorded events for.
_PUBLISHER = "hireline_event_publisher"
_TENANTS = "hireline_event_tenants"

Handler = Callable[[str], None]


def signal_redis_url(settings: Settings) -> str | None:
    """The Redis to signal through, when HIRELINE_STREAM_SIGNAL=redis (settings made sure
    that REDIS_URL is set then)."""
    if settings.stream_signal != "redis" or settings.redis_url is None:
        return None
    return settings.redis_url.get_secret_value()


def _client(redis_url: str) -> Redis:
    # No retries inside redis-py: a lost connection reaches our own loop, which knows that
    # signals may have been missed meanwhile.
    return Redis.from_url(
        redis_url,
        client_name=f"{CLIENT_NAME}-{os.getpid()}",
        socket_timeout=TIMEOUT_SECONDS,
        socket_connect_timeout=TIMEOUT_SECONDS,
        socket_keepalive=True,
        retry=Retry(NoBackoff(), 0),
    )


def channel_for(redis_url: str) -> str:
    """The channel of the Redis database `redis_url` names."""
    database = Redis.from_url(redis_url).connection_pool.connection_kwargs.get("db", 0)
    return CHANNEL.format(database=database)


class EventPublisher:
    """Publishes, in the background, the tenants whose transactions committed events; the
    tenants of commits made while a publish is under way go together in the next one."""

    def __init__(self, redis_url: str) -> None:
        self.channel = channel_for(redis_url)
        self._redis = _client(redis_url)
        self._pending: set[uuid.UUID] = set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._failing = False

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="event-publisher")

    async def stop(self) -> None:
        await background.cancel(self._task)
        await self._redis.aclose()

    def announce(self, tenants: set[uuid.UUID]) -> None:
        """Publish `tenants` soon; returns at once."""
        self._pending |= tenants
        if self._pending:
            self._wake.set()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            tenants, self._pending = self._pending, set()
            try:
                async with asyncio.timeout(TIMEOUT_SECONDS * 2):
                    pipe = self._redis.pipeline(transaction=False)
                    for tenant_id in sorted(tenants):
                        pipe.publish(self.channel, str(tenant_id))
                    await pipe.execute()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis away: the stream's poll finds these events
                if not self._failing:
                    logger.warning("event_signal_publish_failed", error=repr(exc))
                self._failing = True
            else:
                if self._failing:
                    logger.info("event_signal_publish_recovered")
                self._failing = False


@asynccontextmanager
async def publishing(redis_url: str | None) -> AsyncIterator[EventPublisher | None]:
    """This process's publisher while the block runs; None (nothing published) without a
    Redis URL."""
    if redis_url is None:
        yield None
        return
    publisher = EventPublisher(redis_url)
    await publisher.start()
    try:
        yield publisher
    finally:
        await publisher.stop()


def session_info(publisher: EventPublisher | None) -> dict[str, Any]:
    """What a sessionmaker's `info` holds so that its sessions publish their events' tenants."""
    return {} if publisher is None else {_PUBLISHER: publisher}


def announce_after_commit(session: AsyncSession, tenant_id: uuid.UUID | None) -> None:
    """Publish `tenant_id` once `session`'s unit of work commits (nothing if it rolls back,
    or if its sessions publish nothing); once per tenant and transaction."""
    publisher = session.info.get(_PUBLISHER)
    if not isinstance(publisher, EventPublisher) or tenant_id is None:
        return
    tenants: set[uuid.UUID] | None = session.info.get(_TENANTS)
    if tenants is None:
        tenants = session.info[_TENANTS] = set()
        recorded = tenants

        async def publish() -> None:
            publisher.announce(recorded)

        on_commit(session, publish)
    tenants.add(tenant_id)


class EventSubscriber:
    """Calls `handler` with each published tenant id; resubscribes with backoff when the
    subscription drops, and then calls it once with `*` (anything may have been missed)."""

    def __init__(self, redis_url: str, handler: Handler) -> None:
        self.redis_url = redis_url
        self.channel = channel_for(redis_url)
        self.handler = handler
        self.subscribed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="event-subscriber")
        # Wait briefly so that events committed right after start-up are not missed.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.subscribed.wait(), timeout=5)

    async def stop(self) -> None:
        await background.cancel(self._task)

    async def _run(self) -> None:
        delay = FIRST_RETRY_SECONDS
        missed = False
        while True:
            redis = _client(self.redis_url)
            try:
                async with redis.pubsub() as pubsub:
                    await pubsub.subscribe(self.channel)
                    # Subscribed once Redis confirms it, not when the command is sent.
                    while await pubsub.get_message(timeout=TIMEOUT_SECONDS) is None:
                        pass
                    self.subscribed.set()
                    delay = FIRST_RETRY_SECONDS
                    if missed:
                        logger.info("event_subscriber_resubscribed")
                        self.handler("*")
                    await self._listen(pubsub)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # any loss of the subscription: resubscribe
                self.subscribed.clear()
                missed = True
                logger.warning("event_subscriber_reconnecting", error=repr(exc), delay=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, LAST_RETRY_SECONDS)
            finally:
                await redis.aclose()

    async def _listen(self, pubsub: PubSub) -> None:
        loop = asyncio.get_running_loop()
        heard = pinged = loop.time()
        while True:
            message = await pubsub.get_message(timeout=TIMEOUT_SECONDS)
            now = loop.time()
            if message is None:
                # A connection gone without a word (a host that vanished) answers no ping.
                if now - heard > 2 * HEALTH_CHECK_SECONDS:
                    raise ConnectionError("Redis did not answer a ping")
                if now - pinged > HEALTH_CHECK_SECONDS:
                    await pubsub.ping()
                    pinged = now
                continue
            heard = now
            if message["type"] == "message":
                data = message["data"]
                self.handler(data.decode() if isinstance(data, bytes) else str(data))


@asynccontextmanager
async def subscribed(redis_url: str, handler: Handler) -> AsyncIterator[EventSubscriber]:
    """A subscription calling `handler` while the block runs."""
    subscriber = EventSubscriber(redis_url, handler)
    await subscriber.start()
    try:
        yield subscriber
    finally:
        await subscriber.stop()
