"""The interview half of the hiring loop through HTTP and the worker: a plan from the
template, a panel scheduled with calendar invitations (read back from the mail folder with
icalendar), a reschedule and a cancellation, two scorecards, and the feedback summary."""

from __future__ import annotations

import email
import shutil
import uuid
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from fastapi import FastAPI
from icalendar import Calendar
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.db import unit_of_work
from hireline.core.queue import WorkerState
from hireline.core.tenancy import enter_tenant
from hireline.interviews.tasks import queue_reminders
from hireline.settings import Settings
from tests.interviews.helpers import hiring_setup, ratings_for
from tests.queue_tasks import drain

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def state(app: FastAPI, settings: Settings) -> WorkerState:
    shutil.rmtree(settings.data_dir / "mail", ignore_errors=True)
    return WorkerState(sessions=app.state.sessions, settings=settings)


def _mailbox(state: WorkerState) -> list[EmailMessage]:
    root = state.settings.data_dir / "mail"
    found = []
    for path in sorted(root.rglob("*.eml")) if root.exists() else []:
        parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        found.append(parsed)
    return found


def _calendar(message: EmailMessage) -> Calendar:
    [part] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_filename() == "invite.ics"
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return Calendar.from_ical(payload)


def _event(calendar: Calendar) -> Any:
    [event] = calendar.walk("VEVENT")
    return event


def _recipients(messages: list[EmailMessage]) -> set[str]:
    return {m["To"].addresses[0].addr_spec for m in messages}


def _attendees(event: Any) -> set[str]:
    attendees = event.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    return {str(a).removeprefix("mailto:") for a in attendees}


