"""The whole hiring loop on one application, through HTTP, the worker and the mail folder:
the plan from the template, a panel scheduled with calendar invitations (parsed back),
rescheduled and one interview cancelled, two scorecards (the second interviewer cannot read
the first before submitting), the summary, then offers in and out of the band, approvals,
the candidate accepting through the link, the hire, the job closed and the others rejected.
The interview half and the offer half each have their own, finer test beside this one."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core.queue import WorkerState
from hireline.settings import Settings
from tests.e2e.test_hiring_loop_interviews import _attendees, _calendar, _event
from tests.e2e.test_hiring_loop_offers import (
    ADA,
    _apply,
    _mailbox,
    _to,
    offer_phase,
    organization,  # noqa: F401  (a fixture this test uses)
    state,  # noqa: F401  (a fixture this test uses)
)
from tests.interviews.helpers import ratings_for
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain

LISBON = ZoneInfo("Europe/Lisbon")


async def test_from_the_interview_plan_to_the_hire(
    committing_client: httpx.AsyncClient,
    organization: dict[str, Any],  # noqa: F811
    engine: AsyncEngine,
    state: WorkerState,  # noqa: F811
    settings: Settings,
    tmp_path: Any,
) -> None:
    client, org = committing_client, organization
    owner, hana, ivo = org["owner"], org["first"], org["second"]
    team = [
        {"user_id": hana["id"], "role": "hiring_manager"},
        {"user_id": ivo["id"], "role": "interviewer"},
    ]
    job = await open_job(
        client, owner, title="Backend <Engineer> & Co", openings=1, hiring_team=team
    )
    ada_app = await _apply(client, org["slug"], job["id"], ADA, "ada@example.com")
    bob_app = await _apply(client, org["slug"], job["id"], "Bob Byte", "bob@example.com")
    cy_app = await _apply(client, org["slug"], job["id"], "Cy Cache", "cy@example.com")
    await drain(engine, state)

    # The plan comes from the template, with kits tracing requirements to questions.
    plan = (await client.get(f"/v1/jobs/{job['id']}/interview-plan", headers=owner)).json()
    technical, design = plan["interviews"][1], plan["interviews"][2]
    assert technical["kit"]["attributes"]

    # A panel of two in Lisbon time: invitations with VTIMEZONE, attendees and a UID.
    scheduled = await client.post(
        f"/v1/applications/{ada_app}/interviews",
        json={
            "plan_interview_id": technical["id"],
            "starts_at": "2027-01-12T14:00:00",
            "time_zone": "Europe/Lisbon",
            "interviewer_ids": [hana["id"], ivo["id"]],
            "video_url": "https://meet.example/technical",
        },
        headers=owner,
    )
    assert scheduled.status_code == 201, scheduled.text
    interview = scheduled.json()
    await drain(engine, state)
    panel = {hana["email"], ivo["email"], "ada@example.com"}
    invitations = [m for m in _mailbox(state) if m["Subject"].strip().startswith("Invitation:")]
    assert {m["To"].addresses[0].addr_spec for m in invitations} == panel
    for message in invitations:
        calendar = _calendar(message)
        assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Lisbon"]
        event = _event(calendar)
        assert str(event["uid"]) == interview["ical_uid"]
        assert event.decoded("dtstart") == datetime(2027, 1, 12, 14, 0, tzinfo=LISBON)
        assert _attendees(event) == panel

    # Rescheduled: the same UID with a higher SEQUENCE.
    moved = await client.patch(
        f"/v1/interviews/{interview['id']}",
        json={"starts_at": "2027-01-13T09:30:00"},
        headers=owner,
    )
    assert moved.status_code == 200, moved.text
    await drain(engine, state)
    updates = [m for m in _mailbox(state) if m["Subject"].strip().startswith("Updated:")]
    assert {m["To"].addresses[0].addr_spec for m in updates} == panel
    for message in updates:
        event = _event(_calendar(message))
        assert (str(event["uid"]), int(event["sequence"])) == (interview["ical_uid"], 1)
        assert event.decoded("dtstart") == datetime(2027, 1, 13, 9, 30, tzinfo=LISBON)

    # A second interview, cancelled: METHOD:CANCEL to its panel.
    extra = await client.post(
        f"/v1/applications/{ada_app}/interviews",
        json={
            "plan_interview_id": design["id"],
            "starts_at": "2027-01-14T10:00:00",
            "time_zone": "Europe/Lisbon",
            "interviewer_ids": [ivo["id"]],
        },
        headers=owner,
    )
    assert extra.status_code == 201, extra.text
    cancelled = await client.post(f"/v1/interviews/{extra.json()['id']}/cancel", headers=owner)
    assert cancelled.status_code == 200, cancelled.text
    await drain(engine, state)
    [cancellation] = [
        m
        for m in _to(_mailbox(state), ivo["email"])
        if m["Subject"].strip().startswith("Cancelled:")
    ]
    assert str(_calendar(cancellation)["method"]) == "CANCEL"

    # Two scorecards: Ivo cannot read Hana's before submitting his own.
    submit = f"/v1/interviews/{interview['id']}/scorecards"
    first = await client.post(
        submit,
        json={"ratings": ratings_for(interview, 4), "recommendation": "strong_yes"},
        headers=hana["headers"],
    )
    assert first.status_code == 201, first.text
    assert (await client.get(submit, headers=ivo["headers"])).status_code == 403
    second = await client.post(
        submit,
        json={"ratings": ratings_for(interview, 3), "recommendation": "yes"},
        headers=ivo["headers"],
    )
    assert second.status_code == 201, second.text
    assert len((await client.get(submit, headers=ivo["headers"])).json()["items"]) == 2
    summary = await client.get(f"/v1/applications/{ada_app}/feedback-summary", headers=owner)
    assert summary.status_code == 200, summary.text
    spread = summary.json()["recommendations"]
    assert (spread["strong_yes"], spread["yes"]) == (1, 1)

    # Then the offer half on the same application: approvals by the same two people.
    await offer_phase(
        client, org, job, (ada_app, bob_app, cy_app), engine, state, settings, tmp_path
    )
