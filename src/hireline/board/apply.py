"""Applying from the public board: the JSON API and the careers page form."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile, status
from fastapi.exceptions import RequestValidationError
from pydantic import Json, ValidationError
from starlette.responses import RedirectResponse, Response

from hireline.board.careers import Slug, job_page, render_page
from hireline.candidates import applying
from hireline.candidates.schemas import Answers, ApplicationCreated, ApplicationForm
from hireline.candidates.uploads import read_resume
from hireline.core.db import DbSession
from hireline.core.errors import BadRequest, HirelineError
from hireline.core.idempotency import claim_idempotency_key
from hireline.core.principal import Principal, anonymous
from hireline.core.rate_limit import client_address
from hireline.core.storage import FileStorage
from hireline.core.text_input import nul_character_errors
from hireline.identity.dependencies import caller_if_any, public
from hireline.identity.organization.service import enter_by_slug
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs

api_router = APIRouter(prefix="/v1/boards", tags=["board"], dependencies=[public()])
page_router = APIRouter(prefix="/careers", include_in_schema=False, dependencies=[public()])


def _form(
    name: str,
    email: str,
    phone: str | None,
    links: str | None,
    answers: dict[str, Any] | None,
    consent: bool,
) -> ApplicationForm:
    """Validate the submitted fields, reporting problems as a 422 with field locations."""
    # The JSON inside the field may spell a NUL as an escape the field-level check cannot see.
    nul_errors = nul_character_errors(answers, ("body", "answers"))
    if nul_errors:
        raise RequestValidationError(nul_errors)
    raw = {
        "name": name,
        "email": email,
        "phone": phone or None,
        "links": [line for line in (links or "").replace(",", "\n").splitlines() if line.strip()],
        "answers": answers or {},
        "consent": consent,
    }
    try:
        return ApplicationForm.model_validate(raw)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]
        ) from None


def _ticked(checkbox: str) -> bool:
    return checkbox.strip().lower() in ("true", "on", "yes", "1")


def _refuse_robots(website: str | None) -> None:
    # People never see the honeypot field; only form-filling robots put text in it.
    if website:
        raise BadRequest("The application could not be accepted.")


def _storage(request: Request) -> FileStorage:
    storage: FileStorage = request.app.state.storage
    return storage


@api_router.post(
    "/{slug}/jobs/{job_id}/applications",
    status_code=status.HTTP_201_CREATED,
    summary="Apply to an open job with a résumé (PDF, DOCX or plain text, at most 10 MB)",
    description=(
        "Anonymous: a person applying again to the same job gets the same answer as the first"
        " time (with ids that lead nowhere), and an e-mail saying they had applied already, so"
        " the answer never tells whether an address applied. Called with credentials of the"
        " organisation that may read candidates, a repeat is a 409 naming the application."
    ),
    responses={
        409: {
            "description": "The job is paused or closed; or, for a caller of the organisation,"
            " the person applied already (see `application`)"
        },
        413: {"description": "Résumé over 10 MB"},
        415: {"description": "Résumé is neither PDF nor DOCX (checked by content)"},
    },
)
async def apply_api(
    slug: Slug,
    job_id: uuid.UUID,
    request: Request,
    session: DbSession,
    name: Annotated[str, Form(min_length=1, max_length=200)],
    email: Annotated[
        str, Form(min_length=3, max_length=320, json_schema_extra={"format": "email"})
    ],
    consent: Annotated[
        bool,
        Form(description="true to agree to the data processing", json_schema_extra={"const": True}),
    ],
    resume: Annotated[
        UploadFile,
        File(description="PDF, DOCX or plain text (.txt: UTF-8, UTF-16 with a BOM, or Latin-1)"),
    ],
    phone: Annotated[str | None, Form(max_length=40)] = None,
    links: Annotated[str | None, Form(max_length=5000, description="One URL per line")] = None,
    answers: Annotated[
        Json[Answers] | None,
        Form(description="Answers to the job's questions (a JSON object)"),
    ] = None,
    # A honeypot: people never see it, form-filling robots fill it (and are refused).
    website: Annotated[
        str | None, Form(description="Leave empty", json_schema_extra={"maxLength": 0})
    ] = None,
) -> ApplicationCreated:
    _refuse_robots(website)
    form = _form(name, email, phone, links, answers, consent)
    # Before the board's tenant is entered: authenticating scopes the session to the caller's.
    caller = await caller_if_any(request, session)
    tenant = await enter_by_slug(session, slug)
    limiter = request.app.state.rate_limiter
    address = client_address(request, trust_proxy_headers=limiter.trust_proxy_headers)
    # A retried submission (a flaky mobile network, a double tap) gets the first answer.
    await claim_idempotency_key(request, session, anonymous(tenant.id, address))
    checked = await read_resume(resume)
    storage = _storage(request)
    if _may_read_candidates(caller, tenant.id):
        applied = await applying.apply(session, storage, tenant, job_id, form, checked)
        return applying.receipt(applied)
    return await applying.apply_anonymously(session, storage, tenant, job_id, form, checked)


# The form's fields by the names validation gives them, for the links in the error list.
_FIELDS = ("name", "email", "phone", "links", "consent")


def _problem(error: Any) -> dict[str, str]:
    """One validation error as the careers form lists it: the field to go to, and why."""
    loc = [str(part) for part in error["loc"]]
    field = next((part for part in reversed(loc) if part in _FIELDS), "name")
    message = str(error["msg"]).removeprefix("Value error, ")
    return {"field": field, "message": f"{field.capitalize()}: {message}"}


def _may_read_candidates(caller: Principal | None, tenant_id: uuid.UUID) -> bool:
    """Whether the caller may learn that a person applied: the organisation's own reader."""
    return (
        caller is not None and caller.tenant_id == tenant_id and caller.can(Action.CANDIDATES_READ)
    )


