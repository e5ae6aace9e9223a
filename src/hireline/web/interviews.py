"""Interview screens: my interviews, the scorecard form, the feedback summary, the plan
editor and the schedule dialog with free-slot suggestions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from hireline.core.db import DbSession
from hireline.core.errors import Conflict, ValidationFailed
from hireline.identity.members import service as members
from hireline.identity.permissions import Action
from hireline.interviews import service as interviews
from hireline.interviews.schemas import (
    RECOMMENDATIONS,
    AvailabilityWrite,
    InterviewCreate,
    PlanInterviewWrite,
    PlanWrite,
    ScorecardWrite,
)
from hireline.jobs import service as jobs
from hireline.web.access import Visit, screen
from hireline.web.templating import environment, render, render_fragment

router = APIRouter(include_in_schema=False)


def local_time(moment: datetime, zone: str) -> str:
    """A stored instant as the wall-clock time of its time zone ("Mon 14 Dec 2026, 10:00")."""
    return moment.astimezone(ZoneInfo(zone)).strftime("%a %d %b %Y, %H:%M")


def local_input(moment: datetime, zone: str) -> str:
    """The same, as a datetime-local field's value."""
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")


# The screens' templates show interviews at their own wall-clock time.
environment().filters["local_time"] = local_time
environment().filters["local_input"] = local_input
Reader = Annotated[Visit, screen(Action.INTERVIEWS_READ)]
Scorer = Annotated[Visit, screen(Action.SCORECARDS_WRITE)]
FeedbackReader = Annotated[Visit, screen(Action.SCORECARDS_READ)]
Manager = Annotated[Visit, screen(Action.INTERVIEWS_MANAGE)]

RECOMMENDATION_LABELS = {
    "strong_no": "Strong no",
    "no": "No",
    "yes": "Yes",
    "strong_yes": "Strong yes",
}
TIME_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Australia/Sydney",
)


