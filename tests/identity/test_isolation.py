"""Row-level security keeps tenants apart even when a query forgets to filter."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from hireline.core.tenancy import enter_tenant
from tests.identity.helpers import bearer, sign_up
from tests.jobs import helpers as jobs
from tests.offers import helpers as offers

# Any write transaction on the server holds the feed back until it ends (ADR 0028); a
# shared test server runs other suites' long ones.
POLL_SECONDS = 180

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
    "email_templates",
    "careers_branding",
    "interview_plans",
    "plan_interviews",
    "interviews",
    "interview_panelists",
    "scorecards",
    "scorecard_versions",
    "interviewer_availability",
    "offers",
    "offer_approvals",
    "offer_letter_templates",
    "candidate_notes",
    "saved_searches",
    "import_records",
    "import_runs",
    "analytics_daily",
    "analytics_stage_daily",
    "analytics_dropoffs",
    "analytics_health",
    "analytics_refreshes",
    "retention_policies",
    "retention_notices",
    "retention_consents",
    "changes",
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


async def test_web_settings_routes_do_not_reach_another_organisations_ids(
    client: httpx.AsyncClient,
) -> None:
    """Every id route of /app/settings answers 404 for another organisation's ids."""
    from tests.web.helpers import csrf_token, web_sign_in

    acme = bearer((await sign_up(client, "acme"))["access_token"])
    key = await client.post(
        "/v1/api-keys", json={"name": "k", "scopes": ["jobs:read"]}, headers=acme
    )
    oauth = await client.post(
        "/v1/oauth-clients", json={"name": "c", "scopes": ["jobs:read"]}, headers=acme
    )
    hook = await client.post(
        "/v1/webhooks/endpoints",
        json={"url": "https://hooks.example.com/a", "event_types": ["*"]},
        headers=acme,
    )
    test = await client.post(f"/v1/webhooks/endpoints/{hook.json()['id']}/test", headers=acme)
    acme_owner = (await client.get("/v1/me", headers=acme)).json()["user"]["id"]
    await sign_up(client, "globex")
    await web_sign_in(client, "owner@globex.example")
    token = csrf_token((await client.get("/app/settings/members")).text)
    endpoint = hook.json()["id"]
    for path, data in (
        (f"/app/settings/members/{acme_owner}/role", {"role": "admin"}),
        (f"/app/settings/members/{acme_owner}/remove", {}),
        (f"/app/settings/api-keys/{key.json()['id']}/revoke", {}),
        (f"/app/settings/oauth-clients/{oauth.json()['id']}/revoke", {}),
        (f"/app/settings/webhooks/{endpoint}/enabled", {}),
        (f"/app/settings/webhooks/{endpoint}/test", {}),
        (f"/app/settings/webhooks/{endpoint}/delete", {}),
        (f"/app/settings/webhooks/{endpoint}/deliveries/{test.json()['id']}/retry", {}),
    ):
        response = await client.post(path, data=data | {"csrf_token": token})
        assert response.status_code == 404, path
    assert (await client.get(f"/app/settings/webhooks/{endpoint}")).status_code == 404
    assert (await client.get("/v1/api-keys", headers=acme)).json()[0]["revoked_at"] is None
    assert (await client.get(f"/v1/webhooks/endpoints/{endpoint}", headers=acme)).json()["enabled"]


async def test_web_job_setup_routes_do_not_reach_another_organisations_jobs(
    client: httpx.AsyncClient,
) -> None:
    """The job editor's stage and location routes answer 404 for another organisation's job
    and stages, and change nothing there."""
    from tests.web.helpers import csrf_token, web_sign_in

    acme = bearer((await sign_up(client, "acme"))["access_token"])
    job = await jobs.open_job(client, acme)
    stage = job["stages"][1]["id"]
    await sign_up(client, "globex")
    await web_sign_in(client, "owner@globex.example")
    token = csrf_token((await client.get("/app/jobs")).text)
    base = f"/app/jobs/{job['id']}"
    for path, data in (
        (f"{base}/stages/add", {"name": "Theirs"}),
        (f"{base}/stages/{stage}/rename", {"name": "Theirs"}),
        (f"{base}/stages/{stage}/move", {"direction": "up"}),
        (f"{base}/stages/{stage}/remove", {}),
        (f"{base}/locations/add", {"mode": "remote"}),
        (f"{base}/locations/0/remove", {}),
    ):
        response = await client.post(path, data=data | {"csrf_token": token})
        assert response.status_code == 404, path
    assert (await client.get(f"{base}/edit")).status_code == 404
    after = (await client.get(f"/v1/jobs/{job['id']}", headers=acme)).json()
    assert after["stages"] == job["stages"]
    assert after["locations"] == job["locations"]


