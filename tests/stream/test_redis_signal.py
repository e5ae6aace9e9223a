"""The live stream woken through Redis pub/sub (`HIRELINE_STREAM_SIGNAL=redis`, ADR 0028):
real `hireline serve` processes on the suite's database and this worker's Redis database."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from hireline.candidates.events import CandidateEvent
from hireline.core import event_signal, events
from hireline.core.db import create_sessionmaker, unit_of_work
from hireline.settings import ConfigurationError, Settings, load_settings
from tests.identity.helpers import bearer, sign_up
from tests.served import HIRELINE, free_port, wait_ready
from tests.stream.test_live_stream import _applied, _move, _next, _open

REDIS_URL = os.environ.get("REDIS_URL")
pytestmark = pytest.mark.skipif(REDIS_URL is None, reason="REDIS_URL is not set")
# Long enough that only a signal can deliver within the test's second.
NO_POLL = "3600"
POLL_SECONDS = 1.0


@contextmanager
def _server(settings: Settings, name: str, **variables: str) -> Iterator[str]:
    """Another API process with the Redis signal; yields its base URL."""
    assert settings.database_url is not None
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {name: value for name, value in os.environ.items() if not name.startswith("HIRELINE_")}
    env |= {
        "DATABASE_URL": settings.database_url.get_secret_value(),
        "HIRELINE_DATA_DIR": str(settings.data_dir),
        "HIRELINE_PORT": str(port),
        "HIRELINE_ENVIRONMENT": "test",
        "HIRELINE_LOG_LEVEL": "ERROR",
        "HIRELINE_RUN_WORKER_IN_API": "false",
        "HIRELINE_STREAM_SIGNAL": "redis",
        **variables,
    }
    log = Path(settings.data_dir) / f"redis-signal-{name}.log"
    with log.open("ab") as errors:
        process = subprocess.Popen(
            [str(HIRELINE), "serve", "--no-migrate", "--no-demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            wait_ready(base, process, deadline_s=120)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def process_a(settings: Settings) -> Iterator[str]:
    with _server(settings, "a", HIRELINE_STREAM_POLL_SECONDS=NO_POLL) as base:
        yield base


@pytest.fixture(scope="module")
def process_b(settings: Settings) -> Iterator[str]:
    with _server(settings, "b", HIRELINE_STREAM_POLL_SECONDS=NO_POLL) as base:
        yield base


@pytest.fixture(scope="module")
def polling_process(settings: Settings) -> Iterator[str]:
    with _server(settings, "poll", HIRELINE_STREAM_POLL_SECONDS=str(POLL_SECONDS)) as base:
        yield base


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    assert REDIS_URL is not None
    client = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


def _ws(base: str) -> str:
    return base.replace("http", "ws", 1) + "/v1/events/stream"


async def test_a_move_made_through_one_process_reaches_a_client_of_another_within_a_second(
    process_a: str,
    process_b: str,
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    redis: Redis,
) -> None:
    assert REDIS_URL is not None
    channel = event_signal.channel_for(REDIS_URL)
    # Both API processes listen on Redis (neither on PostgreSQL: HIRELINE_STREAM_SIGNAL).
    [(_, subscribers)] = await redis.pubsub_numsub(channel)
    assert subscribers >= 2
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job, application = await _applied(committing_client, owner, "acme")
    stages = [stage["id"] for stage in job["stages"]]
    async with engine.connect() as connection:
        tenant_id = await connection.scalar(text("SELECT id FROM tenants WHERE slug = 'acme'"))

    async with (
        redis.pubsub() as watch,
        httpx.AsyncClient(base_url=process_b) as through_b,
        _open(_ws(process_a), committing_client, owner) as socket,
    ):
        await watch.subscribe(channel)
        await watch.get_message(timeout=5)  # the confirmation
        await _move(through_b, owner, application, stages[1])
        committed = time.monotonic()
        message = await _next(socket)
        elapsed = time.monotonic() - committed
        print(f"commit in B to push from A: {elapsed * 1000:.0f} ms")
        assert message["data"]["application_id"] == application
        assert message["data"]["to_stage_id"] == stages[1]
        assert elapsed < 1.0
        # What woke A: B published the organisation, after its commit.
        published = await _published(watch)
        assert str(tenant_id) in published


async def test_without_a_signal_the_poll_delivers_within_its_interval(
    polling_process: str, committing_client: httpx.AsyncClient
) -> None:
    # This process's app signals through PostgreSQL, which the polling process does not
    # listen to: nothing is published on Redis for this move, as if the message were lost.
    owner = bearer((await sign_up(committing_client, "acme"))["access_token"])
    job, application = await _applied(committing_client, owner, "acme")
    stages = [stage["id"] for stage in job["stages"]]
    async with _open(_ws(polling_process), committing_client, owner) as socket:
        await _move(committing_client, owner, application, stages[1])
        committed = time.monotonic()
        message = await _next(socket)
        elapsed = time.monotonic() - committed
        print(f"commit to push by poll: {elapsed * 1000:.0f} ms")
        assert message["data"]["to_stage_id"] == stages[1]
        assert elapsed < POLL_SECONDS + 2.0  # the beat, and a loaded machine's read


async def test_a_transaction_publishes_its_tenants_once_after_commit_and_never_on_rollback(
    engine: AsyncEngine, committing_client: httpx.AsyncClient
) -> None:
    assert REDIS_URL is not None
    received: list[str] = []
    tenant, other, rolled_back = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with (
        event_signal.subscribed(REDIS_URL, received.append),
        event_signal.publishing(REDIS_URL) as publisher,
    ):
        sessions = create_sessionmaker(engine, info=event_signal.session_info(publisher))
        async with unit_of_work(sessions) as session:
            for tenant_id in (tenant, tenant, other):
                await _record(session, tenant_id)
            await asyncio.sleep(0.3)
            assert received == []  # nothing before the commit
        with pytest.raises(RuntimeError):
            async with unit_of_work(sessions) as session:
                await _record(session, rolled_back)
                raise RuntimeError("rolled back")
        await _until(lambda: len(received) >= 2)
        await asyncio.sleep(0.3)
    assert sorted(received) == sorted([str(tenant), str(other)])


async def test_a_redis_that_is_down_neither_fails_nor_slows_the_commit(
    engine: AsyncEngine, committing_client: httpx.AsyncClient
) -> None:
    down = f"redis://127.0.0.1:{free_port()}/0"
    async with event_signal.publishing(down) as publisher:
        sessions = create_sessionmaker(engine, info=event_signal.session_info(publisher))
        started = time.monotonic()
        async with unit_of_work(sessions) as session:
            await _record(session, tenant_id := uuid.uuid4())
        assert time.monotonic() - started < event_signal.TIMEOUT_SECONDS
    async with engine.connect() as connection:
        kept = await connection.scalar(
            text("SELECT count(*) FROM domain_events WHERE tenant_id = :t"), {"t": tenant_id}
        )
    assert kept == 1


async def test_a_dropped_subscription_resubscribes_and_signals_every_tenant_once(
    redis: Redis,
) -> None:
    assert REDIS_URL is not None
    received: list[str] = []
    async with event_signal.subscribed(REDIS_URL, received.append) as subscriber:
        assert subscriber.subscribed.is_set()
        name = f"{event_signal.CLIENT_NAME}-{os.getpid()}"
        [ours] = [
            client
            for client in await redis.client_list(_type="pubsub")
            if client["name"] == name and client.get("sub") == "1"
        ]
        await redis.client_kill_filter(_id=ours["id"])
        await _until(lambda: "*" in received)
        assert received == ["*"]
        tenant_id = str(uuid.uuid4())
        await redis.publish(subscriber.channel, tenant_id)
        await _until(lambda: tenant_id in received)
    assert received == ["*", tenant_id]


def test_the_redis_signal_without_redis_is_refused_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in list(os.environ):
        if name.startswith("HIRELINE_") or name in {"DATABASE_URL", "REDIS_URL"}:
            monkeypatch.delenv(name)
    monkeypatch.setenv("HIRELINE_STREAM_SIGNAL", "redis")
    with pytest.raises(ConfigurationError, match="HIRELINE_STREAM_SIGNAL=redis needs REDIS_URL"):
        load_settings()
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert load_settings().stream_signal == "redis"
    monkeypatch.setenv("HIRELINE_STREAM_SIGNAL", "kafka")
    with pytest.raises(ConfigurationError, match="HIRELINE_STREAM_SIGNAL"):
        load_settings()

    monkeypatch.delenv("REDIS_URL")
    monkeypatch.setenv("HIRELINE_STREAM_SIGNAL", "redis")
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path))
    refused = subprocess.run(
        [str(HIRELINE), "serve", "--no-migrate", "--no-demo"],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        "configuration error: invalid setting(s): HIRELINE_STREAM_SIGNAL=redis needs REDIS_URL"
        " to be set"
    ]


async def _record(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    await events.record(
        session, type=CandidateEvent.APPLICATION_STAGE_CHANGED, payload={}, tenant_id=tenant_id
    )


async def _published(watch: PubSub) -> list[str]:
    """What was published on the watched channel, until it falls quiet."""
    found: list[str] = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        message = await watch.get_message(ignore_subscribe_messages=True, timeout=0.2)
        if message is None:
            if found:
                break
            continue
        found.append(message["data"].decode())
    return found


async def _until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("not in time")
        await asyncio.sleep(0.05)
