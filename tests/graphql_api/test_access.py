"""/graphql lets each principal see and do what the REST API lets it, and nothing more."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncConnection

from tests.candidates.test_applications import apply
from tests.graphql_api.conftest import organisation
from tests.graphql_api.helpers import NESTED, ask, data, errors, seed_jobs
from tests.identity.helpers import bearer
from tests.identity.test_members import _join
from tests.jobs.helpers import open_job

LOOKUPS = """query ($job: UUID!, $application: UUID!, $candidate: UUID!) {
  job(id: $job) { id }
  application(id: $application) { id }
  candidate(id: $candidate) { id }
}"""


async def _first_application(
    client: httpx.AsyncClient, headers: dict[str, str], job_id: uuid.UUID | str
) -> dict[str, Any]:
    query = """query ($id: UUID!) {
      job(id: $id) { applications { items { id candidateId stage { id } status } } }
    }"""
    found = await data(client, headers, query, {"id": str(job_id)})
    return dict(found["job"]["applications"]["items"][0])


def _codes(response: httpx.Response) -> dict[str, str]:
    return {error["path"][0]: error["extensions"]["code"] for error in errors(response)}


async def test_without_credentials_the_answer_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ jobs { items { id } } }"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.headers["content-type"] == "application/problem+json"


async def test_another_tenants_token_gets_nothing_of_it(
    client: httpx.AsyncClient, connection: AsyncConnection, acme: dict[str, Any]
) -> None:
    [job_id] = await seed_jobs(connection, acme["tenant_id"], jobs=1, applications=1)
    application = await _first_application(client, acme["headers"], job_id)
    other = await organisation(client, "globex")
    listed = await data(client, other["headers"], NESTED, {"jobs": 50, "applications": 10})
    assert listed["jobs"]["items"] == []
    found = await data(client, other["headers"], "{ candidates { items { id } } }")
    assert found["candidates"]["items"] == []
    variables = {
        "job": str(job_id),
        "application": application["id"],
        "candidate": application["candidateId"],
    }
    response = await ask(client, other["headers"], LOOKUPS, variables)
    assert response.json()["data"] == {"job": None, "application": None, "candidate": None}
    assert _codes(response) == {
        "job": "not-found",
        "application": "not-found",
        "candidate": "not-found",
    }
    # Nor can it change anything there.
    moved = await ask(
        client,
        other["headers"],
        "mutation ($id: UUID!) { reopenApplication(applicationId: $id) { id } }",
        {"id": application["id"]},
    )
    assert _codes(moved) == {"reopenApplication": "not-found"}


async def test_a_key_reads_only_what_its_scopes_grant(
    client: httpx.AsyncClient, connection: AsyncConnection, acme: dict[str, Any]
) -> None:
    await seed_jobs(connection, acme["tenant_id"], jobs=2, applications=1)

    async def key(scopes: list[str]) -> dict[str, str]:
        created = await client.post(
            "/v1/api-keys", json={"name": "Sync", "scopes": scopes}, headers=acme["headers"]
        )
        assert created.status_code == 201, created.text
        return {"X-API-Key": created.json()["key"]}

    jobs_only = await key(["jobs:read"])
    assert len((await data(client, jobs_only, "{ jobs { items { id } } }"))["jobs"]["items"]) == 2
    refused = await ask(client, jobs_only, NESTED, {"jobs": 5, "applications": 10})
    assert {e["message"] for e in errors(refused)} == {
        "This needs the 'candidates:read' permission."
    }
    assert {e["extensions"]["code"] for e in errors(refused)} == {"permission-denied"}
    candidates_only = await key(["candidates:read"])
    response = await ask(client, candidates_only, "{ jobs { items { id } } }")
    assert _codes(response) == {"jobs": "permission-denied"}
    both = await key(["jobs:read", "candidates:read"])
    found = await data(client, both, NESTED, {"jobs": 5, "applications": 10})
    assert all(len(job["applications"]["items"]) == 1 for job in found["jobs"]["items"])
    # Reading is not writing: the pipeline moves need candidates:write, as in REST.
    application = await _first_application(client, both, found["jobs"]["items"][0]["id"])
    hired = await ask(
        client,
        both,
        "mutation ($id: UUID!) { hireApplication(applicationId: $id) { status } }",
        {"id": application["id"]},
    )
    assert [e["message"] for e in errors(hired)] == [
        "This needs the 'candidates:write' permission."
    ]


async def test_a_team_member_sees_and_moves_only_their_jobs_applicants(
    client: httpx.AsyncClient, acme: dict[str, Any]
) -> None:
    owner = acme["headers"]
    ivy = bearer((await _join(client, owner, "ivy@acme.example", "interviewer"))["access_token"])
    hank = bearer(
        (await _join(client, owner, "hank@acme.example", "hiring_manager"))["access_token"]
    )
    team = [
        {"user_id": (await client.get("/v1/me", headers=who)).json()["user"]["id"], "role": role}
        for who, role in ((ivy, "interviewer"), (hank, "hiring_manager"))
    ]
    job_a = await open_job(client, owner, title="Job A", hiring_team=team)
    job_b = await open_job(client, owner, title="Job B")
    for job, email in ((job_a, "a@example.com"), (job_b, "b@example.com")):
        assert (await apply(client, job, fields={"email": email, "name": email})).status_code == 201
    app_a = await _first_application(client, owner, job_a["id"])
    app_b = await _first_application(client, owner, job_b["id"])

    for who in (ivy, hank):
        listed = await data(client, who, NESTED, {"jobs": 50, "applications": 10})
        assert [job["title"] for job in listed["jobs"]["items"]] == ["Job A"]
        people = await data(client, who, "{ candidates { items { email } } }")
        assert people["candidates"]["items"] == [{"email": "a@example.com"}]
        hidden = await ask(
            client,
            who,
            LOOKUPS,
            {"job": job_b["id"], "application": app_b["id"], "candidate": app_b["candidateId"]},
        )
        assert _codes(hidden) == {
            "job": "not-found",
            "application": "not-found",
            "candidate": "not-found",
        }
        seen = await data(
            client,
            who,
            LOOKUPS,
            {"job": job_a["id"], "application": app_a["id"], "candidate": app_a["candidateId"]},
        )
        assert seen["application"]["id"] == app_a["id"]

    move = """mutation ($id: UUID!, $stage: UUID!) {
      moveApplication(applicationId: $id, stageId: $stage) { stage { id } }
    }"""
    # The interviewer may not move anyone; the hiring manager only their own job's applicants.
    refused = await ask(client, ivy, move, {"id": app_a["id"], "stage": job_a["stages"][1]["id"]})
    assert [e["message"] for e in errors(refused)] == [
        "This needs the 'candidates:write' permission."
    ]
    other = await ask(client, hank, move, {"id": app_b["id"], "stage": job_b["stages"][1]["id"]})
    assert _codes(other) == {"moveApplication": "not-found"}
    assert (await _first_application(client, owner, job_b["id"]))["stage"] == app_b["stage"]
    own = await data(client, hank, move, {"id": app_a["id"], "stage": job_a["stages"][1]["id"]})
    assert own["moveApplication"]["stage"]["id"] == job_a["stages"][1]["id"]


async def test_interviews_scorecards_and_offers_need_their_own_permissions(
    client: httpx.AsyncClient, connection: AsyncConnection, acme: dict[str, Any]
) -> None:
    [job_id] = await seed_jobs(connection, acme["tenant_id"], jobs=1, applications=1)
    application = await _first_application(client, acme["headers"], job_id)
    query = """query ($id: UUID!) {
      application(id: $id) { id interviews { id } scorecards { id } offers { id } }
    }"""
    found = await data(client, acme["headers"], query, {"id": application["id"]})
    assert found["application"] == {
        "id": application["id"],
        "interviews": [],
        "scorecards": [],
        "offers": [],
    }
    created = await client.post(
        "/v1/api-keys",
        json={"name": "Sync", "scopes": ["candidates:read"]},
        headers=acme["headers"],
    )
    key = {"X-API-Key": created.json()["key"]}
    response = await ask(client, key, query, {"id": application["id"]})
    assert response.json()["data"]["application"]["id"] == application["id"]
    assert {e["path"][-1]: e["message"] for e in errors(response)} == {
        "interviews": "This needs the 'interviews:read' permission.",
        "scorecards": "This needs the 'scorecards:read' permission.",
        "offers": "This needs the 'offers:approve' permission.",
    }


async def test_queries_may_come_by_get_but_mutations_may_not(
    client: httpx.AsyncClient, connection: AsyncConnection, acme: dict[str, Any]
) -> None:
    await seed_jobs(connection, acme["tenant_id"], jobs=2, applications=0)
    read = await client.get(
        "/graphql", params={"query": "{ jobs { items { id } } }"}, headers=acme["headers"]
    )
    assert read.status_code == 200, read.text
    assert len(read.json()["data"]["jobs"]["items"]) == 2
    mutation = f'mutation {{ reopenApplication(applicationId: "{uuid.uuid4()}") {{ id }} }}'
    refused = await client.get("/graphql", params={"query": mutation}, headers=acme["headers"])
    assert refused.status_code == 400
