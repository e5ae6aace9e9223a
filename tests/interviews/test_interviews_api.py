"""Plans, scheduling, scorecards and hours through the API, in rolled-back transactions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.events import DomainEvent
from hireline.core.tenancy import enter_tenant
from hireline.interviews.tasks import forget_erased_candidate, queue_reminders
from tests.interviews.helpers import hiring_setup, ratings_for

START = "2026-12-14T10:00:00"


async def _plan(client: httpx.AsyncClient, setup: dict[str, Any]) -> dict[str, Any]:
    response = await client.get(
        f"/v1/jobs/{setup['job']['id']}/interview-plan", headers=setup["owner"]
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _schedule(
    client: httpx.AsyncClient, setup: dict[str, Any], plan_interview: str, **extra: Any
) -> httpx.Response:
    return await client.post(
        f"/v1/applications/{setup['application']['id']}/interviews",
        json={
            "plan_interview_id": plan_interview,
            "starts_at": START,
            "time_zone": "Europe/Berlin",
            "video_url": "https://meet.example/abc",
        }
        | extra,
        headers=setup["owner"],
    )


async def test_a_job_from_a_template_gets_a_default_plan_with_traced_kits(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    plan = await _plan(client, setup)

    assert [i["name"] for i in plan["interviews"]] == [
        "Screen",
        "Technical",
        "System design",
        "Behavioural",
    ]
    technical = plan["interviews"][1]
    assert technical["duration_minutes"] == 60
    assert set(technical["interviewer_ids"]) == {setup["ivy"]["id"], setup["sam"]["id"]}
    assert technical["kit"]["questions"], "questions from the template's bank"
    for attribute in technical["kit"]["attributes"]:
        assert [level["rating"] for level in attribute["levels"]] == [1, 2, 3, 4]
        assert attribute["question_ids"]
    assert technical["kit"]["evaluation_tips"]
    assert technical["kit"]["red_flags"]
    # Every requirement is either covered by an interview or listed as uncovered.
    kinds = {r["kind"] for r in plan["requirements"]}
    assert kinds == {"skill", "attribute"}
    for requirement in plan["requirements"]:
        assert bool(requirement["covered_by"]) != (requirement in plan["uncovered"])
    # The same plan on the next read (made once).
    assert (await _plan(client, setup))["interviews"] == plan["interviews"]


async def test_replacing_the_plan_rebuilds_kits_and_shows_what_nobody_covers(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    plan = await _plan(client, setup)
    keep = plan["interviews"][1]
    question = keep["kit"]["questions"][0]["id"]
    response = await client.put(
        f"/v1/jobs/{setup['job']['id']}/interview-plan",
        json={
            "interviews": [
                {
                    "id": keep["id"],
                    "name": "Pairing",
                    "duration_minutes": 90,
                    "interviewer_ids": [setup["ivy"]["id"]],
                    "question_ids": [question],
                }
            ]
        },
        headers=setup["owner"],
    )
    assert response.status_code == 200, response.text
    replaced = response.json()
    assert [(i["id"], i["name"]) for i in replaced["interviews"]] == [(keep["id"], "Pairing")]
    assert [q["id"] for q in replaced["interviews"][0]["kit"]["questions"]] == [question]
    assert len(replaced["uncovered"]) > len(plan["uncovered"])


async def test_a_plan_with_unknown_questions_or_strangers_is_refused_whole(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    before = await _plan(client, setup)
    for interview in (
        {"name": "X", "question_ids": ["built-in:nope:nope"]},
        {"name": "X", "interviewer_ids": [str(uuid.uuid4())]},
    ):
        response = await client.put(
            f"/v1/jobs/{setup['job']['id']}/interview-plan",
            json={"interviews": [interview]},
            headers=setup["owner"],
        )
        assert response.status_code == 422, response.text
    assert (await _plan(client, setup))["interviews"] == before["interviews"]


async def test_scheduling_reads_local_time_and_refuses_panel_conflicts_unless_forced(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    plan = await _plan(client, setup)
    technical, design = plan["interviews"][1]["id"], plan["interviews"][2]["id"]

    first = await _schedule(client, setup, technical)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["starts_at"].startswith("2026-12-14T09:00:00")  # 10:00 in Berlin, in UTC
    assert body["ends_at"].startswith("2026-12-14T10:00:00")
    assert body["sequence"] == 0
    assert body["status"] == "scheduled"

    clash = await _schedule(client, setup, design, starts_at="2026-12-14T10:30:00")
    assert clash.status_code == 409, clash.text
    assert {c["interviewer_id"] for c in clash.json()["conflicts"]} == {
        setup["ivy"]["id"],
        setup["sam"]["id"],
    }
    forced = await _schedule(client, setup, design, starts_at="2026-12-14T10:30:00", force=True)
    assert forced.status_code == 201, forced.text

    moved = await client.patch(
        f"/v1/interviews/{body['id']}",
        json={"starts_at": "2026-12-15T14:00:00"},
        headers=setup["owner"],
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["sequence"] == 1
    assert moved.json()["ical_uid"] == body["ical_uid"]
    assert moved.json()["starts_at"].startswith("2026-12-15T13:00:00")

    bad = await _schedule(client, setup, technical, time_zone="Mars/Olympus")
    assert bad.status_code == 422


async def test_interviewers_see_only_their_interviews(client: httpx.AsyncClient) -> None:
    setup = await hiring_setup(client)
    plan = await _plan(client, setup)
    response = await _schedule(
        client, setup, plan["interviews"][1]["id"], interviewer_ids=[setup["ivy"]["id"]]
    )
    interview = response.json()
    ivy, sam = setup["ivy"]["headers"], setup["sam"]["headers"]

    assert (await client.get(f"/v1/interviews/{interview['id']}", headers=ivy)).status_code == 200
    assert (await client.get(f"/v1/interviews/{interview['id']}", headers=sam)).status_code == 404
    mine = (await client.get("/v1/me/interviews", headers=ivy)).json()["items"]
    assert [i["id"] for i in mine] == [interview["id"]]
    assert (await client.get("/v1/me/interviews", headers=sam)).json()["items"] == []
    # Interviewers neither schedule nor edit plans.
    assert (
        await _schedule(client, setup | {"owner": ivy}, plan["interviews"][1]["id"])
    ).status_code == 403


async def test_feedback_stays_hidden_until_you_submit_yours_and_edits_are_versioned(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    plan = await _plan(client, setup)
    interview = (await _schedule(client, setup, plan["interviews"][1]["id"])).json()
    ivy, sam = setup["ivy"]["headers"], setup["sam"]["headers"]
    scorecards = f"/v1/applications/{setup['application']['id']}/scorecards"
    submit = f"/v1/interviews/{interview['id']}/scorecards"

    first = await client.post(
        submit, json={"ratings": ratings_for(interview, 4), "recommendation": "yes"}, headers=ivy
    )
    assert first.status_code == 201, first.text
    assert first.json()["version"] == 1
    hidden = await client.get(scorecards, headers=sam)
    assert hidden.status_code == 403
    assert "Submit your own scorecard" in hidden.json()["detail"]
    assert (await client.get(submit, headers=sam)).status_code == 403
    assert (await client.get(scorecards, headers=ivy)).status_code == 200

    second = await client.post(
        submit,
        json={"ratings": ratings_for(interview, "no_evidence"), "recommendation": "no"},
        headers=sam,
    )
    assert second.status_code == 201, second.text
    assert len((await client.get(scorecards, headers=sam)).json()["items"]) == 2

    revised = await client.post(
        submit,
        json={"ratings": ratings_for(interview, 2), "recommendation": "strong_yes"},
        headers=ivy,
    )
    assert revised.json()["version"] == 2
    history = await client.get(f"/v1/scorecards/{revised.json()['id']}/versions", headers=ivy)
    assert [v["recommendation"] for v in history.json()["versions"]] == ["yes", "strong_yes"]

    unknown = await client.post(
        submit, json={"ratings": {"skill:cobol": 3}, "recommendation": "yes"}, headers=ivy
    )
    assert unknown.status_code == 422
    outsider = await client.post(
        submit, json={"ratings": {}, "recommendation": "yes"}, headers=setup["owner"]
    )
    assert outsider.status_code == 403

    summary = await client.get(
        f"/v1/applications/{setup['application']['id']}/feedback-summary", headers=setup["owner"]
    )
    assert summary.status_code == 200, summary.text
    body = summary.json()
    assert body["recommendations"] == {"strong_no": 0, "no": 1, "yes": 0, "strong_yes": 1}
    for attribute in body["attributes"]:
        assert {r["interviewer_name"] for r in attribute["ratings"]} == {
            "Ivy Interviewer",
            "Sam Second",
        }
        assert attribute["average"] == 2
    rated = {a["key"] for a in body["attributes"]}
    assert all(r["key"] not in rated for r in body["no_evidence_yet"])
    assert body["no_evidence_yet"]


async def test_weekly_hours_shape_the_suggested_slots(client: httpx.AsyncClient) -> None:
    setup = await hiring_setup(client)
    plan = await _plan(client, setup)
    for who, zone, hours in (
        ("ivy", "Europe/Berlin", ("09:00", "12:00")),
        ("sam", "America/New_York", ("05:00", "08:00")),
    ):
        response = await client.put(
            "/v1/me/availability",
            json={
                "time_zone": zone,
                "windows": [{"weekday": 1, "starts": hours[0], "ends": hours[1]}],
            },
            headers=setup[who]["headers"],
        )
        assert response.status_code == 200, response.text
    slots = await client.get(
        f"/v1/applications/{setup['application']['id']}/interview-slots",
        params={
            "plan_interview_id": plan["interviews"][1]["id"],
            "after": "2026-12-13T00:00:00Z",
            "count": 3,
        },
        headers=setup["owner"],
    )
    assert slots.status_code == 200, slots.text
    # Monday 14 December: Berlin 09-12 is 08-11 UTC; New York 05-08 is 10-13 UTC.
    assert [s["starts_at"][:16] for s in slots.json()["items"]] == [
        "2026-12-14T10:00",
        "2026-12-21T10:00",
        "2026-12-28T10:00",
    ]


async def test_a_missing_scorecard_is_reminded_once_a_day_after(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    setup = await hiring_setup(client)
    plan = await _plan(client, setup)
    interview = (await _schedule(client, setup, plan["interviews"][1]["id"])).json()
    await client.post(
        f"/v1/interviews/{interview['id']}/scorecards",
        json={"ratings": ratings_for(interview), "recommendation": "yes"},
        headers=setup["ivy"]["headers"],
    )
    await enter_tenant(db_session, uuid.UUID(setup["tenant_id"]))
    ended = datetime.fromisoformat(interview["ends_at"])
    assert await queue_reminders(db_session, ended + timedelta(hours=23)) == 0
    assert await queue_reminders(db_session, ended + timedelta(hours=25)) == 1  # Sam only
    assert await queue_reminders(db_session, ended + timedelta(hours=26)) == 0
    assert datetime.now(UTC) < ended


async def test_erasing_a_candidate_clears_what_interviewers_wrote(
    client: httpx.AsyncClient, db_session: AsyncSession
) -> None:
    setup = await hiring_setup(client)
    plan = await _plan(client, setup)
    interview = (await _schedule(client, setup, plan["interviews"][1]["id"])).json()
    question = interview["kit"]["questions"][0]["id"]
    card = await client.post(
        f"/v1/interviews/{interview['id']}/scorecards",
        json={
            "ratings": ratings_for(interview),
            "notes": {question: "Mentioned her sister's clinic."},
            "summary": "Personal details here.",
            "recommendation": "yes",
        },
        headers=setup["ivy"]["headers"],
    )
    await enter_tenant(db_session, uuid.UUID(setup["tenant_id"]))
    event = DomainEvent(
        tenant_id=uuid.UUID(setup["tenant_id"]),
        type="candidate.erased",
        payload={"candidate_id": setup["application"]["candidate_id"]},
    )
    await forget_erased_candidate(event, db_session)

    history = await client.get(
        f"/v1/scorecards/{card.json()['id']}/versions", headers=setup["owner"]
    )
    [version] = history.json()["versions"]
    assert version["notes"] == {}
    assert version["summary"] is None
    assert version["recommendation"] == "yes"
    again = await client.get(f"/v1/interviews/{interview['id']}", headers=setup["owner"])
    assert again.json()["video_url"] is None
