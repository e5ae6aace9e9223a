"""The board's bulk actions through HTTP: move, reject with e-mail and undo, e-mail."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.candidates.test_applications import apply
from tests.jobs.helpers import open_job
from tests.web.helpers import csrf_token, web_sign_in

EMAIL = "owner@acme.example"


async def _two_applicants(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    job = await open_job(client, owner)
    for name in ("Ada Lovelace", "Grace Hopper"):
        first = name.split()[0].lower()
        response = await apply(client, job, fields={"name": name, "email": f"{first}@example.com"})
        assert response.status_code == 201, response.text
    return job, await _applications(client, owner, job)


async def _applications(
    client: httpx.AsyncClient, owner: dict[str, str], job: dict[str, Any]
) -> list[dict[str, Any]]:
    listed = await client.get(f"/v1/jobs/{job['id']}/applications", headers=owner)
    return list(listed.json()["items"])


async def test_bulk_reject_with_e_mail_then_undo(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job, applications = await _two_applicants(client, owner)
    await web_sign_in(client, EMAIL)
    board = await client.get(f"/app/jobs/{job['id']}")
    assert "2 applicants" in board.text
    token = csrf_token(board.text)

    rejected = await client.post(
        f"/app/jobs/{job['id']}/bulk",
        data={
            "csrf_token": token,
            "action": "reject",
            "reason": "not_qualified",
            "notify_candidate": "yes",
            "application_ids": [a["id"] for a in applications],
        },
    )

    assert rejected.status_code == 303
    after = await client.get(rejected.headers["location"])
    assert "Rejected 2 applicants." in after.text
    assert "Undo the rejection" in after.text
    assert {a["status"] for a in await _applications(client, owner, job)} == {"rejected"}
    undone = await client.post(
        f"/app/jobs/{job['id']}/undo-rejections",
        data={"csrf_token": token, "application_ids": [applications[0]["id"]]},
    )
    assert undone.status_code == 303
    assert (
        "Rejection undone for 1 applicant." in (await client.get(undone.headers["location"])).text
    )
    statuses = {a["id"]: a["status"] for a in await _applications(client, owner, job)}
    assert statuses == {applications[0]["id"]: "active", applications[1]["id"]: "rejected"}


async def test_bulk_move_and_e_mail(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    job, applications = await _two_applicants(client, owner)
    await web_sign_in(client, EMAIL)
    token = csrf_token((await client.get(f"/app/jobs/{job['id']}")).text)
    target = job["stages"][1]["id"]
    moved = await client.post(
        f"/app/jobs/{job['id']}/bulk",
        data={
            "csrf_token": token,
            "action": "move",
            "stage_id": target,
            "application_ids": [a["id"] for a in applications],
        },
    )
    assert "Moved 2 applicants." in (await client.get(moved.headers["location"])).text
    assert {a["stage_id"] for a in await _applications(client, owner, job)} == {target}
    emailed = await client.post(
        f"/app/jobs/{job['id']}/bulk",
        data={
            "csrf_token": token,
            "action": "email",
            "subject": "Next steps",
            "message": "Please pick a time.",
            "application_ids": [applications[0]["id"]],
        },
    )
    assert "E-mailed 1 applicant." in (await client.get(emailed.headers["location"])).text
    activity = await client.get(
        f"/v1/candidates/{applications[0]['candidate_id']}/activity", headers=owner
    )
    assert "message.sent" in [a["kind"] for a in activity.json()]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"action": "reject", "reason": "not_qualified"}, "Select at least one applicant"),
        ({"action": "reject", "reason": ""}, "Pick a reason"),
        ({"action": "reject", "reason": "made_up"}, "rejection reasons"),
        ({"action": "move", "stage_id": "nope"}, "Pick the stage"),
        ({"action": "email", "subject": "", "message": "x"}, "needs a subject"),
    ],
)
async def test_bad_bulk_requests_change_nothing_and_say_why(
    client: httpx.AsyncClient, owner: dict[str, str], fields: dict[str, str], message: str
) -> None:
    job, applications = await _two_applicants(client, owner)
    await web_sign_in(client, EMAIL)
    token = csrf_token((await client.get(f"/app/jobs/{job['id']}")).text)
    data: dict[str, Any] = {"csrf_token": token, **fields}
    if "Select" not in message:
        data["application_ids"] = [a["id"] for a in applications]
    response = await client.post(f"/app/jobs/{job['id']}/bulk", data=data)
    assert response.status_code == 303
    page = await client.get(response.headers["location"])
    assert message in page.text
    assert await _applications(client, owner, job) == applications


async def test_another_jobs_applications_are_skipped(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job, applications = await _two_applicants(client, owner)
    other = await open_job(client, owner, title="Other job")
    await web_sign_in(client, EMAIL)
    token = csrf_token((await client.get(f"/app/jobs/{other['id']}")).text)
    response = await client.post(
        f"/app/jobs/{other['id']}/bulk",
        data={
            "csrf_token": token,
            "action": "reject",
            "reason": "not_qualified",
            "application_ids": [applications[0]["id"]],
        },
    )
    page = await client.get(response.headers["location"])
    assert "Rejected 0 applicants." in page.text
    assert "1 could not be changed" in page.text
    assert {a["status"] for a in await _applications(client, owner, job)} == {"active"}
