"""Retention policies: set by owners and admins, and applied by the daily job: one notice,
then the erasure once the notice period is over, unless the person came back or consented."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.db import unit_of_work
from hireline.core.queue import WorkerState, defer, queue
from hireline.retention import tasks
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.identity.helpers import PASSWORD, bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain

POLICY = {"policies": [{"scope": "rejected", "erase_after_months": 6, "notice_days": 14}]}


@pytest.fixture
def state(app: FastAPI, settings: Settings, database_url: str) -> WorkerState:
    return WorkerState(sessions=app.state.sessions, settings=settings, owner_url=database_url)


async def _recruiter(client: httpx.AsyncClient, owner: dict[str, str]) -> dict[str, str]:
    invited = await client.post(
        "/v1/members",
        json={"email": "rec@acme.example", "role": "recruiter", "send_email": False},
        headers=owner,
    )
    joined = await client.post(
        invited.json()["accept_path"], json={"name": "Rec", "password": PASSWORD}
    )
    return bearer(joined.json()["access_token"])


async def test_owners_set_the_policies_and_recruiters_may_not(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    assert (await client.get("/v1/retention-policies", headers=owner)).json() == {"items": []}

    saved = await client.put("/v1/retention-policies", json=POLICY, headers=owner)

    assert saved.status_code == 200, saved.text
    [policy] = saved.json()["items"]
    assert policy | {"id": None, "updated_at": None} == POLICY["policies"][0] | {
        "id": None,
        "updated_at": None,
    }
    changed = await client.put(
        "/v1/retention-policies",
        json={"policies": [{"scope": "rejected", "erase_after_months": 12}]},
        headers=owner,
    )
    assert changed.json()["items"][0]["id"] == policy["id"]  # kept, with its notices
    assert changed.json()["items"][0]["notice_days"] == 14
    audit = await client.get("/v1/audit-log?action=retention_policies.updated", headers=owner)
    assert [e["details"]["to"][0]["erase_after_months"] for e in audit.json()["items"]] == [12, 6]
    recruiter = await _recruiter(client, owner)
    for method, path in (
        ("GET", "/v1/retention-policies"),
        ("PUT", "/v1/retention-policies"),
        ("GET", "/v1/retention-policies/preview"),
    ):
        refused = await client.request(method, path, json=POLICY, headers=recruiter)
        assert refused.status_code == 403, (method, path)


@pytest.mark.parametrize(
    "body",
    [
        {"policies": [{"scope": "rejected", "erase_after_months": 0}]},
        {"policies": [{"scope": "rejected", "erase_after_months": 6, "notice_days": 365}]},
        {"policies": [{"scope": "everyone", "erase_after_months": 6}]},
        {"policies": [{"scope": "rejected", "erase_after_months": 6}] * 2},
        {"policies": [{"scope": "rejected", "erase_after_months": 6, "extra": 1}]},
    ],
)
async def test_bad_policies_are_422_and_nothing_is_stored(
    client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    refused = await client.put("/v1/retention-policies", json=body, headers=owner)
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert (await client.get("/v1/retention-policies", headers=owner)).json() == {"items": []}


async def _rejected_candidate(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    state: WorkerState,
    slug: str,
    owner: dict[str, str],
    name: str,
) -> str:
    """A candidate rejected, whose whole history is moved seven months back."""
    job = await open_job(client, owner)
    applied = await client.post(
        f"/v1/boards/{slug}/jobs/{job['id']}/applications",
        data={"name": name, "email": f"{name.lower()}@mail.example", "consent": "true"},
        files={"resume": ("cv.pdf", pdf_resume(name), "application/pdf")},
    )
    assert applied.status_code == 201, applied.text
    rejected = await client.post(
        f"/v1/applications/{applied.json()['id']}/reject",
        json={"reason": "not_qualified", "notify_candidate": False},
        headers=owner,
    )
    assert rejected.status_code == 200, rejected.text
    candidate_id = str(applied.json()["candidate_id"])
    await drain(engine, state)  # the résumé read (a change) before the history is moved back
    async with engine.begin() as connection:
        for statement in (
            "UPDATE candidates SET created_at = created_at - interval '7 months',"
            " updated_at = updated_at - interval '7 months' WHERE id = :id",
            "UPDATE applications SET applied_at = applied_at - interval '7 months',"
            " updated_at = updated_at - interval '7 months' WHERE candidate_id = :id",
            "UPDATE activities SET occurred_at = occurred_at - interval '7 months'"
            " WHERE candidate_id = :id",
        ):
            await connection.execute(text(statement), {"id": candidate_id})
    return candidate_id


async def _run(engine: AsyncEngine, state: WorkerState, tenant_id: str, at: datetime) -> None:
    """The daily job for one organisation, as the periodic job queues it, at `at`."""
    async with unit_of_work(state.sessions) as session:
        await defer(
            session, tasks.apply_to_tenant, tenant_id=tenant_id, timestamp=int(at.timestamp())
        )
    await drain(engine, state)


async def _audited(engine: AsyncEngine, candidate_id: str) -> list[tuple[str, Any]]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            text(
                "SELECT action, details FROM audit_log WHERE target_id = :id"
                " AND actor_type = 'system' ORDER BY id"
            ),
            {"id": candidate_id},
        )
        return [(row.action, row.details) for row in rows]


def _notices(settings: Settings, name: str) -> list[Path]:
    return [
        path
        for path in (settings.data_dir / "mail").rglob("*.eml")
        if "delete your application details" in path.read_text() and name in path.read_text()
    ]


async def test_a_rejected_candidate_is_told_once_then_erased_after_the_notice(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    settings: Settings,
    state: WorkerState,
) -> None:
    client = committing_client
    slug = f"keep-{uuid.uuid4().hex[:8]}"
    signed_up = await sign_up(client, slug)
    owner, tenant_id = bearer(signed_up["access_token"]), signed_up["tenant"]["id"]
    name = f"Quinn{uuid.uuid4().hex[:6]}"
    candidate_id = await _rejected_candidate(client, engine, state, slug, owner, name)
    assert (await client.put("/v1/retention-policies", json=POLICY, headers=owner)).is_success

    preview = (await client.get("/v1/retention-policies/preview", headers=owner)).json()
    assert [(i["candidate_id"], i["action"]) for i in preview["items"]] == [
        (candidate_id, "notice")
    ]
    now = datetime.now(UTC)
    await _run(engine, state, tenant_id, now)
    await _run(engine, state, tenant_id, now + timedelta(days=1))  # idempotent

    assert len(_notices(settings, name)) == 1
    assert [action for action, _ in await _audited(engine, candidate_id)] == [
        "candidate.retention_noticed"
    ]
    still = await client.get(f"/v1/candidates/{candidate_id}", headers=owner)
    assert still.status_code == 200  # not before the notice period is over
    preview = (await client.get("/v1/retention-policies/preview", headers=owner)).json()
    assert preview["items"] == []
    async with engine.begin() as connection:  # as if the notice period had passed
        await connection.execute(
            text("UPDATE retention_notices SET erase_after = now() - interval '1 minute'")
        )
    preview = (await client.get("/v1/retention-policies/preview", headers=owner)).json()
    assert [(i["candidate_id"], i["action"]) for i in preview["items"]] == [(candidate_id, "erase")]

    await _run(engine, state, tenant_id, now + timedelta(days=15))

    assert (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).status_code == 404
    audited = await _audited(engine, candidate_id)
    assert [action for action, _ in audited] == [
        "candidate.retention_noticed",
        "candidate.erased",
    ]
    assert audited[1][1]["policy"]["erase_after_months"] == 6
    async with engine.connect() as connection:
        left = await connection.execute(
            text("SELECT name, email, erased_at IS NOT NULL FROM candidates WHERE id = :id"),
            {"id": candidate_id},
        )
        assert left.one() == (None, None, True)
        notices = await connection.execute(text("SELECT count(*) FROM retention_notices"))
        assert notices.scalar_one() == 0


async def test_new_activity_after_the_notice_saves_the_candidate(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    settings: Settings,
    state: WorkerState,
) -> None:
    client = committing_client
    slug = f"keep-{uuid.uuid4().hex[:8]}"
    signed_up = await sign_up(client, slug)
    owner, tenant_id = bearer(signed_up["access_token"]), signed_up["tenant"]["id"]
    name = f"Rowan{uuid.uuid4().hex[:6]}"
    candidate_id = await _rejected_candidate(client, engine, state, slug, owner, name)
    assert (await client.put("/v1/retention-policies", json=POLICY, headers=owner)).is_success
    now = datetime.now(UTC)
    await _run(engine, state, tenant_id, now)
    noted = await client.post(
        f"/v1/candidates/{candidate_id}/notes", json={"body": "Worth a call"}, headers=owner
    )
    assert noted.status_code == 201, noted.text

    await _run(engine, state, tenant_id, now + timedelta(days=15))

    assert (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).status_code == 200
    audited = await _audited(engine, candidate_id)
    assert audited == [
        ("candidate.retention_noticed", audited[0][1]),
        ("candidate.retention_notice_withdrawn", {"reason": "activity"}),
    ]
    assert len(_notices(settings, name)) == 1


async def test_a_candidate_who_consented_to_be_kept_is_neither_told_nor_erased(
    committing_client: httpx.AsyncClient,
    engine: AsyncEngine,
    settings: Settings,
    state: WorkerState,
) -> None:
    client = committing_client
    slug = f"keep-{uuid.uuid4().hex[:8]}"
    signed_up = await sign_up(client, slug)
    owner, tenant_id = bearer(signed_up["access_token"]), signed_up["tenant"]["id"]
    name = f"Sage{uuid.uuid4().hex[:6]}"
    candidate_id = await _rejected_candidate(client, engine, state, slug, owner, name)
    path = f"/v1/candidates/{candidate_id}/keep-consent"
    assert (await client.get(path, headers=owner)).json()["consented_at"] is None
    given = await client.put(path, json={"consented": True}, headers=owner)
    assert given.status_code == 200, given.text
    assert given.json()["consented_at"] is not None
    assert (await client.put(path, json={"consented": "maybe"}, headers=owner)).status_code == 422
    assert (await client.get(path, headers=owner)).json()["consented_at"] is not None
    assert (await client.put("/v1/retention-policies", json=POLICY, headers=owner)).is_success

    now = datetime.now(UTC)
    await _run(engine, state, tenant_id, now)
    await _run(engine, state, tenant_id, now + timedelta(days=400))

    assert (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).status_code == 200
    assert _notices(settings, name) == []
    assert await _audited(engine, candidate_id) == []


async def test_another_organisations_candidate_is_404_for_consent(
    client: httpx.AsyncClient,
) -> None:
    acme = bearer((await sign_up(client, "acme"))["access_token"])
    globex = bearer((await sign_up(client, "globex"))["access_token"])
    job = await open_job(client, acme)
    applied = await client.post(
        f"/v1/boards/acme/jobs/{job['id']}/applications",
        data={"name": "Tess", "email": "tess@mail.example", "consent": "true"},
        files={"resume": ("cv.pdf", pdf_resume("Tess"), "application/pdf")},
    )
    path = f"/v1/candidates/{applied.json()['candidate_id']}/keep-consent"
    assert (await client.get(path, headers=globex)).status_code == 404
    unknown = f"/v1/candidates/{uuid.uuid4()}/keep-consent"
    assert (await client.put(unknown, json={"consented": True}, headers=acme)).status_code == 404
    refused = await client.put(path, json={"consented": True}, headers=globex)
    assert refused.status_code == 404
    assert (await client.get(path, headers=acme)).json()["consented_at"] is None


def test_the_policies_are_applied_daily() -> None:
    periodic = [
        task
        for task in queue.periodic_registry.periodic_tasks.values()
        if task.task.name == tasks.apply_all.name
    ]
    assert [task.cron for task in periodic] == ["43 3 * * *"]
