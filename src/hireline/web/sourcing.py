"""Adding a candidate by hand (sourced, referred), with a résumé and to a job if wanted."""

from __future__ import annotations

from typing import Annotated, Any, get_args

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from hireline.candidates import service as candidates
from hireline.candidates.schemas import CandidateSource
from hireline.core.db import DbSession
from hireline.core.errors import HirelineError
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.web.access import Visit, screen
from hireline.web.templating import render

router = APIRouter(include_in_schema=False)

Writer = Annotated[Visit, screen(Action.CANDIDATES_WRITE)]
SOURCES: tuple[str, ...] = get_args(CandidateSource)
JOBS_OFFERED = 100


async def _context(session: DbSession, visit: Visit, values: dict[str, Any]) -> dict[str, Any]:
    tenant_id = visit.principal.tenant_id
    offered = []
    for status in ("open", "draft", "paused"):
        found, _ = await jobs.page(
            session, tenant_id, status=status, cursor=None, limit=JOBS_OFFERED
        )
        offered += found
    return {"visit": visit, "jobs": offered, "sources": SOURCES, "values": values, "errors": []}


@router.get("/app/candidates/new")
async def new_candidate(
    request: Request,
    session: DbSession,
    visit: Writer,
    job_id: Annotated[str, Query(max_length=40)] = "",
) -> HTMLResponse:
    context = await _context(session, visit, {"job_id": job_id, "source": "sourced"})
    return render(request, "candidate_new.html", context)


@router.post("/app/candidates/new")
async def add_candidate(
    request: Request,
    session: DbSession,
    visit: Writer,
    name: Annotated[str, Form(max_length=400)] = "",
    email: Annotated[str, Form(max_length=400)] = "",
    phone: Annotated[str, Form(max_length=80)] = "",
    links: Annotated[str, Form(max_length=5000)] = "",
    source: Annotated[str, Form(max_length=60)] = "sourced",
    referred_by: Annotated[str, Form(max_length=400)] = "",
    job_id: Annotated[str, Form(max_length=40)] = "",
    resume: Annotated[UploadFile | None, File()] = None,
) -> Response:
    values = {
        "name": name,
        "email": email,
        "phone": phone,
        "links": links,
        "source": source,
        "referred_by": referred_by,
        "job_id": job_id,
    }
    errors: list[dict[str, str]] = []
    try:
        body = candidates.sourced_from_form(name, email, phone, links, source, referred_by, job_id)
        checked = (
            await candidates.read_resume(resume) if resume is not None and resume.filename else None
        )
        added = await candidates.add_sourced(
            session, visit.principal, request.app.state.storage, body, checked
        )
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "name"
            message = str(error["msg"]).removeprefix("Value error, ")
            errors.append({"field": field, "message": f"{field.replace('_', ' ')}: {message}"})
    except HirelineError as exc:
        existing = candidates.existing_candidate_id(exc)
        if existing is not None:
            errors.append(
                {
                    "field": "email",
                    "message": "A candidate with this e-mail address exists already.",
                    "link": f"/app/candidates/{existing}",
                }
            )
        else:
            field = "resume" if "sum" in str(exc) else "job_id"
            errors.append({"field": field, "message": str(exc)})
    else:
        return RedirectResponse(f"/app/candidates/{added.candidate.id}", status_code=303)
    context = await _context(session, visit, values)
    context["errors"] = errors
    return render(request, "candidate_new.html", context, status_code=422)
