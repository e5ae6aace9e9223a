"""Editing a job's pipeline through the API: a renamed stage keeps its applications, a
removed one gives them to the stage named for it (409 until one is), and plans are unlinked."""

from __future__ import annotations

from typing import Any

import httpx

from tests.candidates.test_applications import apply
from tests.jobs.helpers import open_job


def _ids(job: dict[str, Any]) -> dict[str, str]:
    return {stage["name"]: stage["id"] for stage in job["stages"]}


async def _applicant(client: httpx.AsyncClient, job: dict[str, Any], email: str) -> str:
    applied = await apply(client, job, fields={"email": email})
    assert applied.status_code == 201, applied.text
    return str(applied.json()["id"])


async def _stage_of(client: httpx.AsyncClient, owner: dict[str, str], application: str) -> str:
    found = await client.get(f"/v1/applications/{application}", headers=owner)
    assert found.status_code == 200, found.text
    return str(found.json()["stage"]["id"])


async def test_renaming_a_stage_by_id_keeps_it_and_its_applications(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    application = await _applicant(client, job, "ada@example.com")
    assert await _stage_of(client, owner, application) == ids["Applied"]
    renamed = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={
            "stages": [
                {"id": ids["Applied"], "name": "New"},
                "Screen",
                {"id": ids["Onsite"], "name": "Final round"},
                "Technical interview",
                {"name": "Offer"},
            ]
        },
        headers=owner,
    )
    assert renamed.status_code == 200, renamed.text
    after = renamed.json()["stages"]
    assert [s["name"] for s in after] == [
        "New",
        "Screen",
        "Final round",
        "Technical interview",
        "Offer",
    ]
    assert [s["id"] for s in after] == [
        ids[name] for name in ("Applied", "Screen", "Onsite", "Technical interview", "Offer")
    ]
    assert await _stage_of(client, owner, application) == ids["Applied"]


async def test_removing_a_stage_that_holds_applications_is_409_and_changes_nothing(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    application = await _applicant(client, job, "ada@example.com")
    await _applicant(client, job, "grace@example.com")
    refused = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={"title": "Renamed meanwhile", "stages": ["Screen", "Onsite", "Offer"]},
        headers=owner,
    )
    assert refused.status_code == 409, refused.text
    problem = refused.json()
    assert "“Applied” holds 2 applications" in problem["detail"]
    assert problem["stage_id"] == ids["Applied"]
    assert problem["held"] == {"applications": 2}
    unchanged = (await client.get(f"/v1/jobs/{job['id']}", headers=owner)).json()
    assert unchanged["title"] == job["title"]
    assert _ids(unchanged) == ids
    assert await _stage_of(client, owner, application) == ids["Applied"]


async def test_a_removed_stage_gives_its_applications_to_the_stage_named(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    application = await _applicant(client, job, "ada@example.com")
    withdrawn = await _applicant(client, job, "grace@example.com")
    done = await client.post(f"/v1/applications/{withdrawn}/withdraw", headers=owner)
    assert done.status_code == 200, done.text
    moved = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={
            "stages": ["Screen", "Onsite", "Offer"],
            "stage_moves": [{"stage_id": ids["Applied"], "to_stage_id": ids["Screen"]}],
        },
        headers=owner,
    )
    assert moved.status_code == 200, moved.text
    assert [s["name"] for s in moved.json()["stages"]] == ["Screen", "Onsite", "Offer"]
    assert await _stage_of(client, owner, application) == ids["Screen"]
    # A closed application moves too, and each move is in the candidate's activity.
    assert await _stage_of(client, owner, withdrawn) == ids["Screen"]
    found = await client.get(f"/v1/applications/{application}", headers=owner)
    activity = await client.get(
        f"/v1/candidates/{found.json()['candidate_id']}/activity", headers=owner
    )
    assert activity.status_code == 200, activity.text
    moves = [item for item in activity.json() if item["kind"] == "application.moved"]
    assert [item["details"]["to_stage"] for item in moves] == ["Screen"]


async def test_bad_stage_edits_are_422_and_change_nothing(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    other = await open_job(client, owner, title="Another")
    url = f"/v1/jobs/{job['id']}"
    for body, where in [
        ({"stages": [{"id": _ids(other)["Screen"], "name": "Stolen"}]}, "id"),
        (
            {"stages": [{"id": ids["Screen"], "name": "A"}, {"id": ids["Screen"], "name": "B"}]},
            "id",
        ),
        (
            {
                "stages": ["Applied", "Offer"],
                "stage_moves": [{"stage_id": ids["Applied"], "to_stage_id": ids["Offer"]}],
            },
            "stage_id",
        ),
        (
            {
                "stages": ["Applied", "Offer"],
                "stage_moves": [{"stage_id": ids["Screen"], "to_stage_id": ids["Onsite"]}],
            },
            "to_stage_id",
        ),
        (
            {"stage_moves": [{"stage_id": ids["Screen"], "to_stage_id": ids["Offer"]}]},
            "stage_moves",
        ),
        ({"stages": [{"id": ids["Screen"], "name": " "}]}, "name"),
    ]:
        refused = await client.patch(url, json=body, headers=owner)
        assert refused.status_code == 422, (body, refused.text)
        assert where in str(refused.json()["errors"]), refused.text
    assert _ids((await client.get(url, headers=owner)).json()) == ids


async def test_a_removed_stage_leaves_the_plans_interviews_in_it_without_a_stage(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    job = await open_job(client, owner)
    ids = _ids(job)
    plan = (await client.get(f"/v1/jobs/{job['id']}/interview-plan", headers=owner)).json()
    in_onsite = {i["id"] for i in plan["interviews"] if i["stage_id"] == ids["Onsite"]}
    assert in_onsite, plan["interviews"]
    removed = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={"stages": ["Applied", "Screen", "Technical interview", "Offer"]},
        headers=owner,
    )
    assert removed.status_code == 200, removed.text
    after = (await client.get(f"/v1/jobs/{job['id']}/interview-plan", headers=owner)).json()
    assert [i["id"] for i in after["interviews"]] == [i["id"] for i in plan["interviews"]]
    for interview in after["interviews"]:
        if interview["id"] in in_onsite:
            assert interview["stage_id"] is None
        else:
            assert interview["stage_id"] in ids.values()


async def test_a_stage_takes_the_kind_its_new_name_and_place_say(
    client: httpx.AsyncClient, owner: dict[str, str]
) -> None:
    """Kinds follow the rule stages are made with: renamed "Offer call" takes offers; moved to
    the top, a stage is where applications land."""
    job = await open_job(client, owner)
    ids = _ids(job)
    changed = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={
            "stages": [
                {"id": ids["Screen"], "name": "Screen"},
                {"id": ids["Applied"], "name": "Applied"},
                {"id": ids["Technical interview"], "name": "Offer call"},
                {"id": ids["Onsite"], "name": "Onsite"},
                {"id": ids["Offer"], "name": "Paperwork"},
            ]
        },
        headers=owner,
    )
    assert changed.status_code == 200, changed.text
    kinds = {stage["name"]: stage["kind"] for stage in changed.json()["stages"]}
    assert kinds == {
        "Screen": "applied",
        "Applied": "other",
        "Offer call": "offer",
        "Onsite": "interview",
        "Paperwork": "other",
    }
