"""Row-level security keeps tenants apart even when a query forgets to filter."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.tenancy import enter_tenant
from tests.identity.helpers import bearer, sign_up

TENANT_TABLES = (
    "memberships",
    "invitations",
    "refresh_tokens",
    "api_keys",
    "oauth_clients",
    "audit_log",
    "api_usage",
    "idempotency_keys",
    "domain_events",
    "candidate_notes",
    "saved_searches",
)


async def test_app_role_is_neither_superuser_nor_owner(db_session: AsyncSession) -> None:
    role = (
        await db_session.execute(
            text(
                "SELECT current_user, rolsuper, rolbypassrls FROM pg_roles "
                "WHERE rolname = current_user"
            )
        )
    ).one()
    assert role.current_user == "hireline_app"
    assert role.rolsuper is False
    assert role.rolbypassrls is False
    owners = (
        await db_session.execute(
            text("SELECT DISTINCT tableowner FROM pg_tables WHERE tablename = ANY(:tables)"),
            {"tables": list(TENANT_TABLES)},
        )
    ).scalars()
    assert "hireline_app" not in set(owners)


async def test_every_tenant_table_forces_row_level_security(db_session: AsyncSession) -> None:
    rows = (
        await db_session.execute(
            text(
                "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
                "WHERE relname = ANY(:tables) AND relkind = 'r'"
            ),
            {"tables": list(TENANT_TABLES)},
        )
    ).all()
    assert {row.relname for row in rows} == set(TENANT_TABLES)
    assert all(row.relrowsecurity and row.relforcerowsecurity for row in rows)


async def test_unfiltered_raw_select_sees_only_the_current_tenant(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    acme = await sign_up(client, "acme")
    globex = await sign_up(client, "globex")
    acme_id = uuid.UUID(acme["tenant"]["id"])
    globex_id = uuid.UUID(globex["tenant"]["id"])

    # The requests above ran in this test's outer transaction; clear what they set, as the
    # end of their own transactions would have in production.
    for setting in ("app.tenant_id", "app.user_id", "app.credential_lookup"):
        await db_session.execute(text("SELECT set_config(:name, '', true)"), {"name": setting})
    # No tenant entered: a query that forgot its filter sees nothing at all.
    for table in TENANT_TABLES:
        count = (await db_session.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one()
        assert count == 0, table

    await enter_tenant(db_session, acme_id)
    tenants_seen = set(
        (await db_session.execute(text("SELECT DISTINCT tenant_id FROM audit_log"))).scalars()
    )
    assert tenants_seen == {acme_id}
    other = await db_session.execute(
        text("SELECT * FROM refresh_tokens WHERE tenant_id = :other"), {"other": globex_id}
    )
    assert other.all() == []


async def test_writing_into_another_tenant_is_refused(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    acme = await sign_up(client, "acme")
    globex = await sign_up(client, "globex")
    await enter_tenant(db_session, uuid.UUID(acme["tenant"]["id"]))
    savepoint = await db_session.begin_nested()
    with pytest.raises(DBAPIError, match="row-level security"):
        await db_session.execute(
            text(
                "INSERT INTO audit_log (tenant_id, actor_type, action) "
                "VALUES (:tenant, 'user', 'forged')"
            ),
            {"tenant": globex["tenant"]["id"]},
        )
    await savepoint.rollback()
    me = await client.get("/v1/me", headers=bearer(globex["access_token"]))
    assert me.json()["tenant"]["slug"] == "globex"
