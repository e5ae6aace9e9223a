"""Hiring managers and interviewers see only the jobs whose hiring team they are on, with
those jobs' applications and candidates, in the API and in the web app alike."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.identity.test_members import _join
from tests.jobs.helpers import open_job
from tests.web.helpers import csrf_token, web_sign_in


async def _me(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    return str((await client.get("/v1/me", headers=headers)).json()["user"]["id"])


async def _only_application(
    client: httpx.AsyncClient, headers: dict[str, str], job: dict[str, Any]
) -> dict[str, Any]:
    listed = await client.get(f"/v1/jobs/{job['id']}/applications", headers=headers)
    assert listed.status_code == 200, listed.text
    [application] = listed.json()["items"]
    return dict(application)


@pytest.fixture
async def world(client: httpx.AsyncClient) -> dict[str, Any]:
    """Job A with Hank (hiring manager) and Ivy (interviewer) on its team; job B without."""
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    hank = bearer(
        (await _join(client, owner, "hank@acme.example", "hiring_manager"))["access_token"]
    )
    ivy = bearer((await _join(client, owner, "ivy@acme.example", "interviewer"))["access_token"])
    rita = bearer((await _join(client, owner, "rita@acme.example", "recruiter"))["access_token"])
    team = [
        {"user_id": await _me(client, hank), "role": "hiring_manager"},
        {"user_id": await _me(client, ivy), "role": "interviewer"},
    ]
    job_a = await open_job(client, owner, title="Job A", hiring_team=team)
    job_b = await open_job(client, owner, title="Job B")
    assert (
        await apply(client, job_a, fields={"email": "a@example.com", "name": "Ann A"})
    ).status_code == 201
    assert (
        await apply(client, job_b, fields={"email": "b@example.com", "name": "Bob B"})
    ).status_code == 201
    return {
        "owner": owner,
        "hank": hank,
        "ivy": ivy,
        "rita": rita,
        "a": job_a,
        "b": job_b,
        "app_a": await _only_application(client, owner, job_a),
        "app_b": await _only_application(client, owner, job_b),
    }


@pytest.mark.parametrize("who", ["hank", "ivy"])
async def test_a_team_member_sees_only_their_jobs_through_the_api(
    client: httpx.AsyncClient, world: dict[str, Any], who: str
) -> None:
    headers = world[who]
    jobs = (await client.get("/v1/jobs", headers=headers)).json()["items"]
    assert [job["title"] for job in jobs] == ["Job A"]
    b, app_b = world["b"], world["app_b"]
    for path in (
        f"/v1/jobs/{b['id']}",
        f"/v1/jobs/{b['id']}/applications",
        f"/v1/applications/{app_b['id']}",
        f"/v1/applications/{app_b['id']}/match",
        f"/v1/candidates/{app_b['candidate_id']}",
        f"/v1/candidates/{app_b['candidate_id']}/activity",
        f"/v1/candidates/search?job={b['id']}",
    ):
        assert (await client.get(path, headers=headers)).status_code == 404, path
    a, app_a = world["a"], world["app_a"]
    for path in (
        f"/v1/jobs/{a['id']}",
        f"/v1/jobs/{a['id']}/applications",
        f"/v1/applications/{app_a['id']}",
        f"/v1/candidates/{app_a['candidate_id']}",
        f"/v1/candidates/search?job={a['id']}",
    ):
        assert (await client.get(path, headers=headers)).status_code == 200, path
    candidates = (await client.get("/v1/candidates", headers=headers)).json()["items"]
    assert [candidate["name"] for candidate in candidates] == ["Ann A"]
    assert (await client.get("/v1/candidates/search", headers=headers)).status_code == 403


async def test_a_hiring_manager_cannot_change_another_jobs_applicants(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    hank, b, app_b = world["hank"], world["b"], world["app_b"]
    target = b["stages"][1]["id"]
    moved = await client.post(
        f"/v1/applications/{app_b['id']}/move", json={"stage_id": target}, headers=hank
    )
    assert moved.status_code == 404
    rejected = await client.post(
        f"/v1/applications/{app_b['id']}/reject", json={"reason": "location"}, headers=hank
    )
    assert rejected.status_code == 404
    edited = await client.patch(
        f"/v1/candidates/{app_b['candidate_id']}", json={"tags": ["x"]}, headers=hank
    )
    assert edited.status_code == 404
    unchanged = await _only_application(client, world["owner"], b)
    assert unchanged["stage"]["id"] == app_b["stage"]["id"]
    assert unchanged["status"] == app_b["status"]
    # Their own job's applicant they may move.
    a, app_a = world["a"], world["app_a"]
    own = await client.post(
        f"/v1/applications/{app_a['id']}/move",
        json={"stage_id": a["stages"][1]["id"]},
        headers=hank,
    )
    assert own.status_code == 200, own.text


async def test_recruiters_and_keys_still_see_every_job(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    jobs = (await client.get("/v1/jobs", headers=world["rita"])).json()["items"]
    assert {job["title"] for job in jobs} == {"Job A", "Job B"}
    key = await client.post(
        "/v1/api-keys", json={"name": "k", "scopes": ["jobs:read"]}, headers=world["owner"]
    )
    listed = await client.get("/v1/jobs", headers={"X-API-Key": key.json()["key"]})
    assert {job["title"] for job in listed.json()["items"]} == {"Job A", "Job B"}


async def test_a_team_member_sees_only_their_jobs_in_the_web_app(
    client: httpx.AsyncClient, world: dict[str, Any]
) -> None:
    await web_sign_in(client, "hank@acme.example")
    dashboard = await client.get("/app")
    assert "Job A" in dashboard.text
    assert "Job B" not in dashboard.text
    assert (await client.get(f"/app/jobs/{world['b']['id']}")).status_code == 404
    board = await client.get(f"/app/jobs/{world['a']['id']}")
    assert board.status_code == 200
    moved = await client.post(
        f"/app/applications/{world['app_b']['id']}/move",
        data={"stage_id": world["b"]["stages"][1]["id"], "csrf_token": csrf_token(board.text)},
    )
    assert moved.status_code == 404
