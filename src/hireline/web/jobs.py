"""Jobs in the app: the list with filters, creation from a template with a live guide
preview and the salary band beside the pay fields, editing, the lifecycle and the team."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from hireline.candidates import service as candidates
from hireline.core.db import DbSession
from hireline.core.errors import Conflict, HirelineError, NotFound, ValidationFailed
from hireline.guides.rendering import service as guide_rendering
from hireline.guides.rendering.service import Industry, Level, WorkContext
from hireline.guides.templates import service as guides
from hireline.identity.members import service as members
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.jobs.schemas import (
    DEFAULT_STAGES,
    EmploymentType,
    JobCreate,
    JobStatus,
    JobUpdate,
    TeamRole,
    WorkMode,
)
from hireline.web.access import Visit, screen
from hireline.web.templating import render, render_fragments

router = APIRouter(include_in_schema=False)

Reader = Annotated[Visit, screen(Action.JOBS_READ)]
Writer = Annotated[Visit, screen(Action.JOBS_WRITE)]
LISTED = 50
LEVELS: tuple[str, ...] = get_args(Level)
INDUSTRIES: tuple[str, ...] = get_args(Industry)
CONTEXTS: tuple[str, ...] = get_args(WorkContext)
STATUSES: tuple[str, ...] = get_args(JobStatus)
MODES: tuple[str, ...] = get_args(WorkMode)
EMPLOYMENT: tuple[str, ...] = get_args(EmploymentType)
TEAM_ROLES: tuple[str, ...] = get_args(TeamRole)
PREVIEW_SECTIONS = guide_rendering.JOB_DESCRIPTION_SECTIONS


@router.get("/app/jobs")
async def job_list(
    request: Request,
    session: DbSession,
    visit: Reader,
    status: Annotated[str | None, Query(max_length=20)] = None,
    q: Annotated[str, Query(max_length=100)] = "",
    department: Annotated[str, Query(max_length=120)] = "",
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    tenant_id = visit.principal.tenant_id
    wanted = status if status in STATUSES else None
    # Hiring managers and interviewers see the jobs whose hiring team they are on.
    visible = await jobs.visible_job_ids(session, visit.principal)
    shown, next_cursor = await jobs.page(
        session,
        tenant_id,
        status=wanted,
        cursor=cursor,
        limit=LISTED,
        among=visible,
        title=q.strip() or None,
        department=department or None,
    )
    counts = await candidates.applicant_counts(
        session, tenant_id, [job.id for job in shown], datetime.now(UTC) - timedelta(days=7)
    )
    filters = [("status", wanted or ""), ("q", q), ("department", department)]
    context = {
        "visit": visit,
        "jobs": [(job, *counts.get(job.id, (0, 0))) for job in shown],
        "more_url": (
            f"/app/jobs?{urlencode([*filters, ('cursor', next_cursor)])}" if next_cursor else None
        ),
    }
    if cursor is not None and request.headers.get("HX-Request"):
        return render_fragments(request, "jobs.html", ["rows"], context)
    return render(
        request,
        "jobs.html",
        {
            **context,
            "statuses": STATUSES,
            "status": wanted,
            "q": q,
            "department": department,
            "departments": await jobs.departments(session, tenant_id, visible),
            "can_write": visit.principal.can(Action.JOBS_WRITE),
        },
    )


def _choice(value: str | None, options: tuple[str, ...], default: str) -> str:
    return value if value in options else default


async def _template_context(
    session: DbSession, visit: Visit, values: dict[str, str]
) -> dict[str, Any]:
    """The new-job form: templates, the chosen one's levels and locations, the team."""
    tenant_id = visit.principal.tenant_id
    templates = await guides.list_templates(session, tenant_id)
    key = values.get("template") or (templates[0].template.key if templates else "")
    chosen = next((t for t in templates if t.template.key == key), None)
    if chosen is None:
        raise NotFound("No such template.")
    template = chosen.template
    levels = [level for level in LEVELS if level in template.levels]
    locations = [(r.location, r.name) for r in template.compensation.ranges]
    return {
        "visit": visit,
        "templates": [(t.template.key, t.template.title) for t in templates],
        "template": template,
        "levels": levels,
        "industries": INDUSTRIES,
        "contexts": CONTEXTS,
        "locations": locations,
        "modes": MODES,
        "employment_types": EMPLOYMENT,
        "team_roles": TEAM_ROLES,
        "team": await members.list_members(session, tenant_id),
        "values": {
            **values,
            "template": template.key,
            "level": _choice(
                values.get("level"), tuple(levels), "mid" if "mid" in levels else levels[0]
            ),
            "industry": _choice(values.get("industry"), INDUSTRIES, "saas"),
            "context": _choice(values.get("context"), CONTEXTS, "corporate"),
            "location": _choice(
                values.get("location"), tuple(k for k, _ in locations), locations[0][0]
            ),
        },
        "errors": [],
    }


