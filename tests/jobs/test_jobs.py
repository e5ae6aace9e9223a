"""Jobs through the recruiter API: templates, lifecycle, salary checks, isolation."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.events import DomainEvent
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import TEMPLATE_JOB, create_job


async def _owner(client: httpx.AsyncClient, slug: str = "acme") -> dict[str, str]:
    return bearer((await sign_up(client, slug))["access_token"])


async def test_job_from_template_keeps_the_version_and_default_stages(
    client: httpx.AsyncClient,
) -> None:
    headers = await _owner(client)
    job = await create_job(client, headers)
    assert job["status"] == "draft"
    assert job["title"] == "Senior Python Backend Developer"
    assert job["template"] == {
        "key": "python-backend-developer",
        "version": 1,
        "origin": "built-in",
    }
    assert "## Responsibilities" in job["description"]
    assert "Interview questions" not in job["description"]  # the guide's private part stays out
    assert [s["name"] for s in job["stages"]] == [
        "Applied",
        "Screen",
        "Technical interview",
        "Onsite",
        "Offer",
    ]
    assert job["warnings"] == []


async def test_stages_say_what_kind_of_step_they_are(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    job = await create_job(
        client, headers, stages=["New", "Phone screen", "Pairing interview", "References", "Offer"]
    )
    assert [s["kind"] for s in job["stages"]] == [
        "applied",
        "screen",
        "interview",
        "other",
        "offer",
    ]


async def test_job_from_template_without_level_takes_the_mid_level(
    client: httpx.AsyncClient,
) -> None:
    headers = await _owner(client)
    body = {key: value for key, value in TEMPLATE_JOB.items() if key != "level"}
    created = await client.post("/v1/jobs", json=body, headers=headers)
    assert created.status_code == 201, created.text
    job = created.json()
    assert job["level"] == "mid"
    assert job["title"] == "Python Backend Developer"
    # The salary check runs against the level the job got.
    assert all("mid benchmark" in warning for warning in job["warnings"])


async def test_salary_outside_the_benchmark_is_warned(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    job = await create_job(client, headers, salary={"min": 60000, "max": 90000})
    # One warning per benchmark location: Austin for the hybrid seat, national for remote.
    assert len(job["warnings"]) == 2
    assert "outside the senior benchmark for Austin, TX (119,000-182,000" in job["warnings"][0]
    assert "National average (US)" in job["warnings"][1]


async def test_job_from_a_forked_template_records_its_version(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    await client.post(
        "/v1/guides/templates/python-backend-developer/fork", json={}, headers=headers
    )
    await client.patch(
        "/v1/guides/templates/python-backend-developer",
        json={"patch": {"overview": "Acme builds payment rails for small businesses."}},
        headers=headers,
    )
    job = await create_job(client, headers)
    assert job["template"] == {"key": "python-backend-developer", "version": 2, "origin": "tenant"}
    assert "Acme builds payment rails" in job["description"]


async def test_lifecycle_and_invalid_transitions(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    headers = await _owner(client)
    job_id = (await create_job(client, headers))["id"]
    assert (await client.post(f"/v1/jobs/{job_id}/pause", headers=headers)).status_code == 409
    opened = await client.post(f"/v1/jobs/{job_id}/publish", headers=headers)
    assert opened.json()["status"] == "open"
    assert opened.json()["published_at"] is not None
    assert (await client.post(f"/v1/jobs/{job_id}/publish", headers=headers)).status_code == 409
    assert (await client.post(f"/v1/jobs/{job_id}/pause", headers=headers)).json()[
        "status"
    ] == "paused"
    assert (await client.post(f"/v1/jobs/{job_id}/publish", headers=headers)).json()[
        "status"
    ] == "open"
    closed = await client.post(f"/v1/jobs/{job_id}/close", headers=headers)
    assert closed.json()["status"] == "closed"
    conflict = await client.post(f"/v1/jobs/{job_id}/publish", headers=headers)
    assert conflict.status_code == 409
    assert conflict.json()["status"] == 409  # RFC 9457: always the HTTP status code
    assert conflict.json()["job_status"] == "closed"
    edit = await client.patch(f"/v1/jobs/{job_id}", json={"title": "x"}, headers=headers)
    assert edit.status_code == 409
    assert (await client.delete(f"/v1/jobs/{job_id}", headers=headers)).status_code == 409

    types = (
        await db_session.execute(
            select(DomainEvent.type)
            .where(DomainEvent.payload["job_id"].astext == job_id)
            .order_by(DomainEvent.id)
        )
    ).scalars()
    assert list(types) == ["job.published", "job.paused", "job.published", "job.closed"]


async def test_update_stages_and_team(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    me = (await client.get("/v1/me", headers=headers)).json()["user"]["id"]
    job = await create_job(client, headers)
    screen_id = next(s["id"] for s in job["stages"] if s["name"] == "Screen")
    updated = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={
            "stages": ["Applied", "Screen", "Take-home", "Offer"],
            "hiring_team": [{"user_id": me, "role": "hiring_manager"}],
            "preferred_skills": ["Redis", "Redis", "Kafka"],
        },
        headers=headers,
    )
    assert updated.status_code == 200, updated.text
    stages = updated.json()["stages"]
    assert [s["name"] for s in stages] == ["Applied", "Screen", "Take-home", "Offer"]
    assert next(s["id"] for s in stages if s["name"] == "Screen") == screen_id
    assert updated.json()["hiring_team"] == [{"user_id": me, "role": "hiring_manager"}]
    assert updated.json()["preferred_skills"] == ["Redis", "Kafka"]
    stranger = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={
            "hiring_team": [
                {"user_id": "00000000-0000-0000-0000-000000000001", "role": "interviewer"}
            ]
        },
        headers=headers,
    )
    assert stranger.status_code == 422
    duplicate = await client.patch(
        f"/v1/jobs/{job['id']}", json={"stages": ["A", "a"]}, headers=headers
    )
    assert duplicate.status_code == 422


async def test_bad_input_is_422_with_fields(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    response = await client.post(
        "/v1/jobs",
        json={
            "title": "",
            "locations": [{"mode": "onsite"}],
            "salary": {"min": 200, "max": 100},
            "employment_type": "forever",
        },
        headers=headers,
    )
    assert response.status_code == 422
    fields = {tuple(e["loc"][1:3]) for e in response.json()["errors"]}
    assert ("title",) in {f[:1] for f in fields}
    assert ("employment_type",) in {f[:1] for f in fields}
    no_description = await client.post(
        "/v1/jobs", json={"title": "T", "locations": [{"mode": "remote"}]}, headers=headers
    )
    assert no_description.status_code == 422


async def test_listing_pages_with_a_cursor(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    ids = [
        (
            await create_job(
                client, headers, description="Plain.", from_template=None, title=f"J{i}"
            )
        )["id"]
        for i in range(5)
    ]
    first = (await client.get("/v1/jobs", params={"limit": 2}, headers=headers)).json()
    assert [j["id"] for j in first["items"]] == ids[::-1][:2]
    rest = (
        await client.get(
            "/v1/jobs", params={"limit": 10, "cursor": first["next_cursor"]}, headers=headers
        )
    ).json()
    assert [j["id"] for j in rest["items"]] == ids[::-1][2:]
    assert rest["next_cursor"] is None
    bad = await client.get("/v1/jobs", params={"cursor": "garbage"}, headers=headers)
    assert bad.status_code == 422
    drafts = (await client.get("/v1/jobs", params={"status": "open"}, headers=headers)).json()
    assert drafts["items"] == []


async def test_other_tenants_jobs_are_404(client: httpx.AsyncClient) -> None:
    acme = await _owner(client, "acme")
    globex = await _owner(client, "globex")
    job_id = (await create_job(client, acme))["id"]
    for method, path in (
        ("GET", f"/v1/jobs/{job_id}"),
        ("PATCH", f"/v1/jobs/{job_id}"),
        ("DELETE", f"/v1/jobs/{job_id}"),
        ("POST", f"/v1/jobs/{job_id}/publish"),
        ("POST", f"/v1/jobs/{job_id}/pause"),
        ("POST", f"/v1/jobs/{job_id}/close"),
    ):
        response = await client.request(
            method, path, headers=globex, json={"title": "x"} if method == "PATCH" else None
        )
        assert response.status_code == 404, (method, path)
    assert (await client.get(f"/v1/jobs/{job_id}", headers=acme)).json()["status"] == "draft"
    assert TEMPLATE_JOB["level"] == "senior"


async def test_matching_requirements_are_kept_and_edited(client: httpx.AsyncClient) -> None:
    owner = await _owner(client)
    job = await create_job(
        client, owner, min_years_experience=4, skill_weights={"Python": 3, "PostgreSQL": 2}
    )
    assert job["min_years_experience"] == 4
    assert job["skill_weights"] == {"Python": 3, "PostgreSQL": 2}

    patched = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={"min_years_experience": 6.5, "skill_weights": {"FastAPI": 5}},
        headers=owner,
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["min_years_experience"] == 6.5
    assert patched.json()["skill_weights"] == {"FastAPI": 5}

    for bad in ({"min_years_experience": -1}, {"skill_weights": {"Python": 11}}):
        refused = await client.patch(f"/v1/jobs/{job['id']}", json=bad, headers=owner)
        assert refused.status_code == 422, refused.text
    kept = (await client.get(f"/v1/jobs/{job['id']}", headers=owner)).json()
    assert kept["skill_weights"] == {"FastAPI": 5}


async def test_a_remote_location_has_no_country_unless_given(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    job = await create_job(
        client,
        headers,
        locations=[
            {"mode": "remote"},
            {"mode": "remote", "utc_offset_min": -1, "utc_offset_max": 3},
            {"mode": "onsite", "city": "Austin"},
        ],
    )
    anywhere, band, onsite = job["locations"]
    assert anywhere["country"] is None
    assert (band["utc_offset_min"], band["utc_offset_max"]) == (-1, 3)
    assert onsite["country"] == "US"  # on site still defaults to the United States


@pytest.mark.parametrize(
    "location",
    [
        {"mode": "onsite", "city": "Austin", "utc_offset_min": -6},
        {"mode": "remote", "utc_offset_min": 3, "utc_offset_max": -1},
        {"mode": "remote", "utc_offset_max": 15},
    ],
)
async def test_time_zones_limit_remote_locations_only_and_in_order(
    client: httpx.AsyncClient, location: dict[str, Any]
) -> None:
    headers = await _owner(client)
    response = await client.post(
        "/v1/jobs",
        json={"title": "T", "description": "D", "locations": [location]},
        headers=headers,
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_a_job_from_a_template_starts_with_the_templates_skills(
    client: httpx.AsyncClient,
) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    job = await create_job(client, headers, required_skills=[], preferred_skills=[])
    assert {"Python", "Django", "SQL", "Git"} <= set(job["required_skills"])
    # "Django, FastAPI or Flask": one of the alternatives is required, the others preferred.
    assert {"FastAPI", "Flask", "PostgreSQL", "Kubernetes"} <= set(job["preferred_skills"])
    assert not set(job["required_skills"]) & set(job["preferred_skills"])

    own = await create_job(client, headers, required_skills=["Rust"], preferred_skills=[])
    assert own["required_skills"] == ["Rust"]  # skills given with the request win


async def test_patching_a_required_field_to_null_is_422_not_500(
    client: httpx.AsyncClient,
) -> None:
    headers = await _owner(client)
    job = await create_job(client, headers)
    for field in ("title", "description", "employment_type"):
        response = await client.patch(f"/v1/jobs/{job['id']}", json={field: None}, headers=headers)
        assert response.status_code == 422, (field, response.text)
        assert response.json()["errors"][0]["loc"] == ["body", field]
    unchanged = (await client.get(f"/v1/jobs/{job['id']}", headers=headers)).json()
    assert unchanged["title"] == job["title"]
