"""Interview screens through HTTP: my interviews, scorecard form, hidden feedback, the plan
editor, the schedule dialog with its slot suggestions, and the dashboard's list."""

from __future__ import annotations

import re
from typing import Any

import httpx

from tests.interviews.helpers import hiring_setup, ratings_for
from tests.web.helpers import csrf_token, web_sign_in


async def _scheduled(
    client: httpx.AsyncClient, setup: dict[str, Any], start: str
) -> dict[str, Any]:
    plan = (
        await client.get(f"/v1/jobs/{setup['job']['id']}/interview-plan", headers=setup["owner"])
    ).json()
    response = await client.post(
        f"/v1/applications/{setup['application']['id']}/interviews",
        json={
            "plan_interview_id": plan["interviews"][1]["id"],
            "starts_at": start,
            "time_zone": "Europe/Berlin",
        },
        headers=setup["owner"],
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_an_interviewer_scores_by_form_and_then_sees_the_feedback(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    interview = await _scheduled(client, setup, "2025-01-06T10:00:00")  # in the past
    await web_sign_in(client, setup["sam"]["email"])

    dashboard = await client.get("/app")
    assert "Interviews to score" in dashboard.text
    assert f"/app/interviews/{interview['id']}/scorecard" in dashboard.text
    mine = await client.get("/app/me/interviews")
    assert "Mon 06 Jan 2025, 10:00" in mine.text  # the interview's own wall-clock time

    hours = {"csrf_token": csrf_token(mine.text), "time_zone": "Europe/Berlin"}
    hours |= {"day-1-starts": "09:00", "day-1-ends": "12:30", "day-3-starts": "14:00"}
    saved = await client.post("/app/me/availability", data=hours)
    assert saved.status_code == 303
    api_hours = (await client.get("/v1/me/availability", headers=setup["sam"]["headers"])).json()
    assert api_hours["time_zone"] == "Europe/Berlin"
    assert [(w["weekday"], w["starts"], w["ends"]) for w in api_hours["windows"]] == [
        (1, "09:00:00", "12:30:00")
    ]
    refused = await client.post(
        "/app/me/availability", data=hours | {"day-2-starts": "12:00", "day-2-ends": "08:00"}
    )
    assert refused.status_code == 422

    hidden = await client.get(f"/app/applications/{setup['application']['id']}/feedback")
    assert hidden.status_code == 403
    assert "Submit your own scorecard" in hidden.text

    form = await client.get(f"/app/interviews/{interview['id']}/scorecard")
    assert form.status_code == 200
    for attribute in interview["kit"]["attributes"]:
        assert f'name="rating:{attribute["key"]}"' in form.text
    token = csrf_token(form.text)
    incomplete = await client.post(
        f"/app/interviews/{interview['id']}/scorecard", data={"csrf_token": token}
    )
    assert incomplete.status_code == 422
    assert 'role="alert"' in incomplete.text

    data = {f"rating:{k}": str(v) for k, v in ratings_for(interview, 3).items()}
    first_question = interview["kit"]["questions"][0]["id"]
    data |= {
        "csrf_token": token,
        "recommendation": "yes",
        f"note:{first_question}": "Clear <reasoning>.",
    }
    sent = await client.post(f"/app/interviews/{interview['id']}/scorecard", data=data)
    assert sent.status_code == 303
    summary = await client.get(sent.headers["location"])
    assert summary.status_code == 200
    assert "Clear &lt;reasoning&gt;." in summary.text
    assert "Sam Second" in summary.text
    assert "No evidence yet" in summary.text
    assert "Interviews to score" in (await client.get("/app")).text
    assert f"/app/interviews/{interview['id']}/scorecard" not in (await client.get("/app")).text


async def test_a_recruiter_edits_the_plan_and_schedules_from_a_suggested_slot(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    await web_sign_in(client, f"owner@{setup['slug']}.example")
    job_id = setup["job"]["id"]

    editor = await client.get(f"/app/jobs/{job_id}/interview-plan")
    assert editor.status_code == 200
    assert "Coverage of the job" in editor.text
    token = csrf_token(editor.text)
    ids = re.findall(r'name="i-(\d+)-id" value="([^"]+)"', editor.text)
    assert len(ids) == 4
    data: dict[str, Any] = {"csrf_token": token, "count": "4"}
    for n, interview_id in ids:
        data[f"i-{n}-id"] = interview_id
        data[f"i-{n}-name"] = f"Round {n}"
        data[f"i-{n}-duration"] = "45"
        data[f"i-{n}-interviewer"] = [setup["ivy"]["id"], setup["sam"]["id"]]
    data["i-3-remove"] = "on"
    data["i-4-name"] = "Take-home review"
    saved = await client.post(f"/app/jobs/{job_id}/interview-plan", data=data)
    assert saved.status_code == 303
    plan = (await client.get(f"/v1/jobs/{job_id}/interview-plan", headers=setup["owner"])).json()
    assert [i["name"] for i in plan["interviews"]] == [
        "Round 0",
        "Round 1",
        "Round 2",
        "Take-home review",
    ]

    application_id = setup["application"]["id"]
    dialog = await client.get(f"/app/applications/{application_id}/schedule")
    assert dialog.status_code == 200
    chosen = plan["interviews"][1]["id"]
    slots = await client.get(
        f"/app/applications/{application_id}/slots",
        params={"plan_interview_id": chosen, "time_zone": "Europe/Berlin"},
        headers={"HX-Request": "true"},
    )
    assert slots.status_code == 200
    links = re.findall(r'href="(/app/applications/[^"]+/schedule\?[^"]+)"', slots.text)
    assert links
    prefilled = await client.get(links[0].replace("&amp;", "&"))
    start = re.search(r'name="starts_at" value="([^"]+)"', prefilled.text)
    assert start is not None
    assert start.group(1)
    form = {
        "csrf_token": csrf_token(prefilled.text),
        "plan_interview_id": chosen,
        "interviewer_ids": [setup["ivy"]["id"]],
        "starts_at": start.group(1),
        "time_zone": "Europe/Berlin",
        "video_url": "https://meet.example/x",
    }
    scheduled = await client.post(f"/app/applications/{application_id}/schedule", data=form)
    assert scheduled.status_code == 303, scheduled.text
    again = await client.post(f"/app/applications/{application_id}/schedule", data=form)
    assert again.status_code == 409
    assert "Schedule anyway" in again.text
    forced = await client.post(
        f"/app/applications/{application_id}/schedule", data=form | {"force": "on"}
    )
    assert forced.status_code == 303