async def _preview(session: DbSession, visit: Visit, values: dict[str, Any]) -> dict[str, Any]:
    guide = await guide_rendering.render_guide(
        session,
        visit.principal.tenant_id,
        values["template"],
        version=None,
        level=values["level"],
        industry=values["industry"],
        context=values["context"],
        location=values["location"],
    )
    return {
        "guide": guide,
        "sections": [s for s in guide.sections if s.id in PREVIEW_SECTIONS],
        "salary": guide.salary,
    }


@router.get("/app/jobs/new")
async def new_job(
    request: Request,
    session: DbSession,
    visit: Writer,
    template: Annotated[str, Query(max_length=80)] = "",
) -> HTMLResponse:
    context = await _template_context(session, visit, {"template": template})
    context |= await _preview(session, visit, context["values"])
    return render(request, "job_new.html", context)


@router.get("/app/jobs/preview")
async def preview(
    request: Request,
    session: DbSession,
    visit: Writer,
    template: Annotated[str, Query(max_length=80)] = "",
    level: Annotated[str, Query(max_length=20)] = "",
    industry: Annotated[str, Query(max_length=20)] = "",
    context: Annotated[str, Query(max_length=20)] = "",
    location: Annotated[str, Query(max_length=80)] = "",
) -> HTMLResponse:
    """The guide and the salary band for the form's choices (htmx, on every change)."""
    values = {
        "template": template,
        "level": level,
        "industry": industry,
        "context": context,
        "location": location,
    }
    page = await _template_context(session, visit, values)
    page |= await _preview(session, visit, page["values"])
    page["oob"] = True
    return render_fragments(request, "job_new.html", ["preview", "band"], page)


def _lines(text: str) -> list[str]:
    return [item.strip() for item in text.replace("\n", ",").split(",") if item.strip()]


def _team(form: FormData) -> list[dict[str, str]]:
    team = []
    for user_id in form.getlist("team"):
        role = form.get(f"team_role_{user_id}")
        team.append({"user_id": str(user_id), "role": str(role or "interviewer")})
    return team


def _salary(form: FormData) -> dict[str, Any] | None:
    low, high = str(form.get("salary_min") or "").strip(), str(form.get("salary_max") or "").strip()
    if not low and not high:
        return None
    return {"min": low or None, "max": high or None, "currency": form.get("currency") or "USD"}


def _location(form: FormData) -> dict[str, Any]:
    place: dict[str, Any] = {"mode": form.get("mode") or "onsite"}
    for name in ("city", "country"):
        value = str(form.get(name) or "").strip()
        if value:
            place[name] = value.upper() if name == "country" else value
    salary_location = str(form.get("location") or "").strip()
    if salary_location:
        place["salary_location"] = salary_location
    return place


def _messages(exc: ValidationError) -> list[dict[str, str]]:
    """Each problem with the form field it belongs to (the first part of its location)."""
    fields = {
        "title": "title",
        "department": "department",
        "locations": "city",
        "salary": "salary_min",
        "description": "description",
        "required_skills": "required_skills",
        "hiring_team": "team",
        "level": "level",
    }
    shown = []
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        name = next((fields[part] for part in loc if part in fields), "title")
        what = " ".join(part for part in loc if not part.isdigit()).replace("_", " ")
        message = str(error["msg"]).removeprefix("Value error, ")
        shown.append({"field": name, "message": f"{what}: {message}" if what else message})
    return shown


