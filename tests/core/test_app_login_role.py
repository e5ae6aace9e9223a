"""HIRELINE_APP_DATABASE_URL: the app connects as a LOGIN role of its own, a member of the
app role that owns nothing, so not even SQL text reaching the database can become the owner."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import psycopg
import pytest
from psycopg import sql
from pydantic import SecretStr
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.database_url import libpq_url
from hireline.main import create_app, with_edge_cache
from hireline.settings import Settings
from tests.conftest import truncate_all
from tests.databases import roles_lock
from tests.identity.helpers import bearer, sign_up


@pytest.fixture
def login_url(database_url: str) -> Iterator[str]:
    """A login role that is only a member of the app role, and its URL."""
    name = f"hireline_login_{uuid.uuid4().hex[:8]}"
    with roles_lock(database_url), psycopg.connect(libpq_url(database_url)) as connection:
        connection.autocommit = True
        connection.execute(
            sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER NOBYPASSRLS IN ROLE hireline_app").format(
                sql.Identifier(name)
            )
        )
    try:
        yield make_url(database_url).set(username=name).render_as_string(hide_password=False)
    finally:
        with roles_lock(database_url), psycopg.connect(libpq_url(database_url)) as connection:
            connection.autocommit = True
            connection.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(name)))
            connection.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))


@pytest.fixture
async def login_client(
    settings: Settings, login_url: str, engine: AsyncEngine
) -> AsyncIterator[tuple[httpx.AsyncClient, AsyncEngine]]:
    app = create_app(settings.model_copy(update={"app_database_url": SecretStr(login_url)}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=with_edge_cache(app), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client, app.state.engine
    await truncate_all(engine)


async def test_the_app_works_as_the_login_role(
    login_client: tuple[httpx.AsyncClient, AsyncEngine], login_url: str
) -> None:
    client, app_engine = login_client
    assert app_engine.url.username == make_url(login_url).username
    owner = await sign_up(client, f"login-{uuid.uuid4().hex[:6]}")
    jobs = await client.get("/v1/jobs", headers=bearer(owner["access_token"]))
    assert jobs.status_code == 200


def test_the_login_role_cannot_become_the_owner_or_see_across_tenants(
    login_url: str, database_url: str
) -> None:
    owner = make_url(database_url).username or "postgres"
    tenant = uuid.uuid4()
    with psycopg.connect(libpq_url(database_url), autocommit=True) as connection:
        connection.execute(
            "INSERT INTO tenants (id, name, slug) VALUES (%s, 'Other', %s)",
            (tenant, f"other-{tenant.hex[:8]}"),
        )
        connection.execute(
            "INSERT INTO domain_events (tenant_id, type, payload) VALUES (%s, 'job.created', '{}')",
            (tenant,),
        )
    try:
        with psycopg.connect(libpq_url(login_url)) as connection:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(owner)))
            connection.rollback()
            # No tenant entered: row-level security shows none of the other tenant's rows.
            assert connection.execute("SELECT count(*) FROM domain_events").fetchone() == (0,)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute("ALTER TABLE domain_events DISABLE ROW LEVEL SECURITY")
    finally:
        with psycopg.connect(libpq_url(database_url), autocommit=True) as connection:
            connection.execute("DELETE FROM domain_events WHERE tenant_id = %s", (tenant,))
            connection.execute("DELETE FROM tenants WHERE id = %s", (tenant,))
