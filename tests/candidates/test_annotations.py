"""Notes with @mentions and tags on a candidate, through the API."""

from __future__ import annotations

import httpx
import pytest

from hireline.candidates.annotations.service import mentioned
from hireline.identity.members.service import Member
from tests.candidates.test_applications import apply
from tests.identity.helpers import bearer, sign_up
from tests.identity.test_members import _join
from tests.jobs.helpers import open_job


async def _candidate(client: httpx.AsyncClient, owner: dict[str, str]) -> str:
    job = await open_job(client, owner)
    applied = await apply(client, job)
    assert applied.status_code == 201, applied.text
    return str(applied.json()["candidate_id"])


async def test_a_note_mentions_members_by_handle_or_address(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    candidate_id = await _candidate(client, owner)
    await _join(client, owner, "ivy@acme.example", "interviewer")

    added = await client.post(
        f"/v1/candidates/{candidate_id}/notes",
        json={"body": "Strong on SQL. @ivy and @owner@acme.example, please look; @nobody"},
        headers=owner,
    )

    assert added.status_code == 201, added.text
    note = added.json()
    assert note["author_name"] == "Olive Owner"
    assert [m["email"] for m in note["mentions"]] == ["ivy@acme.example", "owner@acme.example"]
    listed = await client.get(f"/v1/candidates/{candidate_id}/notes", headers=owner)
    assert [n["id"] for n in listed.json()["items"]] == [note["id"]]
    activity = await client.get(f"/v1/candidates/{candidate_id}/activity", headers=owner)
    assert "note.added" in [a["kind"] for a in activity.json()]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"body": ""}, 422),
        ({"body": "   "}, 422),
        ({"text": "x"}, 422),
        ({"body": "x" * 10_001}, 422),
    ],
)
async def test_bad_notes_are_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, owner: dict[str, str], body: dict[str, str], status: int
) -> None:
    candidate_id = await _candidate(client, owner)
    refused = await client.post(f"/v1/candidates/{candidate_id}/notes", json=body, headers=owner)
    assert refused.status_code == status, refused.text
    listed = await client.get(f"/v1/candidates/{candidate_id}/notes", headers=owner)
    assert listed.json()["items"] == []


async def test_interviewers_read_notes_but_do_not_write_them(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    candidate_id = await _candidate(client, owner)
    interviewer = bearer(
        (await _join(client, owner, "ivy@acme.example", "interviewer"))["access_token"]
    )
    refused = await client.post(
        f"/v1/candidates/{candidate_id}/notes", json={"body": "hi"}, headers=interviewer
    )
    assert refused.status_code == 403
    assert (
        await client.get(f"/v1/candidates/{candidate_id}/notes", headers=interviewer)
    ).status_code == 200


async def test_tags_are_added_replaced_and_removed(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    candidate_id = await _candidate(client, owner)
    path = f"/v1/candidates/{candidate_id}/tags"

    added = await client.post(path, json={"tags": ["python", " senior ", "python"]}, headers=owner)
    assert added.json() == {"tags": ["python", "senior"]}
    replaced = await client.put(path, json={"tags": ["remote"]}, headers=owner)
    assert replaced.json() == {"tags": ["remote"]}
    assert (await client.delete(f"{path}/remote", headers=owner)).json() == {"tags": []}
    assert (await client.delete(f"{path}/remote", headers=owner)).status_code == 404
    assert (await client.post(path, json={"tags": []}, headers=owner)).status_code == 422
    assert (await client.put(path, json={"tags": ["x" * 61]}, headers=owner)).status_code == 422
    found = await client.get("/v1/candidates", params={"tag": "remote"}, headers=owner)
    assert found.json()["items"] == []


async def test_notes_and_tags_of_another_organisation_are_404(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    candidate_id = await _candidate(client, owner)
    await client.post(f"/v1/candidates/{candidate_id}/notes", json={"body": "x"}, headers=owner)
    globex = bearer((await sign_up(client, "globex"))["access_token"])
    for method, path, body in [
        ("GET", f"/v1/candidates/{candidate_id}/notes", None),
        ("POST", f"/v1/candidates/{candidate_id}/notes", {"body": "mine now"}),
        ("PUT", f"/v1/candidates/{candidate_id}/tags", {"tags": ["x"]}),
        ("POST", f"/v1/candidates/{candidate_id}/tags", {"tags": ["x"]}),
        ("DELETE", f"/v1/candidates/{candidate_id}/tags/x", None),
    ]:
        response = await client.request(method, path, json=body, headers=globex)
        assert response.status_code == 404, (method, path, response.text)


async def test_erasure_removes_the_notes(client: httpx.AsyncClient, owner: dict[str, str]) -> None:
    candidate_id = await _candidate(client, owner)
    await client.post(f"/v1/candidates/{candidate_id}/notes", json={"body": "x"}, headers=owner)
    exported = await client.get(f"/v1/candidates/{candidate_id}/export", headers=owner)
    assert [n["body"] for n in exported.json()["notes"]] == ["x"]
    assert (await client.delete(f"/v1/candidates/{candidate_id}", headers=owner)).status_code == 204
    assert (
        await client.get(f"/v1/candidates/{candidate_id}/notes", headers=owner)
    ).status_code == 404


def _member(email: str) -> Member:
    import uuid
    from datetime import UTC, datetime

    return Member(uuid.uuid4(), email, email.split("@")[0].title(), "recruiter", datetime.now(UTC))


def test_a_short_handle_shared_by_two_members_mentions_neither() -> None:
    team = [_member("sam@a.example"), _member("sam@b.example"), _member("ada@a.example")]
    found = mentioned("@sam, @ada. and @sam@b.example; mail@ada is not a mention", team)
    assert [m.email for m in found] == ["ada@a.example", "sam@b.example"]