async def test_plan_schedule_reschedule_cancel_score_and_summarise(
    committing_client: httpx.AsyncClient, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    setup = await hiring_setup(client)
    owner, ivy, sam = setup["owner"], setup["ivy"], setup["sam"]
    application_id = setup["application"]["id"]
    await drain(engine, state)  # the application's own mails
    before = len(_mailbox(state))

    # The plan from the template.
    plan = (await client.get(f"/v1/jobs/{setup['job']['id']}/interview-plan", headers=owner)).json()
    technical, design = plan["interviews"][1], plan["interviews"][2]
    assert technical["name"] == "Technical"
    assert technical["kit"]["attributes"]

    # A panel of two, at 10:00 in Berlin.
    scheduled = await client.post(
        f"/v1/applications/{application_id}/interviews",
        json={
            "plan_interview_id": technical["id"],
            "starts_at": "2026-12-14T10:00:00",
            "time_zone": "Europe/Berlin",
            "location": "Room 4, Alexanderplatz",
        },
        headers=owner,
    )
    assert scheduled.status_code == 201, scheduled.text
    interview = scheduled.json()
    await drain(engine, state)
    invitations = _mailbox(state)[before:]
    everyone = {ivy["email"], sam["email"], "ada@example.com"}
    assert _recipients(invitations) == everyone
    assert len(invitations) == 3
    for message in invitations:
        calendar = _calendar(message)
        assert str(calendar["method"]) == "REQUEST"
        assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
        event = _event(calendar)
        assert str(event["uid"]) == interview["ical_uid"]
        assert int(event["sequence"]) == 0
        start = event.decoded("dtstart")
        assert start == datetime(2026, 12, 14, 10, 0, tzinfo=BERLIN)
        assert str(start.tzinfo) == "Europe/Berlin"
        assert event.decoded("dtend") == datetime(2026, 12, 14, 11, 0, tzinfo=BERLIN)
        assert event.get("dtstart").params["TZID"] == "Europe/Berlin"
        assert str(event["location"]) == "Room 4, Alexanderplatz"
        assert _attendees(event) == everyone
    to_ada = next(m for m in invitations if m["To"].addresses[0].addr_spec == "ada@example.com")
    assert to_ada["Subject"].strip().startswith("Invitation: Interview with")

    # Rescheduled: the same UID, a higher SEQUENCE, the new time.
    moved = await client.patch(
        f"/v1/interviews/{interview['id']}",
        json={"starts_at": "2026-12-15T15:30:00"},
        headers=owner,
    )
    assert moved.status_code == 200, moved.text
    await drain(engine, state)
    updates = _mailbox(state)[before + 3 :]
    assert _recipients(updates) == everyone
    assert len(updates) == 3
    for message in updates:
        assert message["Subject"].strip().startswith("Updated: ")
        event = _event(_calendar(message))
        assert str(event["uid"]) == interview["ical_uid"]
        assert int(event["sequence"]) == 1
        assert event.decoded("dtstart") == datetime(2026, 12, 15, 15, 30, tzinfo=BERLIN)

    # Another interview, clashing for the panel: refused, then moved and cancelled.
    clash = await client.post(
        f"/v1/applications/{application_id}/interviews",
        json={
            "plan_interview_id": design["id"],
            "starts_at": "2026-12-15T16:00:00",
            "time_zone": "Europe/Berlin",
            "interviewer_ids": [ivy["id"]],
        },
        headers=owner,
    )
    assert clash.status_code == 409, clash.text
    second = await client.post(
        f"/v1/applications/{application_id}/interviews",
        json={
            "plan_interview_id": design["id"],
            "starts_at": "2026-12-16T09:00:00",
            "time_zone": "Europe/Berlin",
            "interviewer_ids": [ivy["id"]],
            "video_url": "https://meet.example/design",
        },
        headers=owner,
    )
    assert second.status_code == 201, second.text
    cancelled = await client.post(f"/v1/interviews/{second.json()['id']}/cancel", headers=owner)
    assert cancelled.status_code == 200, cancelled.text
    await drain(engine, state)
    cancellations = [m for m in _mailbox(state) if m["Subject"].strip().startswith("Cancelled: ")]
    assert _recipients(cancellations) == {ivy["email"], "ada@example.com"}
    for message in cancellations:
        calendar = _calendar(message)
        assert str(calendar["method"]) == "CANCEL"
        event = _event(calendar)
        assert str(event["uid"]) == second.json()["ical_uid"]
        assert int(event["sequence"]) == 1
        assert str(event["status"]) == "CANCELLED"

    # Two scorecards; the second interviewer cannot read the first before submitting.
    submit = f"/v1/interviews/{interview['id']}/scorecards"
    first = await client.post(
        submit,
        json={
            "ratings": ratings_for(interview, 4),
            "notes": {interview["kit"]["questions"][0]["id"]: "Found the leak with a profile."},
            "recommendation": "strong_yes",
        },
        headers=ivy["headers"],
    )
    assert first.status_code == 201, first.text
    for path in (submit, f"/v1/applications/{application_id}/scorecards"):
        hidden = await client.get(path, headers=sam["headers"])
        assert hidden.status_code == 403, hidden.text
    summary_hidden = await client.get(
        f"/v1/applications/{application_id}/feedback-summary", headers=sam["headers"]
    )
    assert summary_hidden.status_code == 403
    second_card = await client.post(
        submit,
        json={"ratings": ratings_for(interview, 3), "recommendation": "yes"},
        headers=sam["headers"],
    )
    assert second_card.status_code == 201, second_card.text
    visible = await client.get(submit, headers=sam["headers"])
    assert visible.status_code == 200
    assert {c["interviewer_name"] for c in visible.json()["items"]} == {
        "Ivy Interviewer",
        "Sam Second",
    }

    # The summary.
    summary = (
        await client.get(f"/v1/applications/{application_id}/feedback-summary", headers=owner)
    ).json()
    assert summary["recommendations"] == {"strong_no": 0, "no": 0, "yes": 1, "strong_yes": 1}
    for attribute in summary["attributes"]:
        assert sorted(r["rating"] for r in attribute["ratings"]) == [3, 4]
        assert attribute["average"] == 3.5
    rated = {a["key"] for a in summary["attributes"]}
    assert summary["no_evidence_yet"]
    assert all(r["key"] not in rated for r in summary["no_evidence_yet"])

    # Each kind of change is an event type webhook endpoints can subscribe to.
    types = (await client.get("/v1/webhooks/event-types", headers=owner)).json()
    listed = {t["type"] for t in types}
    assert {"interview.scheduled", "interview.rescheduled", "interview.cancelled"} <= listed
    assert "scorecard.submitted" in listed


async def test_a_missing_scorecard_is_mailed_once_a_day_after_the_interview(
    committing_client: httpx.AsyncClient, app: FastAPI, engine: AsyncEngine, state: WorkerState
) -> None:
    client = committing_client
    setup = await hiring_setup(client)
    plan = (
        await client.get(f"/v1/jobs/{setup['job']['id']}/interview-plan", headers=setup["owner"])
    ).json()
    interview = (
        await client.post(
            f"/v1/applications/{setup['application']['id']}/interviews",
            json={
                "plan_interview_id": plan["interviews"][1]["id"],
                "starts_at": "2025-01-06T10:00:00",
                "time_zone": "Europe/Berlin",
            },
            headers=setup["owner"],
        )
    ).json()
    await client.post(
        f"/v1/interviews/{interview['id']}/scorecards",
        json={"ratings": ratings_for(interview), "recommendation": "yes"},
        headers=setup["ivy"]["headers"],
    )
    await drain(engine, state)
    for _ in range(2):  # the periodic job runs again: nobody is reminded twice
        async with unit_of_work(app.state.sessions) as session:
            await enter_tenant(session, uuid.UUID(setup["tenant_id"]))
            await queue_reminders(session, datetime.now(UTC))
        await drain(engine, state)

    reminders = [m for m in _mailbox(state) if "Scorecard missing" in str(m["Subject"])]
    assert _recipients(reminders) == {setup["sam"]["email"]}
    assert len(reminders) == 1
    body = reminders[0].get_body(preferencelist=("plain",))
    assert body is not None
    assert f"/app/interviews/{interview['id']}/scorecard" in str(body.get_content())
