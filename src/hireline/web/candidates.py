"""A candidate's page: profile with the résumé's confidence, the résumé itself, match,
timeline, notes with @mentions, tags, other applications; export and erasure for admins."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from hireline.candidates import service as candidates
from hireline.candidates.annotations import service as notes
from hireline.candidates.schemas import CandidateExport, CandidateUpdate
from hireline.core.db import DbSession
from hireline.core.errors import NotFound, PermissionDenied
from hireline.core.storage import FileStorage
from hireline.identity.audit import service as audit
from hireline.identity.members import service as members
from hireline.identity.permissions import Action, Role
from hireline.jobs import service as jobs
from hireline.matching import service as matching
from hireline.web.access import Visit, screen
from hireline.web.dashboard import describe
from hireline.web.templating import is_htmx, render, render_fragment

router = APIRouter(include_in_schema=False)

Reader = Annotated[Visit, screen(Action.CANDIDATES_READ)]
Writer = Annotated[Visit, screen(Action.CANDIDATES_WRITE)]
ADMINS = frozenset({Role.OWNER.value, Role.ADMIN.value})
# What the résumé reader reports a confidence for, and how the profile names it.
PARSED_FIELDS = (
    ("name", "Name", "name"),
    ("emails", "E-mail", "email"),
    ("phones", "Phone", "phone"),
    ("location", "Location", "location"),
    ("links", "Links", "links"),
    ("skills", "Skills", "skills"),
    ("years_experience", "Years of experience", "years_experience"),
    ("education", "Education", None),
)
# The file may be framed by the candidate page (same origin), by nothing else.
PDF_FRAME_CSP = "frame-ancestors 'self'"


@dataclass(frozen=True, slots=True)
class ProfileField:
    label: str
    value: str
    confidence: float | None
    edited: bool

    @property
    def confidence_word(self) -> str:
        if self.confidence is None:
            return "not read"
        if self.confidence == 0:
            return "none"
        if self.confidence >= 0.8:
            return "high"
        if self.confidence >= 0.5:
            return "medium"
        return "low"


def _shown(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(
            str(item if not isinstance(item, dict) else _entry(item)) for item in value
        )
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _entry(item: dict[str, Any]) -> str:
    return " · ".join(str(v) for k, v in item.items() if v and k in ("degree", "school", "field"))


def _is_admin(visit: Visit) -> bool:
    return visit.principal.role in ADMINS


async def _context(session: DbSession, visit: Visit, candidate_id: uuid.UUID) -> dict[str, Any]:
    tenant_id = visit.principal.tenant_id
    candidate = await candidates.get(session, tenant_id, candidate_id)
    resumes = await candidates.resumes_of(session, candidate)
    latest = resumes[0] if resumes else None
    parsed = (latest.parsed or {}) if latest else {}
    confidence = parsed.get("confidence") or {}
    profile = [
        ProfileField(
            label=label,
            value=_shown(getattr(candidate, column) if column else parsed.get(key)),
            confidence=confidence.get(key) if latest and latest.parse_status == "parsed" else None,
            edited=column in candidate.edited_fields if column else False,
        )
        for key, label, column in PARSED_FIELDS
    ]
    applications = []
    for application in await candidates.applications_of(session, candidate):
        try:
            job = await jobs.get(session, tenant_id, application.job_id)
        except NotFound:
            continue
        stages = {stage.id: stage.name for stage in await jobs.stages_of(session, job)}
        match = await matching.get(session, tenant_id, application.id)
        applications.append(
            {
                "application": application,
                "job": job,
                "stage": stages.get(application.stage_id) if application.stage_id else None,
                "match": matching.match_summary(match.score, match.explanation),
            }
        )
    timeline = [
        {
            "what": describe(item.kind, item.details),
            "when": item.occurred_at,
            "who": item.actor_type,
        }
        for item in reversed(await candidates.activities_of(session, candidate))
    ]
    team = await members.list_members(session, tenant_id)
    return {
        "visit": visit,
        "candidate": candidate,
        "profile": profile,
        "resume": latest,
        "applications": applications,
        "timeline": timeline,
        "notes": await notes.notes_of(session, tenant_id, candidate.id),
        "handles": [(notes.handle_of(member), member.name) for member in team],
        "can_write": visit.principal.can(Action.CANDIDATES_WRITE),
        "is_admin": _is_admin(visit),
        "errors": {},
    }


@router.get("/app/candidates/{candidate_id}")
async def candidate_page(
    request: Request, session: DbSession, visit: Reader, candidate_id: uuid.UUID
) -> HTMLResponse:
    return render(request, "candidate.html", await _context(session, visit, candidate_id))


@router.get("/app/candidates/{candidate_id}/resumes/{resume_id}")
async def resume_file(
    request: Request,
    session: DbSession,
    visit: Reader,
    candidate_id: uuid.UUID,
    resume_id: uuid.UUID,
) -> Response:
    """The file itself, shown inline (PDF in the browser's viewer, framed by this origin)."""
    stored = await candidates.resume(session, visit.principal.tenant_id, candidate_id, resume_id)
    storage: FileStorage = request.app.state.storage
    data = await storage.read(stored.storage_key)
    await audit.record(
        session,
        tenant_id=visit.principal.tenant_id,
        actor=visit.principal,
        action="resume.downloaded",
        target_type="resume",
        target_id=stored.id,
    )
    inline = stored.content_type == "application/pdf"
    return Response(
        data,
        media_type=stored.content_type,
        headers={
            "Content-Disposition": (
                f'{"inline" if inline else "attachment"}; filename="{stored.filename}"'
            ),
            "Cache-Control": "private, no-store",
            "Content-Security-Policy": PDF_FRAME_CSP,
        },
    )


def _list(text: str) -> list[str]:
    return [item.strip() for item in text.replace("\n", ",").split(",") if item.strip()]


@router.post("/app/candidates/{candidate_id}/profile")
async def edit_profile(
    request: Request,
    session: DbSession,
    visit: Writer,
    candidate_id: uuid.UUID,
    name: Annotated[str, Form(max_length=400)] = "",
    phone: Annotated[str, Form(max_length=80)] = "",
    location: Annotated[str, Form(max_length=400)] = "",
    headline: Annotated[str, Form(max_length=600)] = "",
    skills: Annotated[str, Form(max_length=5000)] = "",
    years_experience: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    raw: dict[str, Any] = {
        "name": name.strip() or None,
        "phone": phone.strip() or None,
        "location": location.strip() or None,
        "headline": headline.strip() or None,
        "skills": _list(skills),
        "years_experience": years_experience.strip() or None,
    }
    try:
        body = CandidateUpdate.model_validate(raw)
    except ValidationError as exc:
        context = await _context(session, visit, candidate_id)
        context["errors"] = {
            str(error["loc"][0]): str(error["msg"]).removeprefix("Value error, ")
            for error in exc.errors()
        }
        return render(request, "candidate.html", context, status_code=422)
    await candidates.update(session, visit.principal, candidate_id, body)
    return RedirectResponse(f"/app/candidates/{candidate_id}#profile", status_code=303)


@router.post("/app/candidates/{candidate_id}/notes")
async def add_note(
    request: Request,
    session: DbSession,
    visit: Writer,
    candidate_id: uuid.UUID,
    body: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    error = None
    if not body.strip():
        error = "Write something first."
    elif len(body.strip()) > 10_000:
        error = "A note holds at most 10 000 characters."
    else:
        await notes.add_note(session, visit.principal, candidate_id, body.strip())
    if is_htmx(request) or error:
        context = await _context(session, visit, candidate_id)
        context["note_error"] = error
        context["note_draft"] = body if error else ""
        if is_htmx(request):
            return render_fragment(request, "candidate.html", "notes", context)
        return render(request, "candidate.html", context, status_code=422)
    return RedirectResponse(f"/app/candidates/{candidate_id}#notes", status_code=303)


@router.post("/app/candidates/{candidate_id}/tags")
async def add_tags(
    request: Request,
    session: DbSession,
    visit: Writer,
    candidate_id: uuid.UUID,
    tags: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    wanted = _list(tags)
    if not wanted or any(len(tag) > 60 for tag in wanted):
        context = await _context(session, visit, candidate_id)
        context["tag_error"] = "Tags are 1 to 60 characters, separated by commas."
        return render(request, "candidate.html", context, status_code=422)
    await notes.add_tags(session, visit.principal, candidate_id, wanted)
    return await _after_tags(request, session, visit, candidate_id)


@router.post("/app/candidates/{candidate_id}/tags/remove")
async def remove_tag(
    request: Request,
    session: DbSession,
    visit: Writer,
    candidate_id: uuid.UUID,
    tag: Annotated[str, Form(max_length=60)],
) -> Response:
    await notes.remove_tag(session, visit.principal, candidate_id, tag)
    return await _after_tags(request, session, visit, candidate_id)


async def _after_tags(
    request: Request, session: DbSession, visit: Visit, candidate_id: uuid.UUID
) -> Response:
    if is_htmx(request):
        context = await _context(session, visit, candidate_id)
        return render_fragment(request, "candidate.html", "tags", context)
    return RedirectResponse(f"/app/candidates/{candidate_id}#tags", status_code=303)


def _require_admin(visit: Visit) -> None:
    if not _is_admin(visit):
        raise PermissionDenied("Only owners and admins export or erase a person's data.")


@router.get("/app/candidates/{candidate_id}/export")
async def export(session: DbSession, visit: Writer, candidate_id: uuid.UUID) -> Response:
    """Everything held on the person, as a JSON file (admins only; audited)."""
    _require_admin(visit)
    document = CandidateExport.model_validate(
        await candidates.export_candidate(session, visit.principal, candidate_id)
    )
    return Response(
        document.model_dump_json(indent=2),
        media_type="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="candidate-{candidate_id}.json"',
            "Cache-Control": "private, no-store",
        },
    )


@router.post("/app/candidates/{candidate_id}/erase")
async def erase(
    request: Request,
    session: DbSession,
    visit: Writer,
    candidate_id: uuid.UUID,
    confirm: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    _require_admin(visit)
    if confirm != "yes":
        context = await _context(session, visit, candidate_id)
        context["erase_error"] = "Tick the box to confirm the erasure."
        return render(request, "candidate.html", context, status_code=422)
    await candidates.erase_candidate(
        session, visit.principal, request.app.state.storage, candidate_id
    )
    return RedirectResponse("/app?erased=1", status_code=303)