def _field_errors(exc: ValidationError | ValidationFailed) -> list[str]:
    if isinstance(exc, ValidationError):
        return [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    found = exc.extensions.get("errors") or []
    return [str(exc.detail)] + [f"{e['loc'][-1]}: {e['msg']}" for e in found]


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


async def _mine_context(session: DbSession, visit: Visit) -> dict[str, Any]:
    hours = await interviews.my_hours(session, visit.principal)
    by_day = {w.weekday: w for w in hours.windows}
    return {
        "visit": visit,
        "interviews": await interviews.my_interviews(session, visit.principal, include_past=True),
        "zones": TIME_ZONES,
        "time_zone": hours.time_zone or "UTC",
        "days": [(n, WEEKDAYS[n - 1], by_day.get(n)) for n in range(1, 8)],
        "errors": [],
    }


@router.get("/app/me/interviews")
async def my_interviews(request: Request, session: DbSession, visit: Reader) -> HTMLResponse:
    return render(request, "my_interviews.html", await _mine_context(session, visit))


@router.post("/app/me/availability")
async def save_hours(request: Request, session: DbSession, visit: Reader) -> Response:
    """One window a weekday (`day-<n>-starts`, `day-<n>-ends`); a blank day is not worked."""
    form = await request.form()
    windows = [
        {"weekday": n, "starts": form.get(f"day-{n}-starts"), "ends": form.get(f"day-{n}-ends")}
        for n in range(1, 8)
        if form.get(f"day-{n}-starts") and form.get(f"day-{n}-ends")
    ]
    try:
        body = AvailabilityWrite.model_validate(
            {"time_zone": form.get("time_zone") or "UTC", "windows": windows}
        )
        await interviews.set_my_hours(session, visit.principal, body)
    except (ValidationError, ValidationFailed) as exc:
        context = await _mine_context(session, visit)
        context["errors"] = _field_errors(exc)
        return render(request, "my_interviews.html", context, status_code=422)
    return RedirectResponse("/app/me/interviews?saved=1", 303)


async def _scorecard_context(
    session: DbSession, visit: Visit, interview_id: uuid.UUID
) -> dict[str, Any]:
    interview = await interviews.get_interview(session, visit.principal, interview_id)
    own = await interviews.own_scorecard(session, visit.principal, interview_id)
    return {
        "visit": visit,
        "interview": interview,
        "own": own,
        "recommendations": [(r, RECOMMENDATION_LABELS[r]) for r in RECOMMENDATIONS],
        "errors": [],
    }


@router.get("/app/interviews/{interview_id}/scorecard")
async def scorecard_form(
    request: Request, session: DbSession, visit: Scorer, interview_id: uuid.UUID
) -> HTMLResponse:
    context = await _scorecard_context(session, visit, interview_id)
    return render(request, "scorecard.html", context)


@router.post("/app/interviews/{interview_id}/scorecard")
async def submit_scorecard(
    request: Request, session: DbSession, visit: Scorer, interview_id: uuid.UUID
) -> Response:
    """Rating radios per attribute, a note per question, one recommendation."""
    form = await request.form()
    context = await _scorecard_context(session, visit, interview_id)
    interview = context["interview"]
    ratings: dict[str, Any] = {}
    for attribute in interview.kit.attributes:
        value = form.get(f"rating:{attribute.key}")
        if isinstance(value, str) and value:
            ratings[attribute.key] = int(value) if value.isdigit() else value
    notes = {
        q.id: str(form.get(f"note:{q.id}") or "")
        for q in interview.kit.questions
        if str(form.get(f"note:{q.id}") or "").strip()
    }
    try:
        body = ScorecardWrite(
            ratings=ratings,
            notes=notes,
            summary=str(form.get("summary") or "") or None,
            recommendation=form.get("recommendation"),
        )
        await interviews.submit_scorecard(session, visit.principal, interview_id, body)
    except (ValidationError, ValidationFailed) as exc:
        context["errors"] = _field_errors(exc)
        context["sent"] = {"ratings": ratings, "notes": notes, "form": form}
        return render(request, "scorecard.html", context, status_code=422)
    return RedirectResponse(f"/app/applications/{interview.application_id}/feedback", 303)


@router.get("/app/applications/{application_id}/feedback")
async def feedback(
    request: Request, session: DbSession, visit: FeedbackReader, application_id: uuid.UUID
) -> HTMLResponse:
    """The summary and the scorecards; hidden (403) from a panelist who has not scored."""
    try:
        summary = await interviews.feedback_summary(session, visit.principal, application_id)
    except interviews.FeedbackHidden as exc:
        return render(
            request,
            "feedback_hidden.html",
            {"visit": visit, "detail": exc.detail, "application_id": application_id},
            status_code=403,
        )
    cards = await interviews.scorecards_of_application(session, visit.principal, application_id)
    listed = await interviews.interviews_of_application(session, visit.principal, application_id)
    return render(
        request,
        "feedback.html",
        {
            "visit": visit,
            "summary": summary,
            "scorecards": cards,
            "interviews": {i.id: i for i in listed},
            "labels": RECOMMENDATION_LABELS,
            "can_schedule": visit.principal.can(Action.INTERVIEWS_MANAGE),
            "application_id": application_id,
            "candidate_name": listed[0].candidate_name if listed else None,
        },
    )


async def _plan_context(session: DbSession, visit: Visit, job_id: uuid.UUID) -> dict[str, Any]:
    job = await jobs.get(session, visit.principal.tenant_id, job_id)
    return {
        "visit": visit,
        "job": job,
        "plan": await interviews.get_plan(session, visit.principal, job_id),
        "choices": await interviews.question_choices(session, visit.principal, job_id),
        "people": await members.list_members(session, visit.principal.tenant_id),
        "stages": await jobs.stages_of(session, job),
        "errors": [],
    }


@router.get("/app/jobs/{job_id}/interview-plan")
async def plan_editor(
    request: Request, session: DbSession, visit: Manager, job_id: uuid.UUID
) -> HTMLResponse:
    return render(request, "interview_plan.html", await _plan_context(session, visit, job_id))


@router.post("/app/jobs/{job_id}/interview-plan")
async def save_plan(
    request: Request, session: DbSession, visit: Manager, job_id: uuid.UUID
) -> Response:
    """Fieldsets `i-<n>-...` per interview; a blank name drops it (the last one adds one)."""
    form = await request.form()
    items = []
    for n in range(int(str(form.get("count") or 0)) + 1):
        name = str(form.get(f"i-{n}-name") or "").strip()
        if not name or form.get(f"i-{n}-remove"):
            continue
        items.append(
            {
                "id": form.get(f"i-{n}-id") or None,
                "name": name,
                "stage_id": form.get(f"i-{n}-stage") or None,
                "duration_minutes": form.get(f"i-{n}-duration") or 60,
                "interviewer_ids": form.getlist(f"i-{n}-interviewer"),
                "question_ids": form.getlist(f"i-{n}-question"),
            }
        )
    try:
        body = PlanWrite(interviews=[PlanInterviewWrite.model_validate(i) for i in items])
        await interviews.replace_plan(session, visit.principal, job_id, body)
    except (ValidationError, ValidationFailed) as exc:
        context = await _plan_context(session, visit, job_id)
        context["errors"] = _field_errors(exc)
        return render(request, "interview_plan.html", context, status_code=422)
    return RedirectResponse(f"/app/jobs/{job_id}/interview-plan?saved=1", 303)


async def _schedule_context(
    session: DbSession, visit: Visit, application_id: uuid.UUID, chosen: uuid.UUID | None
) -> dict[str, Any]:
    options = await interviews.plan_interview_options(session, visit.principal, application_id)
    planned = next((o for o in options if o.id == chosen), options[0] if options else None)
    # Rendered with the page rather than fetched after it: nothing to race a change.
    slots = (
        await interviews.free_slots(
            session,
            visit.principal,
            application_id,
            plan_interview_id=planned.id,
            interviewer_ids=[],
            minutes=None,
            after=None,
            count=5,
        )
        if planned is not None
        else []
    )
    return {
        "slots": slots,
        "visit": visit,
        "application_id": application_id,
        "options": options,
        "planned": planned,
        "people": await members.list_members(session, visit.principal.tenant_id),
        "zones": TIME_ZONES,
        "scheduled": await interviews.interviews_of_application(
            session, visit.principal, application_id
        ),
        "errors": [],
        "conflicts": [],
        "values": {},
    }


@router.get("/app/applications/{application_id}/schedule")
async def schedule_dialog(
    request: Request,
    session: DbSession,
    visit: Manager,
    application_id: uuid.UUID,
    plan_interview_id: uuid.UUID | None = None,
    starts_at: Annotated[str | None, Query(max_length=40)] = None,
    time_zone: Annotated[str | None, Query(max_length=64)] = None,
) -> HTMLResponse:
    context = await _schedule_context(session, visit, application_id, plan_interview_id)
    context["values"] = {"starts_at": starts_at or "", "time_zone": time_zone or "UTC"}
    return render(request, "schedule.html", context)


@router.get("/app/applications/{application_id}/slots")
async def slot_suggestions(
    request: Request,
    session: DbSession,
    visit: Manager,
    application_id: uuid.UUID,
    plan_interview_id: uuid.UUID,
    time_zone: Annotated[str, Query(max_length=64)] = "UTC",
    interviewer_ids: Annotated[list[uuid.UUID], Query(max_length=12)] = [],  # noqa: B006
) -> HTMLResponse:
    """The next free slots of the panel ticked (else the plan interview's), as links that
    fill the form."""
    slots = await interviews.free_slots(
        session,
        visit.principal,
        application_id,
        plan_interview_id=plan_interview_id,
        interviewer_ids=interviewer_ids,
        minutes=None,
        after=None,
        count=5,
    )
    context = {
        "visit": visit,
        "application_id": application_id,
        "planned": {"id": plan_interview_id},
        "slots": slots,
        "values": {"time_zone": time_zone},
    }
    return render_fragment(request, "schedule.html", "slots", context)


@router.post("/app/applications/{application_id}/schedule")
async def schedule(
    request: Request, session: DbSession, visit: Manager, application_id: uuid.UUID
) -> Response:
    form = await request.form()
    values = {key: str(value) for key, value in form.items() if isinstance(value, str)}
    chosen = values.get("plan_interview_id")
    try:
        body = InterviewCreate.model_validate(
            {
                "plan_interview_id": chosen,
                "interviewer_ids": form.getlist("interviewer_ids") or None,
                "starts_at": values.get("starts_at"),
                "time_zone": values.get("time_zone") or "UTC",
                "location": values.get("location") or None,
                "video_url": values.get("video_url") or None,
                "force": values.get("force") == "on",
            }
        )
        await interviews.schedule(session, visit.principal, application_id, body)
    except (ValidationError, ValidationFailed, Conflict) as exc:
        context = await _schedule_context(
            session, visit, application_id, uuid.UUID(chosen) if chosen else None
        )
        context["values"] = values
        if isinstance(exc, Conflict):
            context["conflicts"] = exc.extensions.get("conflicts", [])
            context["errors"] = [str(exc.detail)]
            status = 409
        else:
            context["errors"] = _field_errors(exc)
            status = 422
        return render(request, "schedule.html", context, status_code=status)
    return RedirectResponse(f"/app/applications/{application_id}/schedule?scheduled=1", 303)
