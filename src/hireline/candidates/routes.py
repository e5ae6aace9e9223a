"""HTTP layer of candidates and applications for recruiters."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.responses import Response

from hireline.candidates import (
    pipeline,
    privacy,
    rejection_reasons,
    service,
    sourcing,
    tasks,
)
from hireline.candidates.models import Application, Candidate
from hireline.candidates.schemas import (
    ActivityRead,
    ApplicationPage,
    ApplicationRead,
    ApplicationStatus,
    CandidateAdd,
    CandidateAdded,
    CandidateExport,
    CandidatePage,
    CandidateRead,
    CandidateSource,
    CandidateUpdate,
    MoveRequest,
    RejectionReasonList,
    RejectionReasonsUpdate,
    RejectRequest,
    ResumeRead,
)
from hireline.candidates.uploads import read_resume
from hireline.core.db import DbSession
from hireline.core.pagination import MAX_PAGE_SIZE
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage
from hireline.core.timestamps import Timestamp
from hireline.identity.audit import service as audit
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.jobs.schemas import StageRef

router = APIRouter(prefix="/v1", tags=["candidates"])

Reader = Annotated[Principal, require(Action.CANDIDATES_READ)]
Writer = Annotated[Principal, require(Action.CANDIDATES_WRITE)]


def _application(
    application: Application,
    candidate: Candidate | None = None,
    stage: jobs.StageRow | None = None,
) -> ApplicationRead:
    read = ApplicationRead.model_validate(application)
    read.stage = StageRef.model_validate(stage) if stage is not None else None
    if candidate is not None:
        read.candidate_name = candidate.name
        read.candidate_email = candidate.email
    return read


async def _applications(
    session: DbSession, applications: list[Application], candidate: Candidate | None = None
) -> list[ApplicationRead]:
    """Applications with their current stages, looked up in one query."""
    if not applications:
        return []
    stages = await pipeline.stages_of(session, applications[0].tenant_id, applications)
    return [
        _application(a, candidate, stages.get(a.stage_id) if a.stage_id else None)
        for a in applications
    ]


async def _one(
    session: DbSession, application: Application, candidate: Candidate | None = None
) -> ApplicationRead:
    return (await _applications(session, [application], candidate))[0]


@router.get(
    "/jobs/{job_id}/applications",
    summary="A job's applications, newest first or best match first",
)
async def job_applications(
    job_id: uuid.UUID,
    session: DbSession,
    principal: Reader,
    stage_id: uuid.UUID | None = None,
    status_: Annotated[ApplicationStatus | None, Query(alias="status")] = None,
    applied_from: Timestamp | None = None,
    applied_to: Timestamp | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    sort: Annotated[
        service.ApplicationSort,
        Query(description="newest first, or best match to the job's requirements first"),
    ] = "newest",
) -> ApplicationPage:
    await jobs.require_visible(session, principal, job_id)
    await jobs.get(session, principal.tenant_id, job_id)
    rows, next_cursor = await service.applications_of_job(
        session,
        principal.tenant_id,
        job_id,
        stage_id=stage_id,
        status=status_,
        applied_from=applied_from,
        applied_to=applied_to,
        cursor=cursor,
        limit=limit,
        sort=sort,
    )
    items = []
    for application, candidate, stage, match in rows:
        item = _application(application, candidate, stage)
        item.match = match
        items.append(item)
    return ApplicationPage(items=items, next_cursor=next_cursor)


@router.get("/applications/{application_id}", summary="One application")
async def get_application(
    application_id: uuid.UUID, session: DbSession, principal: Reader
) -> ApplicationRead:
    await service.require_application_visible(session, principal, application_id)
    application = await pipeline.get(session, principal.tenant_id, application_id)
    candidate = await service.get(session, principal.tenant_id, application.candidate_id)
    return await _one(session, application, candidate)


@router.post("/applications/{application_id}/move", summary="Move to another stage of the job")
async def move_application(
    application_id: uuid.UUID, body: MoveRequest, session: DbSession, principal: Writer
) -> ApplicationRead:
    await service.require_application_visible(session, principal, application_id)
    return await _one(
        session, await pipeline.move(session, principal, application_id, body.stage_id)
    )


def _reason_list(reasons: rejection_reasons.Reasons) -> RejectionReasonList:
    return RejectionReasonList.model_validate(
        {
            "reasons": [{"key": k, "label": v} for k, v in reasons.labels.items()],
            "customised": reasons.customised,
        }
    )


@router.get("/rejection-reasons", summary="Your organisation's reasons to reject an application")
async def list_rejection_reasons(session: DbSession, principal: Reader) -> RejectionReasonList:
    return _reason_list(await rejection_reasons.reasons_of(session, principal.tenant_id))


@router.put(
    "/rejection-reasons",
    summary="Replace the list of rejection reasons",
    description="Applications already rejected keep their reason, even one left off the list.",
)
async def replace_rejection_reasons(
    body: RejectionReasonsUpdate,
    session: DbSession,
    principal: Annotated[Principal, require(Action.JOBS_WRITE)],
) -> RejectionReasonList:
    labels = {reason.key: reason.label for reason in body.reasons}
    return _reason_list(await rejection_reasons.replace(session, principal, labels))


@router.post("/applications/{application_id}/reject", summary="Reject with a reason")
async def reject_application(
    application_id: uuid.UUID, body: RejectRequest, session: DbSession, principal: Writer
) -> ApplicationRead:
    await service.require_application_visible(session, principal, application_id)
    details = {
        "reason": body.reason,
        "reason_label": await rejection_reasons.label_of(session, principal.tenant_id, body.reason),
        "notify_candidate": body.notify_candidate,
    }
    if body.note:
        details["note"] = body.note
    return await _one(
        session, await pipeline.finish(session, principal, application_id, "rejected", details)
    )


@router.post("/applications/{application_id}/hire", summary="Mark the candidate hired")
async def hire(application_id: uuid.UUID, session: DbSession, principal: Writer) -> ApplicationRead:
    return await _one(session, await pipeline.finish(session, principal, application_id, "hired"))


@router.post("/applications/{application_id}/withdraw", summary="Record the candidate's withdrawal")
async def withdraw(
    application_id: uuid.UUID, session: DbSession, principal: Writer
) -> ApplicationRead:
    await service.require_application_visible(session, principal, application_id)
    await service.require_application_visible(session, principal, application_id)
    return await _one(
        session, await pipeline.finish(session, principal, application_id, "withdrawn")
    )


async def _candidate(session: DbSession, candidate: Candidate) -> CandidateRead:
    read = CandidateRead.model_validate(candidate)
    read.resumes = [
        ResumeRead.model_validate(r) for r in await service.resumes_of(session, candidate)
    ]
    read.applications = await _applications(
        session, await service.applications_of(session, candidate)
    )
    return read


@router.get("/candidates", summary="Candidates, newest first; q matches name or e-mail")
async def list_candidates(
    session: DbSession,
    principal: Reader,
    q: Annotated[str | None, Query(max_length=100)] = None,
    tag: Annotated[str | None, Query(max_length=60)] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
) -> CandidatePage:
    rows, next_cursor = await service.page(
        session,
        principal.tenant_id,
        q=q,
        tag=tag,
        cursor=cursor,
        limit=limit,
        among_jobs=await jobs.visible_job_ids(session, principal),
    )
    return CandidatePage(
        items=[CandidateRead.model_validate(c) for c in rows], next_cursor=next_cursor
    )


@router.get("/candidates/{candidate_id}", summary="A candidate with résumés and applications")
async def get_candidate(
    candidate_id: uuid.UUID, session: DbSession, principal: Reader
) -> CandidateRead:
    await service.require_candidate_visible(session, principal, candidate_id)
    return await _candidate(session, await service.get(session, principal.tenant_id, candidate_id))


@router.patch("/candidates/{candidate_id}", summary="Edit tags, notes or profile fields")
async def update_candidate(
    candidate_id: uuid.UUID, body: CandidateUpdate, session: DbSession, principal: Writer
) -> CandidateRead:
    await service.require_candidate_visible(session, principal, candidate_id)
    return await _candidate(session, await service.update(session, principal, candidate_id, body))


@router.get("/candidates/{candidate_id}/activity", summary="What happened to the candidate")
async def candidate_activity(
    candidate_id: uuid.UUID, session: DbSession, principal: Reader
) -> list[ActivityRead]:
    await service.require_candidate_visible(session, principal, candidate_id)
    candidate = await service.get(session, principal.tenant_id, candidate_id)
    return [ActivityRead.model_validate(a) for a in await service.activities_of(session, candidate)]


@router.get(
    "/candidates/{candidate_id}/resumes/{resume_id}",
    summary="Download a résumé file",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}, "application/octet-stream": {}}}},
)
async def download_resume(
    candidate_id: uuid.UUID,
    resume_id: uuid.UUID,
    request: Request,
    session: DbSession,
    principal: Reader,
) -> Response:
    await service.require_candidate_visible(session, principal, candidate_id)
    stored = await service.resume(session, principal.tenant_id, candidate_id, resume_id)
    storage: FileStorage = request.app.state.storage
    data = await storage.read(stored.storage_key)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="resume.downloaded",
        target_type="resume",
        target_id=stored.id,
    )
    return Response(
        data,
        media_type=stored.content_type,
        headers={
            "Content-Disposition": f'attachment; filename="{stored.filename}"',
            "Cache-Control": "private, no-store",
        },
    )


@router.post(
    "/candidates/{candidate_id}/resume/reparse",
    summary="Read the candidate's newest résumé again (after a parser upgrade, say)",
    status_code=status.HTTP_202_ACCEPTED,
)
async def reparse_resume(
    candidate_id: uuid.UUID, session: DbSession, principal: Writer
) -> ResumeRead:
    await service.require_candidate_visible(session, principal, candidate_id)
    return ResumeRead.model_validate(
        await tasks.reparse_latest_resume(session, principal.tenant_id, candidate_id)
    )


@router.get("/candidates/{candidate_id}/export", summary="Everything held on the person (JSON)")
async def export_candidate(
    candidate_id: uuid.UUID, session: DbSession, principal: Writer
) -> CandidateExport:
    await service.require_candidate_visible(session, principal, candidate_id)
    return CandidateExport.model_validate(await privacy.export(session, principal, candidate_id))


@router.delete(
    "/candidates/{candidate_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Erase the person: personal data and files go, anonymous statistics stay",
)
async def erase_candidate(
    candidate_id: uuid.UUID, request: Request, session: DbSession, principal: Writer
) -> None:
    await service.require_candidate_visible(session, principal, candidate_id)
    await privacy.erase(session, principal, request.app.state.storage, candidate_id)


@router.post(
    "/candidates",
    status_code=status.HTTP_201_CREATED,
    summary="Add a person by hand (sourced or referred), optionally with a résumé and to a job",
    responses={
        409: {"description": "A candidate with this e-mail exists (see `candidate_id`)"},
        413: {"description": "Résumé over 10 MB"},
        415: {"description": "Résumé is neither PDF, DOCX nor text (checked by content)"},
    },
)
async def add_candidate(
    request: Request,
    session: DbSession,
    principal: Writer,
    name: Annotated[str, Form(min_length=1, max_length=200)],
    email: Annotated[
        str | None, Form(max_length=320, json_schema_extra={"format": "email"})
    ] = None,
    phone: Annotated[str | None, Form(max_length=40)] = None,
    links: Annotated[str | None, Form(max_length=5000, description="One URL per line")] = None,
    source: Annotated[CandidateSource, Form()] = "sourced",
    referred_by: Annotated[
        str | None, Form(max_length=200, description="Who referred the person")
    ] = None,
    job_id: Annotated[uuid.UUID | None, Form(description="Add them to this job too")] = None,
    resume: Annotated[
        UploadFile | None, File(description="PDF, DOCX or plain text, at most 10 MB")
    ] = None,
) -> CandidateAdded:
    body = sourcing_form(name, email, phone, links, source, referred_by, job_id)
    checked = await read_resume(resume) if resume is not None and resume.filename else None
    added = await sourcing.add(session, principal, request.app.state.storage, body, checked)
    return CandidateAdded(
        id=added.candidate.id,
        application_id=added.application.id if added.application else None,
        resume_id=added.resume.id if added.resume else None,
    )


def sourcing_form(
    name: str,
    email: str | None,
    phone: str | None,
    links: str | None,
    source: str,
    referred_by: str | None,
    job_id: uuid.UUID | None,
) -> CandidateAdd:
    """The form's fields as a `CandidateAdd`, or a 422 naming the bad ones."""
    try:
        return sourcing.from_form(name, email, phone, links, source, referred_by, job_id)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]
        ) from None


@router.post(
    "/applications/{application_id}/reopen",
    summary="Undo a rejection: the application is active again, in its stage",
)
async def reopen_application(
    application_id: uuid.UUID, session: DbSession, principal: Writer
) -> ApplicationRead:
    return await _one(session, await pipeline.undo_rejection(session, principal, application_id))
