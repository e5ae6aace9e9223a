"""Adding a person by hand, and undoing a rejection, through the API."""

from __future__ import annotations

import httpx
import pytest

from tests.candidates.files import pdf_resume
from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job


async def test_a_referred_person_is_added_to_a_job_with_a_resume(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    added = await client.post(
        "/v1/candidates",
        data={
            "name": "Katherine Johnson",
            "email": "kj@example.com",
            "source": "referred",
            "referred_by": "Dorothy Vaughan",
            "job_id": job["id"],
            "links": "https://example.com/kj",
        },
        files={"resume": ("cv.pdf", pdf_resume("Katherine Johnson"), "application/pdf")},
        headers=owner,
    )

    assert added.status_code == 201, added.text
    body = added.json()
    assert body["application_id"]
    assert body["resume_id"]
    candidate = (await client.get(f"/v1/candidates/{body['id']}", headers=owner)).json()
    assert candidate["source"] == "referred"
    assert candidate["referred_by"] == "Dorothy Vaughan"
    assert candidate["links"] == ["https://example.com/kj"]
    [application] = candidate["applications"]
    assert application["job_id"] == job["id"]
    assert application["stage"]["name"] == job["stages"][0]["name"]
    assert candidate["resumes"][0]["parse_status"] == "pending"


async def test_a_sourced_person_needs_only_a_name(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    added = await client.post("/v1/candidates", data={"name": "Hedy Lamarr"}, headers=owner)
    assert added.status_code == 201, added.text
    assert added.json()["application_id"] is None
    activity = await client.get(f"/v1/candidates/{added.json()['id']}/activity", headers=owner)
    assert [a["kind"] for a in activity.json()] == ["candidate.added"]


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"name": ""}, 422),
        ({"name": "A", "email": "not-an-address"}, 422),
        ({"name": "A", "source": "careers_page"}, 422),
        ({"name": "A", "links": "ftp://x"}, 422),
        ({"name": "A", "job_id": "00000000-0000-0000-0000-000000000000"}, 404),
        ({"name": "A", "job_id": "nope"}, 422),
    ],
)
async def test_bad_additions_are_refused_and_leave_nothing(
    client: httpx.AsyncClient, owner: dict[str, str], fields: dict[str, str], status: int
) -> None:
    refused = await client.post("/v1/candidates", data=fields, headers=owner)
    assert refused.status_code == status, refused.text
    assert (await client.get("/v1/candidates", headers=owner)).json()["items"] == []


async def test_an_address_already_known_is_409_naming_the_candidate(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    applied = (await apply(client, job)).json()
    again = await client.post(
        "/v1/candidates",
        data={"name": "Ada", "email": "ADA@example.com"},
        headers=owner,
    )
    assert again.status_code == 409, again.text
    assert again.json()["candidate_id"] == applied["candidate_id"]


async def test_a_bad_resume_is_415_and_nothing_is_added(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    refused = await client.post(
        "/v1/candidates",
        data={"name": "Ada"},
        files={"resume": ("cv.exe", b"MZ\x00\x01binary", "application/octet-stream")},
        headers=owner,
    )
    assert refused.status_code == 415, refused.text
    assert (await client.get("/v1/candidates", headers=owner)).json()["items"] == []


async def test_a_rejection_is_undone_and_only_a_rejection(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    application = (await apply(client, job)).json()
    path = f"/v1/applications/{application['id']}"
    assert (await client.post(f"{path}/reopen", headers=owner)).status_code == 409
    rejected = await client.post(
        f"{path}/reject", json={"reason": "not_qualified", "notify_candidate": True}, headers=owner
    )
    assert rejected.json()["status"] == "rejected"

    reopened = await client.post(f"{path}/reopen", headers=owner)

    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["status"] == "active"
    assert reopened.json()["rejection_reason"] is None
    assert reopened.json()["stage_id"] == rejected.json()["stage_id"]
    globex = bearer((await sign_up(client, "globex"))["access_token"])
    assert (await client.post(f"{path}/reopen", headers=globex)).status_code == 404


async def test_a_skills_list_sent_as_null_is_emptied(client: httpx.AsyncClient) -> None:
    owner = bearer((await sign_up(client, "nullskills"))["access_token"])
    made = await client.post(
        "/v1/candidates", data={"name": "Zed", "email": "zed@example.com"}, headers=owner
    )
    assert made.status_code == 201, made.text
    path = f"/v1/candidates/{made.json()['id']}"
    assert (await client.patch(path, json={"skills": ["python"]}, headers=owner)).status_code == 200
    cleared = await client.patch(path, json={"skills": None}, headers=owner)
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["skills"] == []
    as_text = await client.patch(path, json={"years_experience": "7"}, headers=owner)
    assert as_text.status_code == 422