@page_router.post("/{slug}/jobs/{job_id}/apply")
async def apply_page(
    slug: Slug,
    job_id: uuid.UUID,
    request: Request,
    session: DbSession,
    name: Annotated[str, Form(max_length=200)] = "",
    email: Annotated[str, Form(max_length=320)] = "",
    consent: Annotated[str, Form()] = "",
    resume: Annotated[UploadFile | None, File()] = None,
    phone: Annotated[str | None, Form(max_length=40)] = None,
    links: Annotated[str | None, Form(max_length=5000)] = None,
    website: Annotated[str | None, Form()] = None,
) -> Response:
    tenant = await enter_by_slug(session, slug)
    entered = {"name": name, "email": email, "phone": phone or "", "links": links or ""}
    try:
        _refuse_robots(website)
        form = _form(name, email, phone, links, None, _ticked(consent))
        checked = await read_resume(resume if resume and resume.filename else None)
        await applying.apply_anonymously(session, _storage(request), tenant, job_id, form, checked)
    except RequestValidationError as exc:
        return await job_page(
            request,
            session,
            tenant,
            job_id,
            error="Please check the form.",
            problems=[_problem(error) for error in exc.errors() if error.get("loc")],
            form=entered,
            status_code=422,
        )
    except HirelineError as exc:
        message = exc.detail or exc.problem.title
        return await job_page(
            request,
            session,
            tenant,
            job_id,
            error="Please check the form.",
            problems=[{"field": "resume" if "sum" in message else "name", "message": message}],
            form=entered,
            status_code=exc.problem.status,
        )
    # Post/redirect/get: reloading the confirmation page does not apply twice.
    return RedirectResponse(
        f"/careers/{slug}/jobs/{job_id}/applied", status_code=status.HTTP_303_SEE_OTHER
    )


@page_router.get("/{slug}/jobs/{job_id}/applied")
async def applied_page(slug: Slug, job_id: uuid.UUID, session: DbSession) -> Response:
    tenant = await enter_by_slug(session, slug)
    job = await jobs.get(session, tenant.id, job_id)
    return render_page("applied.html", tenant, cacheable=False, job_title=job.title)
