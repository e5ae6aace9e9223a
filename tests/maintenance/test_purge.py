"""The daily purge deletes expired records of every tenant, keeps the rest, and works as a
role that can see nothing else."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from hireline.cli import app as cli_app
from hireline.core.database_url import libpq_url
from hireline.core.queue import queue
from hireline.maintenance import tasks
from hireline.maintenance.purge import PURGER_ROLE, purge
from hireline.settings import get_settings

OLD, RECENT = "now() - interval '200 days'", "now() - interval '1 day'"


async def _seed(connection: psycopg.AsyncConnection, tenant: uuid.UUID, plan: str) -> None:
    await connection.execute(
        "INSERT INTO tenants (id, name, slug, plan) VALUES (%s, 'Purge', %s, %s)",
        (tenant, f"purge-{tenant.hex[:8]}", plan),
    )
    endpoint = uuid.uuid4()
    await connection.execute(
        "INSERT INTO webhook_endpoints (tenant_id, id, url, event_types, secret)"
        " VALUES (%s, %s, 'https://hooks.example.com/x', '{*}', 'whsec_x')",
        (tenant, endpoint),
    )
    for label, status, finished in (
        ("old-done", "succeeded", OLD),
        ("old-failed", "failed", OLD),
        ("recent-done", "succeeded", RECENT),
        ("old-pending", "pending", "NULL"),
    ):
        delivery = uuid.uuid4()
        await connection.execute(
            "INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_type, body, status,"
            f" finished_at, created_at) VALUES (%s, %s, %s, %s, '{{}}', %s, {finished}, {OLD})",
            (tenant, delivery, endpoint, label, status),
        )
        await connection.execute(
            "INSERT INTO webhook_attempts (tenant_id, delivery_id, number, attempted_at,"
            f" latency_ms) VALUES (%s, %s, 1, {OLD}, 10)",
            (tenant, delivery),
        )
    for days in (5, 120, 500):
        await connection.execute(
            "INSERT INTO api_usage (tenant_id, day, principal_type, principal_id, requests)"
            " VALUES (%s, current_date - %s, 'user', 'u1', 7)",
            (tenant, days),
        )
    for key, expires in (
        ("expired", "now() - interval '1 hour'"),
        ("live", "now() + interval '1 hour'"),
    ):
        await connection.execute(
            "INSERT INTO idempotency_keys (tenant_id, principal, key, request_digest, expires_at)"
            f" VALUES (%s, 'user:u1', %s, 'digest', {expires})",
            (tenant, key),
        )
        await connection.execute(
            f"INSERT INTO revoked_access_tokens (tenant_id, token_id, expires_at)"
            f" VALUES (%s, %s, {expires})",
            (tenant, key),
        )


async def _left(connection: psycopg.AsyncConnection, tenant: uuid.UUID) -> dict[str, object]:
    async def rows(query: str) -> list[object]:
        cursor = await connection.execute(query, (tenant,))
        return sorted(row[0] for row in await cursor.fetchall())

    return {
        "deliveries": await rows("SELECT event_type FROM webhook_deliveries WHERE tenant_id = %s"),
        "attempts": len(await rows("SELECT id FROM webhook_attempts WHERE tenant_id = %s")),
        "usage": await rows("SELECT current_date - day FROM api_usage WHERE tenant_id = %s"),
        "idempotency": await rows("SELECT key FROM idempotency_keys WHERE tenant_id = %s"),
        "revoked": await rows("SELECT token_id FROM revoked_access_tokens WHERE tenant_id = %s"),
    }


@pytest.fixture
async def tenants(database_url: str) -> AsyncIterator[tuple[uuid.UUID, uuid.UUID]]:
    free, team = uuid.uuid4(), uuid.uuid4()
    async with await psycopg.AsyncConnection.connect(libpq_url(database_url)) as connection:
        await _seed(connection, free, "free")
        await _seed(connection, team, "team")
    yield free, team
    async with await psycopg.AsyncConnection.connect(libpq_url(database_url)) as connection:
        await connection.execute("DELETE FROM tenants WHERE id = ANY(%s)", ([free, team],))


async def test_expired_records_of_every_tenant_go_and_the_rest_stay(
    database_url: str, tenants: tuple[uuid.UUID, uuid.UUID]
) -> None:
    report = await purge(database_url)
    free, team = tenants
    assert report.deleted["idempotency_keys"] >= 2
    async with await psycopg.AsyncConnection.connect(libpq_url(database_url)) as connection:
        for tenant, usage_kept in ((free, [5]), (team, [5, 120])):
            left = await _left(connection, tenant)
            assert left == {
                "deliveries": ["old-pending", "recent-done"],
                "attempts": 2,
                "usage": usage_kept,
                "idempotency": ["live"],
                "revoked": ["live"],
            }
    again = await purge(database_url)
    assert again.deleted["webhook_deliveries"] == 0  # nothing left to do: idempotent


async def test_the_purging_role_sees_nothing_else(database_url: str) -> None:
    async with await psycopg.AsyncConnection.connect(
        libpq_url(database_url), options=f"-c role={PURGER_ROLE}"
    ) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            await connection.execute("SELECT count(*) FROM candidates")
        await connection.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            await connection.execute("UPDATE api_usage SET requests = 0")


def test_the_purge_runs_daily() -> None:
    periodic = [
        task
        for task in queue.periodic_registry.periodic_tasks.values()
        if task.task.name == tasks.purge_daily.name
    ]
    assert [task.cron for task in periodic] == ["17 3 * * *"]


def test_the_command_reports_what_it_deleted(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli_app, ["purge"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "idempotency_keys" in result.output
    assert "deleted" in result.output