@router.post("/app/jobs/new")
async def create_job(request: Request, session: DbSession, visit: Writer) -> Response:
    form = await request.form()
    values = {name: str(value) for name, value in form.items() if isinstance(value, str)}
    raw: dict[str, Any] = {
        "title": values.get("title", "").strip() or None,
        "department": values.get("department", "").strip() or None,
        "locations": [_location(form)],
        "employment_type": values.get("employment_type") or "full_time",
        "level": values.get("level") or None,
        "salary": _salary(form),
        "from_template": {
            "template": values.get("template", ""),
            "industry": values.get("industry") or "saas",
            "context": values.get("context") or "corporate",
        },
        "stages": _lines(values.get("stages", "")) or list(DEFAULT_STAGES),
        "hiring_team": _team(form),
    }
    try:
        body = JobCreate.model_validate(raw)
        job = await jobs.create(session, visit.principal, body)
    except ValidationError as exc:
        return await _new_with_errors(request, session, visit, form, _messages(exc))
    except (ValidationFailed, NotFound) as exc:
        errors = [{"field": "title", "message": str(exc)}]
        return await _new_with_errors(request, session, visit, form, errors)
    return RedirectResponse(f"/app/jobs/{job.id}/edit?created=1", status_code=303)


async def _new_with_errors(
    request: Request,
    session: DbSession,
    visit: Visit,
    form: FormData,
    errors: list[dict[str, str]],
) -> HTMLResponse:
    values = {name: str(value) for name, value in form.items() if isinstance(value, str)}
    context = await _template_context(session, visit, values)
    context |= await _preview(session, visit, context["values"])
    context["errors"] = errors
    context["chosen_team"] = {str(user_id) for user_id in form.getlist("team")}
    return render(request, "job_new.html", context, status_code=422)


async def _edit_context(session: DbSession, visit: Visit, job_id: uuid.UUID) -> dict[str, Any]:
    tenant_id = visit.principal.tenant_id
    job = await jobs.get(session, tenant_id, job_id)
    team = {member.user_id: member.role for member in await jobs.team_of(session, job)}
    return {
        "visit": visit,
        "job": job,
        "stages": await jobs.stages_of(session, job),
        "warnings": await jobs.salary_warnings(session, job),
        "members": await members.list_members(session, tenant_id),
        "team": team,
        "team_roles": TEAM_ROLES,
        "employment_types": EMPLOYMENT,
        "errors": [],
        "can_write": visit.principal.can(Action.JOBS_WRITE),
    }


@router.get("/app/jobs/{job_id}/edit")
async def edit_job(
    request: Request,
    session: DbSession,
    visit: Reader,
    job_id: uuid.UUID,
    created: bool = False,
    changed: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    context = await _edit_context(session, visit, job_id)
    context |= {"created": created, "changed": changed}
    return render(request, "job_edit.html", context)


@router.post("/app/jobs/{job_id}/edit")
async def save_job(
    request: Request, session: DbSession, visit: Writer, job_id: uuid.UUID
) -> Response:
    form = await request.form()
    values = {name: str(value) for name, value in form.items() if isinstance(value, str)}
    raw: dict[str, Any] = {
        "title": values.get("title", "").strip(),
        "department": values.get("department", "").strip() or None,
        "employment_type": values.get("employment_type") or "full_time",
        "salary": _salary(form),
        "description": values.get("description", ""),
        "required_skills": _lines(values.get("required_skills", "")),
        "preferred_skills": _lines(values.get("preferred_skills", "")),
        "hiring_team": _team(form),
    }
    try:
        body = JobUpdate.model_validate(raw)
        await jobs.update(session, visit.principal, job_id, body)
    except ValidationError as exc:
        errors = _messages(exc)
    except (ValidationFailed, Conflict) as exc:
        errors = [{"field": "title", "message": str(exc)}]
    else:
        return RedirectResponse(f"/app/jobs/{job_id}/edit?changed=saved", status_code=303)
    context = await _edit_context(session, visit, job_id)
    context["errors"] = errors
    return render(request, "job_edit.html", context, status_code=422)


@router.post("/app/jobs/{job_id}/status")
async def change_status(
    request: Request,
    session: DbSession,
    visit: Writer,
    job_id: uuid.UUID,
    move: Annotated[str, Form(max_length=20)],
) -> Response:
    """Publish, pause or close; a move the job's state forbids is said on the page."""
    if move not in ("publish", "pause", "close"):
        raise NotFound("No such action.")
    try:
        await jobs.transition(session, visit.principal, job_id, move)  # type: ignore[arg-type]
    except HirelineError as exc:
        if not isinstance(exc, Conflict):
            raise
        context = await _edit_context(session, visit, job_id)
        context["errors"] = [{"field": "status", "message": str(exc)}]
        return render(request, "job_edit.html", context, status_code=409)
    return RedirectResponse(f"/app/jobs/{job_id}/edit?changed={move}", status_code=303)
