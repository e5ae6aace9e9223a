"""Jobs in the app: the list with filters, creation from a template with a live guide
preview and the salary band beside the pay fields, editing, the lifecycle and the team."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails
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
    StageEdit,
    StageName,
    TeamRole,
    WorkMode,
)
from hireline.web.access import Visit, screen
from hireline.web.forms import Refusal, attempt
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
    await jobs.require_visible(session, visit.principal, job_id)
    job = await jobs.get(session, tenant_id, job_id)
    team = {member.user_id: member.role for member in await jobs.team_of(session, job)}
    stages = await jobs.stages_of(session, job)
    return {
        "visit": visit,
        "job": job,
        "stages": stages,
        "held": await candidates.applications_in_stages(
            session, tenant_id, {stage.id for stage in stages}
        ),
        "modes": MODES,
        "place_name": place_name,
        "sent": {},
        "stage_errors": [],
        "location_errors": [],
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
    name: Annotated[str, Query(max_length=400)] = "",
) -> HTMLResponse:
    context = await _edit_context(session, visit, job_id)
    # The notice names only a stage or place the job has now: the link that carries the
    # name can be written by anyone, and must not make the page say something untrue.
    known = {stage.name for stage in context["stages"]} | {
        place_name(place) for place in context["job"].locations
    }
    context |= {
        "created": created,
        "changed": changed,
        "changed_name": name if name in known else "",
    }
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


# --- The pipeline's stages and the job's places, each change a small form of its own. ---

STAGE_NAME = TypeAdapter(StageName)


async def _change_setup(
    request: Request,
    session: DbSession,
    visit: Visit,
    job_id: uuid.UUID,
    raw: dict[str, Any],
    *,
    section: Literal["stages", "locations"],
    field: str,
    done: str,
    name: str = "",
    sent: dict[str, str] | None = None,
) -> Response:
    """Apply `raw` (a JobUpdate's stages or locations) in a savepoint. Done: back to the
    section with a notice naming `name`; refused: the section with the problem at its top,
    focused, and nothing stored."""
    try:
        body = JobUpdate.model_validate(raw)
    except ValidationError as exc:
        errors = [
            {"field": _location_field(error["loc"], field), "message": _plain(error)}
            for error in exc.errors()
        ]
        status = 422
    else:
        outcome = await attempt(
            session, lambda: jobs.update(session, visit.principal, job_id, body)
        )
        if not isinstance(outcome, Refusal):
            query = urlencode({"changed": done, "name": name})
            return RedirectResponse(f"/app/jobs/{job_id}/edit?{query}#{section}", status_code=303)
        errors = [{"field": field, "message": outcome.message}]
        status = outcome.status
    context = await _edit_context(session, visit, job_id)
    context["stage_errors" if section == "stages" else "location_errors"] = errors
    context["sent"] = sent or {}
    return render(request, "job_edit.html", context, status_code=status)


def _plain(error: ErrorDetails) -> str:
    """A problem in the recruiter's words (pydantic's say "List should have ...")."""
    if error["type"] == "too_short" and error["loc"] == ("locations",):
        return "A job needs at least one location."
    if error["type"] == "too_short" and error["loc"] == ("stages",):
        return "A job needs at least one stage."
    if error["loc"][-1:] == ("country",):
        return "The country is a two-letter code, such as DE or US."
    said = str(error["msg"]).removeprefix("Value error, ")
    return said[:1].upper() + said[1:]


def _location_field(loc: tuple[int | str, ...], default: str) -> str:
    """The field of the add-a-location form a problem is about, else `default`."""
    return next((f"location-{part}" for part in ("country", "region") if part in loc), default)


def _stage_name(name: str, field: str) -> tuple[str, list[dict[str, str]]]:
    """The name as stored, or the problem with it (checked alone, for a plain message)."""
    try:
        return STAGE_NAME.validate_python(name), []
    except ValidationError:
        return name, [{"field": field, "message": "A stage name needs 1 to 80 characters."}]


async def _stage_edits(session: DbSession, visit: Visit, job_id: uuid.UUID) -> list[StageEdit]:
    """The job's stages as they are, by id (so that each keeps its applications)."""
    await jobs.require_visible(session, visit.principal, job_id)
    job = await jobs.get(session, visit.principal.tenant_id, job_id)
    return [StageEdit(id=stage.id, name=stage.name) for stage in await jobs.stages_of(session, job)]


def _index_of(edits: list[StageEdit], stage_id: uuid.UUID) -> int:
    for index, edit in enumerate(edits):
        if edit.id == stage_id:
            return index
    raise NotFound("No such stage in this job.")


def _stages(edits: list[StageEdit]) -> list[dict[str, Any]]:
    return [edit.model_dump(exclude_none=True) for edit in edits]


async def _refused(
    request: Request,
    session: DbSession,
    visit: Visit,
    job_id: uuid.UUID,
    errors: list[dict[str, str]],
) -> Response:
    context = await _edit_context(session, visit, job_id)
    context["stage_errors"] = errors
    return render(request, "job_edit.html", context, status_code=422)


