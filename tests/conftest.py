"""Test fixtures: one fresh database per run, built by the migrations, dropped at the end.

With DATABASE_URL set (CI), the run creates its own database on that server; without it,
an embedded PostgreSQL is started in a temporary directory and deleted afterwards.

Under pytest-xdist (`make test`) every worker is a process with its own session: its own
database, temporary directories (so its own file store), and Redis database. Tests that
cannot share the machine with another worker are gathered in one `xdist_group`.

The factories and the shared `owner` fixture live in `tests/fixtures/`.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from hireline.core import embedded_postgres
from hireline.core.db import create_engine
from hireline.main import create_app, with_edge_cache
from hireline.settings import Settings
from tests.databases import migrate, scratch_database, worker_index

pytest_plugins = ["tests.fixtures.plugin"]

# Tables kept between tests by the committing fixtures are emptied after each of them.
KEEP_TABLES = {"alembic_version"}

# Tests that must not run beside another worker: one xdist group, so that `--dist loadgroup`
# runs them one after another on one worker. Embedded PostgreSQL servers and browsers take
# the machine's memory and cores; the relay's brokers (NATS, RabbitMQ) are one per machine;
# the chaos and worker-kill tests time how fast things recover; a login role is cluster-wide.
SERIAL_GROUP = "serial"
SERIAL_MARKERS = {"embedded", "fuzz"}
SERIAL_FILES = {
    "tests/core/test_app_login_role.py",
    "tests/e2e/test_browser_apply.py",
    "tests/e2e/test_chaos.py",
    "tests/e2e/test_serve_supervision.py",
    "tests/e2e/test_webhook_worker_kill.py",
    "tests/e2e/test_worker_kill.py",
    "tests/matching/test_scoring.py",  # the pgvector server (embedded where CI's lacks it)
    "tests/matching/test_semantic_matching.py",
    "tests/outbox/test_relay.py",
}
SERIAL_PREFIXES = ("tests/web/test_browser_", "tests/fuzz/")
# Where a worker's Redis database is not REDIS_URL's + its index: one number per worker,
# comma-separated (a shared Redis whose neighbouring databases belong to others).
REDIS_DBS_VARIABLE = "TEST_REDIS_DBS"


def pytest_configure(config: pytest.Config) -> None:
    """Give this xdist worker a Redis database of its own (subprocesses inherit it)."""
    # Registered here too, for runs with `-p no:xdist` (the marker is then a no-op).
    config.addinivalue_line("markers", "xdist_group(name): run on one worker with the group")
    configured = os.environ.get("REDIS_URL")
    if configured:
        os.environ["REDIS_URL"] = worker_redis_url(configured, worker_index())


def worker_redis_url(url: str, index: int) -> str:
    """REDIS_URL for the worker `index`: the database from TEST_REDIS_DBS, else base + index."""
    parts = urlsplit(url)
    listed = [n.strip() for n in os.environ.get(REDIS_DBS_VARIABLE, "").split(",") if n.strip()]
    if listed:
        database = int(listed[index % len(listed)])
    else:
        database = int(parts.path.strip("/") or 0) + index
    return urlunsplit(parts._replace(path=f"/{database}"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    for item in items:
        path = item.path.relative_to(root).as_posix()
        if (
            path in SERIAL_FILES
            or path.startswith(SERIAL_PREFIXES)
            or SERIAL_MARKERS & {mark.name for mark in item.iter_markers()}
        ):
            item.add_marker(pytest.mark.xdist_group(SERIAL_GROUP))


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL server URL whose user may create databases."""
    configured = os.environ.get("DATABASE_URL")
    if configured:
        yield configured
        return
    server = embedded_postgres.start(tmp_path_factory.mktemp("embedded-pg"), delete_on_stop=True)
    try:
        yield server.url
    finally:
        server.stop()


@contextmanager
def migrated_database(server_url: str) -> Iterator[str]:
    """A new database on the server, migrated to head, dropped at the end of the block."""
    with scratch_database(server_url) as url:
        migrate(url)
        yield url


@pytest.fixture(scope="session")
def database_url(server_url: str) -> Iterator[str]:
    """A database of this run's own, migrated to head, dropped at the end."""
    with migrated_database(server_url) as url:
        yield url


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data_dir: Path = tmp_path_factory.mktemp("data")
    return Settings(
        database_url=database_url,
        redis_url=os.environ.get("REDIS_URL"),
        environment="test",
        data_dir=data_dir,
        log_format="console",
        log_level="WARNING",
        # The suite shares one client address; the rate-limit tests set their own limits.
        rate_limit_anonymous_per_minute=1_000_000,
        login_failures_per_15_minutes=1_000_000,
        # Tests read and age `web_sessions` rows; tests/web/test_redis_sessions.py uses Redis.
        web_session_store="postgresql",
        # Workers drained by tests run what is due now; an undo test sets its own delay.
        rejection_mail_delay_seconds=0,
    )


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    """The schema owner's engine: sees every tenant's rows, for arranging and asserting."""
    assert settings.database_url is not None
    engine = create_engine(settings.database_url.get_secret_value(), pool_size=5)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def connection(app: FastAPI) -> AsyncIterator[AsyncConnection]:
    """An app connection (row-level security applies) in a transaction rolled back after."""
    app_engine: AsyncEngine = app.state.engine
    async with app_engine.connect() as connection:
        transaction = await connection.begin()
        try:
            yield connection
        finally:
            await transaction.rollback()


@pytest.fixture
async def db_session(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    """A session whose commits become savepoints of the test's outer transaction."""
    sessions = async_sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )
    async with sessions() as session:
        yield session


@pytest.fixture
async def client(app: FastAPI, connection: AsyncConnection) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client whose requests' transactions are rolled back after the test."""
    original = app.state.sessions
    # Rolled-back tests never commit, so their changes never announce themselves: start clean.
    app.state.board_cache.invalidate_tenant("*")
    app.state.sessions = async_sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )
    try:
        async with _client_for(app) as http:
            yield http
    finally:
        app.state.sessions = original


@pytest.fixture
async def committing_client(app: FastAPI, engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client whose requests really commit (for concurrency and worker tests)."""
    app.state.board_cache.invalidate_tenant("*")
    async with _client_for(app) as http:
        yield http
    await truncate_all(engine)


def _client_for(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=with_edge_cache(app), raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def truncate_all(engine: AsyncEngine) -> None:
    """Empty every table the tests may have committed rows to."""
    async with engine.begin() as connection:
        rows = await connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        )
        tables = [name for (name,) in rows if name not in KEEP_TABLES]
        if tables:
            quoted = ", ".join(f'"{name}"' for name in tables)
            await connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