async def test_another_tenants_offers_are_404_on_every_offer_route(
    client: httpx.AsyncClient,
) -> None:
    acme = await sign_up(client, "acme")
    globex = await sign_up(client, "globex")
    acme_headers = bearer(acme["access_token"])
    stranger = bearer(globex["access_token"])
    acme_owner = (await client.get("/v1/me", headers=acme_headers)).json()["user"]["id"]
    globex_owner = (await client.get("/v1/me", headers=stranger)).json()["user"]["id"]
    made = await offers.offer(client, "acme", acme_headers, acme_owner)
    custom = await client.put(
        "/v1/offer-templates/acme-only",
        json={"name": "Acme", "body": "Dear {{ candidate_name }}"},
        headers=acme_headers,
    )
    assert custom.status_code == 200, custom.text
    offer_id, application_id = made["offer"]["id"], made["application_id"]
    job_id = made["job"]["id"]
    probes = [
        ("GET", f"/v1/offers/{offer_id}", None),
        ("GET", f"/v1/offers/{offer_id}/letter", None),
        ("POST", f"/v1/offers/{offer_id}/approval", {"decision": "approve"}),
        ("POST", f"/v1/offers/{offer_id}/send", None),
        ("POST", f"/v1/offers/{offer_id}/accept", {}),
        ("POST", f"/v1/offers/{offer_id}/decline", {}),
        ("GET", f"/v1/applications/{application_id}/offers", None),
        ("GET", f"/v1/applications/{application_id}/offer-band", None),
        (
            "POST",
            f"/v1/applications/{application_id}/offers",
            offers.terms([globex_owner]),
        ),
        ("POST", f"/v1/jobs/{job_id}/reject-remaining", {"reason": "position_filled"}),
    ]
    for method, path, body in probes:
        response = await client.request(method, path, json=body, headers=stranger)
        assert response.status_code == 404, (method, path, response.text)
    theirs = await client.get("/v1/offer-templates/acme-only", headers=stranger)
    assert theirs.status_code == 404
    listed = await client.get("/v1/offers", headers=stranger)
    assert listed.json()["items"] == []
    # The owner's own view is intact.
    mine = await client.get(f"/v1/offers/{offer_id}", headers=acme_headers)
    assert mine.status_code == 200


async def test_another_tenants_import_is_404(client: httpx.AsyncClient) -> None:
    acme = bearer((await sign_up(client, "acme"))["access_token"])
    globex = bearer((await sign_up(client, "globex"))["access_token"])
    started = await client.post(
        "/v1/imports",
        data={"source": "csv", "dry_run": "true"},
        files={
            "export": ("people.csv", b"Name,Job\nAda,Engineer\n", "text/csv"),
            "mapping": (
                "m.json",
                b'{"columns": {"name": "Name", "job": "Job"}}',
                "application/json",
            ),
        },
        headers=acme,
    )
    assert started.status_code == 202, started.text
    path = f"/v1/imports/{started.json()['id']}"
    assert (await client.get(path, headers=globex)).status_code == 404
    assert (await client.get(path, headers=acme)).status_code == 200


async def test_another_tenants_change_feed_cursor_reads_only_ones_own_changes(
    committing_client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    acme = bearer((await sign_up(committing_client, "acme"))["access_token"])
    async with engine.begin() as connection:  # polling would meet the free plan's limit
        await connection.execute(
            text("UPDATE tenants SET rate_limit_per_minute = 1000000 WHERE slug = 'acme'")
        )
    made = await jobs.create_job(committing_client, acme)
    # Acme's own feed has the job (polled: another transaction on the server may hold it).
    deadline = time.monotonic() + POLL_SECONDS
    theirs: dict[str, Any] = {"items": []}
    while made["id"] not in str(theirs["items"]) and time.monotonic() < deadline:
        await asyncio.sleep(0.5)  # a poll's pause, inside the plan's rate limit
        polled = await committing_client.get("/v1/changes", headers=acme)
        assert polled.status_code == 200, polled.text
        theirs = polled.json()
    assert made["id"] in str(theirs["items"])
    stranger = bearer((await sign_up(committing_client, "globex"))["access_token"])
    # A cursor is a position, not a permission: from acme's, globex still reads only its own.
    for since in (None, theirs["next_cursor"]):
        params = {"since": since} if since else {}
        page = await committing_client.get("/v1/changes", params=params, headers=stranger)
        assert page.status_code == 200, page.text
        assert made["id"] not in str(page.json()["items"])