@router.post("/app/jobs/{job_id}/stages/add")
async def add_stage(
    request: Request,
    session: DbSession,
    visit: Writer,
    job_id: uuid.UUID,
    name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """A stage added at the end of the pipeline."""
    edits = await _stage_edits(session, visit, job_id)
    name, errors = _stage_name(name, "stage-new")
    if errors:
        return await _refused(request, session, visit, job_id, errors)
    raw = {"stages": [*_stages(edits), {"name": name}]}
    return await _change_setup(
        request,
        session,
        visit,
        job_id,
        raw,
        section="stages",
        field="stage-new",
        done="stage-added",
        name=name,
    )


@router.post("/app/jobs/{job_id}/stages/{stage_id}/rename")
async def rename_stage(
    request: Request,
    session: DbSession,
    visit: Writer,
    job_id: uuid.UUID,
    stage_id: uuid.UUID,
    name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """The same stage (its applications stay in it) under a new name."""
    edits = await _stage_edits(session, visit, job_id)
    index = _index_of(edits, stage_id)
    field = f"stage-name-{stage_id}"
    name, errors = _stage_name(name, field)
    if errors:
        return await _refused(request, session, visit, job_id, errors)
    edits[index] = StageEdit(id=stage_id, name=name)
    return await _change_setup(
        request,
        session,
        visit,
        job_id,
        {"stages": _stages(edits)},
        section="stages",
        field=field,
        done="stage-renamed",
        name=name,
    )


@router.post("/app/jobs/{job_id}/stages/{stage_id}/move")
async def move_stage(
    request: Request,
    session: DbSession,
    visit: Writer,
    job_id: uuid.UUID,
    stage_id: uuid.UUID,
    direction: Annotated[str, Form(max_length=10)],
) -> Response:
    """One place up or down; at either end, nothing moves."""
    if direction not in ("up", "down"):
        raise NotFound("No such move.")
    edits = await _stage_edits(session, visit, job_id)
    index = _index_of(edits, stage_id)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(edits):
        edits[index], edits[other] = edits[other], edits[index]
    return await _change_setup(
        request,
        session,
        visit,
        job_id,
        {"stages": _stages(edits)},
        section="stages",
        field=f"stage-name-{stage_id}",
        done=f"stage-{direction}",
        name=edits[other if 0 <= other < len(edits) else index].name,
    )


@router.post("/app/jobs/{job_id}/stages/{stage_id}/remove")
async def remove_stage(
    request: Request,
    session: DbSession,
    visit: Writer,
    job_id: uuid.UUID,
    stage_id: uuid.UUID,
    move_to: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Remove a stage; the applications it holds go to the stage chosen beside it."""
    edits = await _stage_edits(session, visit, job_id)
    removed = edits.pop(_index_of(edits, stage_id))
    raw: dict[str, Any] = {"stages": _stages(edits)}
    if move_to:
        raw["stage_moves"] = [{"stage_id": str(stage_id), "to_stage_id": move_to}]
    return await _change_setup(
        request,
        session,
        visit,
        job_id,
        raw,
        section="stages",
        field=f"stage-move-to-{stage_id}",
        done="stage-removed",
        name=removed.name,
    )


async def _places(session: DbSession, visit: Visit, job_id: uuid.UUID) -> list[dict[str, Any]]:
    await jobs.require_visible(session, visit.principal, job_id)
    job = await jobs.get(session, visit.principal.tenant_id, job_id)
    return [dict(place) for place in job.locations]


def place_name(place: dict[str, Any]) -> str:
    """A location in words: "Berlin, DE (hybrid)", "Remote (EU)", "Remote (anywhere)"."""
    where = ", ".join(str(place[key]) for key in ("city", "region", "country") if place.get(key))
    if place.get("mode") == "remote":
        return f"Remote ({where or 'anywhere'})"
    return f"{where} ({place.get('mode')})"


@router.post("/app/jobs/{job_id}/locations/add")
async def add_location(
    request: Request,
    session: DbSession,
    visit: Writer,
    job_id: uuid.UUID,
    mode: Annotated[str, Form(max_length=20)] = "onsite",
    city: Annotated[str, Form(max_length=200)] = "",
    region: Annotated[str, Form(max_length=200)] = "",
    country: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """A place added to the job's; the same rules as the API's (a city unless remote)."""
    places = await _places(session, visit, job_id)
    place: dict[str, Any] = {"mode": mode}
    for key, value in (("city", city), ("region", region), ("country", country.upper())):
        if value.strip():
            place[key] = value.strip()
    return await _change_setup(
        request,
        session,
        visit,
        job_id,
        {"locations": [*places, place]},
        section="locations",
        field="location-city",
        done="location-added",
        name=place_name(place),
        sent={"mode": mode, "city": city, "region": region, "country": country},
    )


@router.post("/app/jobs/{job_id}/locations/{index}/remove")
async def remove_location(
    request: Request,
    session: DbSession,
    visit: Writer,
    job_id: uuid.UUID,
    index: Annotated[int, Path(ge=0, le=100)],
) -> Response:
    places = await _places(session, visit, job_id)
    if index >= len(places):
        raise NotFound("No such location in this job.")
    removed = places.pop(index)
    return await _change_setup(
        request,
        session,
        visit,
        job_id,
        {"locations": places},
        section="locations",
        field=f"location-remove-{index}",
        done="location-removed",
        name=place_name(removed),
    )
