"""A Hireline with semantic matching on, over a PostgreSQL that has pgvector.

The configured server (CI's Debian PostgreSQL) may lack the `vector` extension; then the
run starts an embedded PostgreSQL (which has it) for these tests, so that they run everywhere
rather than being skipped where pgvector is missing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import psycopg
import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core import embedded_postgres
from hireline.core.database_url import libpq_url
from hireline.core.db import create_engine
from hireline.core.queue import WorkerState
from hireline.main import create_app, with_edge_cache
from hireline.settings import Settings
from tests.conftest import migrated_database, truncate_all


def has_pgvector(server_url: str) -> bool:
    with psycopg.connect(libpq_url(server_url), autocommit=True) as connection:
        found = connection.execute(
            "SELECT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'vector')"
        ).fetchone()
    return bool(found and found[0])


@pytest.fixture(scope="session")
def vector_server_url(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The configured server if it offers pgvector, else an embedded one of this run's."""
    if has_pgvector(server_url):
        yield server_url
        return
    server = embedded_postgres.start(tmp_path_factory.mktemp("vector-pg"), delete_on_stop=True)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def semantic_settings(vector_server_url: str, settings: Settings) -> Iterator[Settings]:
    with migrated_database(vector_server_url) as url:
        yield settings.model_copy(
            update={"database_url": SecretStr(url), "semantic_matching": True}
        )


@pytest.fixture(scope="session")
async def semantic_app(semantic_settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(semantic_settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="session")
async def semantic_engine(semantic_settings: Settings) -> AsyncIterator[AsyncEngine]:
    """The schema owner's engine on the pgvector database."""
    assert semantic_settings.database_url is not None
    engine = create_engine(semantic_settings.database_url.get_secret_value(), pool_size=2)
    yield engine
    await engine.dispose()


@pytest.fixture
def semantic_state(semantic_app: FastAPI, semantic_settings: Settings) -> WorkerState:
    return WorkerState(sessions=semantic_app.state.sessions, settings=semantic_settings)


@pytest.fixture
async def semantic_client(
    semantic_app: FastAPI, semantic_engine: AsyncEngine
) -> AsyncIterator[httpx.AsyncClient]:
    """A committing HTTP client of the semantic Hireline; its tables are emptied after."""
    semantic_app.state.board_cache.invalidate_tenant("*")
    transport = httpx.ASGITransport(app=with_edge_cache(semantic_app), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
    await truncate_all(semantic_engine)
