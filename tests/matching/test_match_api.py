"""Ranking a job's applicants by match, explaining a match, and keeping scores current."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from tests.candidates.files import pdf_resume
from tests.candidates.test_applications import apply
from tests.candidates.test_resume_parsing import RESUME_TEXT
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain, scalar

# The job of tests.jobs.helpers: requires Python, PostgreSQL, FastAPI; prefers Kubernetes,
# Redis; senior; hybrid in Austin, TX or remote in the United States.
STRONG = {"skills": ["Python", "FastAPI", "PostgreSQL", "Redis"], "years_experience": 7}
RELATED = {"skills": ["Python", "Flask", "PostgreSQL"], "years_experience": 6}
WEAK = {"skills": ["Java", "Spring Boot"], "years_experience": 1}


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    return WorkerState(sessions=app.state.sessions, settings=settings)


async def _applicant(
    client: httpx.AsyncClient,
    owner: dict[str, str],
    job: dict[str, Any],
    email: str,
    profile: dict[str, Any],
    *,
    name: str = "Sam Applicant",
    location: str = "Austin, TX",
) -> dict[str, Any]:
    applied = await apply(client, job, fields={"name": name, "email": email})
    assert applied.status_code == 201, applied.text
    edited = await client.patch(
        f"/v1/candidates/{applied.json()['candidate_id']}",
        json=profile | {"location": location},
        headers=owner,
    )
    assert edited.status_code == 200, edited.text
    return dict(applied.json())


async def _match(
    client: httpx.AsyncClient, owner: dict[str, str], application_id: str
) -> dict[str, Any]:
    response = await client.get(f"/v1/applications/{application_id}/match", headers=owner)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _ranked(
    client: httpx.AsyncClient, owner: dict[str, str], job_id: str, **params: Any
) -> httpx.Response:
    return await client.get(
        f"/v1/jobs/{job_id}/applications", params={"sort": "match", **params}, headers=owner
    )


async def test_applicants_rank_by_match_and_each_match_explains_itself(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    weak = await _applicant(client, owner, job, "weak@example.com", WEAK, location="Oslo")
    strong = await _applicant(client, owner, job, "strong@example.com", STRONG)
    related = await _applicant(client, owner, job, "related@example.com", RELATED)
    await drain(engine, state)

    ranked = await _ranked(client, owner, job["id"])
    assert ranked.status_code == 200, ranked.text
    assert [a["id"] for a in ranked.json()["items"]] == [strong["id"], related["id"], weak["id"]]

    # Page by page, the cursor carries on where the last page stopped.
    seen, cursor = [], None
    while True:
        page = (
            await _ranked(
                client, owner, job["id"], limit=1, **({"cursor": cursor} if cursor else {})
            )
        ).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [strong["id"], related["id"], weak["id"]]

    best = await _match(client, owner, strong["id"])
    assert best["computed_at"] is not None
    assert best["parts"]["required_skills"]["matched"] == ["Python", "PostgreSQL", "FastAPI"]
    assert best["parts"]["required_skills"]["missing"] == []
    assert best["parts"]["preferred_skills"]["matched"] == ["Redis"]
    assert best["parts"]["preferred_skills"]["missing"] == ["Kubernetes"]
    assert best["parts"]["level"]["candidate_estimate"] == "senior"
    assert best["parts"]["location"]["fit"] == 1.0
    assert best["base_weights"]["required_skills"] == 50

    partly = await _match(client, owner, related["id"])
    required = partly["parts"]["required_skills"]
    assert required["matched"] == ["Python", "PostgreSQL"]
    assert required["related"] == [{"skill": "FastAPI", "via": "Flask", "credit": 0.5}]
    assert required["missing"] == []

    worst = await _match(client, owner, weak["id"])
    assert worst["parts"]["required_skills"]["missing"] == ["Python", "PostgreSQL", "FastAPI"]
    assert worst["parts"]["location"]["fit"] == 0.0
    assert best["score"] > partly["score"] > worst["score"]


async def test_a_jobs_application_list_carries_each_match_and_its_top_reasons(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
    app: FastAPI,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    strong = await _applicant(client, owner, job, "strong@example.com", STRONG)
    weak = await _applicant(client, owner, job, "weak@example.com", WEAK, location="Oslo")
    await drain(engine, state)
    unscored = await _applicant(client, owner, job, "late@example.com", RELATED)  # queued

    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    listened = app.state.engine.sync_engine
    event.listen(listened, "before_cursor_execute", count)
    try:
        ranked = await _ranked(client, owner, job["id"])
        newest = await client.get(f"/v1/jobs/{job['id']}/applications", headers=owner)
    finally:
        event.remove(listened, "before_cursor_execute", count)
    assert ranked.status_code == newest.status_code == 200, ranked.text

    by_id = {item["id"]: item for item in ranked.json()["items"]}
    for application in (strong, weak):
        listed = by_id[application["id"]]["match"]
        whole = await _match(client, owner, application["id"])
        assert listed["score"] == whole["score"]
        parts = {name: part for name, part in whole["parts"].items() if part is not None}
        heaviest = sorted(parts, key=lambda name: -parts[name]["weight"])
        assert [reason["part"] for reason in listed["reasons"]] == heaviest[:3]
    reasons = {r["part"]: r["text"] for r in by_id[strong["id"]]["match"]["reasons"]}
    assert reasons["required_skills"] == "has 3 of 3 required skills"
    assert reasons["preferred_skills"] == "has 1 of 2 preferred skills; missing Kubernetes"
    assert by_id[unscored["id"]]["match"] is None
    weak_reasons = {r["part"]: r for r in by_id[weak["id"]]["match"]["reasons"]}
    assert weak_reasons["required_skills"]["fit"] == 0
    assert "missing Python, PostgreSQL, FastAPI" in weak_reasons["required_skills"]["text"]
    assert {item["id"]: item["match"] is not None for item in newest.json()["items"]} == {
        item["id"]: item["match"] is not None for item in ranked.json()["items"]
    }
    # One statement reads the page with its scores, whatever the number of applicants.
    assert sum("match_scores" in statement for statement in statements) == 2


async def test_the_score_ignores_who_the_applicant_is(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    one = await _applicant(client, owner, job, "a@example.com", RELATED, name="Ada Lovelace")
    other = await _applicant(client, owner, job, "m@example.org", RELATED, name="Mohammed Al-Sayed")
    await client.patch(
        f"/v1/candidates/{other['candidate_id']}",
        json={"phone": "+1 512 555 0100", "headline": "Grandfather, 64", "tags": ["male"]},
        headers=owner,
    )
    await drain(engine, state)
    assert (await _match(client, owner, one["id"]))["score"] == (
        await _match(client, owner, other["id"])
    )["score"]


async def _as_tenant(engine: AsyncEngine, tenant_id: str, sql: str, **params: Any) -> None:
    """Change rows directly (no events), as the tenant: row-level security binds the owner too."""
    async with engine.begin() as connection:
        await connection.execute(
            text("SELECT set_config('app.tenant_id', :tenant, true)"), {"tenant": tenant_id}
        )
        changed = await connection.execute(text(sql), params)
        assert changed.rowcount == 1


async def test_a_parsed_resume_rescores_the_application(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    applied = await apply(
        client, job, file=("cv.pdf", pdf_resume("Ada Lovelace", RESUME_TEXT), "application/pdf")
    )
    assert applied.status_code == 201, applied.text
    application_id, candidate_id = applied.json()["id"], applied.json()["candidate_id"]
    unscored = await _match(client, owner, application_id)
    assert unscored["computed_at"] is None  # computed for the read; the worker stores it
    assert unscored["parts"]["required_skills"]["matched"] == []

    await drain(engine, state)
    parsed = await _match(client, owner, application_id)
    assert parsed["computed_at"] is not None
    assert parsed["parts"]["required_skills"]["matched"] == ["Python", "PostgreSQL"]
    assert parsed["parts"]["required_skills"]["related"][0]["skill"] == "FastAPI"
    assert parsed["parts"]["preferred_skills"]["matched"] == ["Kubernetes"]

    # Forget the skills behind the application's back (no event), then read the résumé again:
    # its parse, not anything else, must bring the score back.
    tenant_id = await _tenant_of(client, owner)
    await _as_tenant(
        engine, tenant_id, "UPDATE candidates SET skills = '{}' WHERE id = :id", id=candidate_id
    )
    await _as_tenant(
        engine,
        tenant_id,
        "UPDATE match_scores SET score = 0, explanation = '{}' WHERE application_id = :id",
        id=application_id,
    )
    queued = await client.post(f"/v1/candidates/{candidate_id}/resume/reparse", headers=owner)
    assert queued.status_code == 202, queued.text
    await drain(engine, state)
    assert (await _match(client, owner, application_id))["score"] == parsed["score"]


async def _tenant_of(client: httpx.AsyncClient, owner: dict[str, str]) -> str:
    return str((await client.get("/v1/me", headers=owner)).json()["tenant"]["id"])


async def test_changing_a_jobs_requirements_rescores_all_its_applicants(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    strong = await _applicant(client, owner, job, "strong@example.com", STRONG)
    weak = await _applicant(client, owner, job, "weak@example.com", WEAK)
    await drain(engine, state)
    assert (await _match(client, owner, strong["id"]))["score"] > (
        await _match(client, owner, weak["id"])
    )["score"]

    renamed = await client.patch(
        f"/v1/jobs/{job['id']}", json={"title": "Java Engineer"}, headers=owner
    )
    assert renamed.status_code == 200, renamed.text
    changed = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={"required_skills": ["Java", "Spring Boot"], "preferred_skills": []},
        headers=owner,
    )
    assert changed.status_code == 200, changed.text
    await drain(engine, state)

    # One bulk re-score, and it succeeded; the title change asked for none.
    status = await scalar(
        engine,
        "SELECT status::text FROM procrastinate_jobs WHERE task_name = 'matching.rescore_job'",
    )
    assert status == "succeeded"
    now_weak = await _match(client, owner, weak["id"])
    assert now_weak["parts"]["required_skills"]["matched"] == ["Java", "Spring Boot"]
    assert (
        "preferred_skills" not in now_weak["parts"] or now_weak["parts"]["preferred_skills"] is None
    )
    ranked = (await _ranked(client, owner, job["id"])).json()["items"]
    assert [a["id"] for a in ranked] == [weak["id"], strong["id"]]


async def test_a_candidate_edit_rescores_their_applications(
    committing_client: httpx.AsyncClient,
    owner: dict[str, str],
    engine: AsyncEngine,
    state: WorkerState,
) -> None:
    client = committing_client
    job = await open_job(client, owner)
    other_job = await open_job(client, owner, required_skills=["Go"], preferred_skills=[])
    applied = await _applicant(client, owner, job, "sam@example.com", WEAK)
    second = await apply(client, other_job, fields={"email": "sam@example.com"})
    assert second.status_code == 201, second.text
    await drain(engine, state)
    before = await _match(client, owner, applied["id"])

    edited = await client.patch(
        f"/v1/candidates/{applied['candidate_id']}",
        json={"skills": ["Python", "Go"]},
        headers=owner,
    )
    assert edited.status_code == 200
    await drain(engine, state)

    after = await _match(client, owner, applied["id"])
    assert after["score"] > before["score"]
    assert after["parts"]["required_skills"]["matched"] == ["Python"]
    assert (await _match(client, owner, second.json()["id"]))["parts"]["required_skills"][
        "matched"
    ] == ["Go"]


async def test_matches_need_candidates_read_and_stay_within_the_tenant(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    job = await open_job(client, owner)
    applied = await apply(client, job)
    assert applied.status_code == 201, applied.text
    path = f"/v1/applications/{applied.json()['id']}/match"
    assert (await client.get(path, headers=owner)).status_code == 200

    assert (await client.get(path)).status_code == 401
    key = await client.post(
        "/v1/api-keys", json={"name": "jobs only", "scopes": ["jobs:read"]}, headers=owner
    )
    assert key.status_code == 201, key.text
    jobs_only = {"X-API-Key": key.json()["key"]}
    assert (await client.get(path, headers=jobs_only)).status_code == 403
    assert (await _ranked(client, jobs_only, job["id"])).status_code == 403

    stranger = bearer((await sign_up(client, "globex"))["access_token"])
    hidden = await client.get(path, headers=stranger)
    assert hidden.status_code == 404
    assert hidden.headers["content-type"].startswith("application/problem+json")
    assert (await _ranked(client, stranger, job["id"])).status_code == 404
    missing = f"/v1/applications/{uuid.uuid4()}/match"
    assert (await client.get(missing, headers=owner)).status_code == 404


async def test_bad_sorts_and_cursors_are_422(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    job = await open_job(client, owner)
    assert (await _ranked(client, owner, job["id"], sort="best")).status_code == 422
    assert (await _ranked(client, owner, job["id"], cursor="bm9wZQ")).status_code == 422
    listed = await _ranked(client, owner, job["id"])
    assert listed.status_code == 200
    assert listed.json() == {"items": [], "next_cursor": None}
