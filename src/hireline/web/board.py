"""A job's pipeline board: a column per stage, best matches first, cards moved by form or
dragged; applicants selected in bulk to move, reject (and undo) or e-mail."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Protocol
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from hireline.candidates import service as candidates
from hireline.core.db import DbSession
from hireline.core.errors import NotFound, ValidationFailed
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.notifications import service as notifications
from hireline.stream import service as stream
from hireline.web.access import Visit, screen
from hireline.web.templating import is_htmx, render, render_fragment

router = APIRouter(include_in_schema=False)

# Cards per column and page: the first screen stays fast however many apply (issue 14).
COLUMN_PAGE = 20
REJECTED_SHOWN = 10
# The most cards a live refresh draws in a column that was opened further.
MAX_SHOWN = 10 * COLUMN_PAGE
Reader = Annotated[Visit, screen(Action.CANDIDATES_READ)]
Mover = Annotated[Visit, screen(Action.CANDIDATES_WRITE)]
BulkAction = Literal["move", "reject", "email"]
MAX_SELECTED = candidates.bulk_limit()


class Row(Protocol):
    """A job or a stage as the jobs service returns it: the board reads its id, the
    templates the rest."""

    @property
    def id(self) -> uuid.UUID: ...


@dataclass(frozen=True, slots=True)
class Card:
    """One applicant as the board shows them."""

    application_id: uuid.UUID
    candidate_id: uuid.UUID
    name: str
    score: int | None
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class Column:
    stage: Row
    cards: list[Card]
    cursor: str | None
    total: int


async def _cards(
    session: DbSession,
    visit: Visit,
    job: Row,
    *,
    stage_id: uuid.UUID | None,
    status: str,
    cursor: str | None,
    limit: int,
) -> tuple[list[Card], str | None]:
    rows, next_cursor = await candidates.applications_of_job(
        session,
        visit.principal.tenant_id,
        job.id,
        stage_id=stage_id,
        status=status,
        applied_from=None,
        applied_to=None,
        cursor=cursor,
        limit=limit,
        sort="match",
    )
    # The page's scores and top reasons come with it (the same summary the API lists).
    return [_card(row) for row in rows], next_cursor


async def _column(
    session: DbSession, visit: Visit, job: Row, stage: Row, cursor: str | None, total: int
) -> Column:
    cards, next_cursor = await _cards(
        session, visit, job, stage_id=stage.id, status="active", cursor=cursor, limit=COLUMN_PAGE
    )
    return Column(stage=stage, cards=cards, cursor=next_cursor, total=total)


def _card(row: candidates.ListedApplication) -> Card:
    application, candidate, _, match = row
    return Card(
        application_id=application.id,
        candidate_id=candidate.id,
        name=candidate.name or candidate.email or "Unnamed candidate",
        score=round(match.score) if match else None,
        reasons=[reason.text for reason in match.reasons] if match else [],
    )


async def _board_context(
    session: DbSession,
    visit: Visit,
    job_id: uuid.UUID,
    longer: dict[uuid.UUID, int] | None = None,
) -> dict[str, Any]:
    await jobs.require_visible(session, visit.principal, job_id)
    tenant_id = visit.principal.tenant_id
    job = await jobs.get(session, tenant_id, job_id)
    stages = await jobs.stages_of(session, job)
    # Every column's first page in one statement: the first screen stays fast (issue 14).
    firsts = await candidates.board_columns(
        session, tenant_id, job.id, per_stage=COLUMN_PAGE, longer=longer
    )
    columns = []
    for stage in stages:
        first = firsts.get(stage.id) or candidates.BoardColumn()
        columns.append(
            Column(
                stage=stage,
                cards=[_card(row) for row in first.rows],
                cursor=first.next_cursor,
                total=first.total,
            )
        )
    can_move = visit.principal.can(Action.CANDIDATES_WRITE)
    rejected: list[Card] = []
    reasons: dict[str, str] = {}
    if can_move:
        rejected, _ = await _cards(
            session, visit, job, stage_id=None, status="rejected", cursor=None, limit=REJECTED_SHOWN
        )
        reasons = await candidates.rejection_labels(session, tenant_id)
    return {
        "visit": visit,
        "job": job,
        "stages": stages,
        "columns": columns,
        "rejected": rejected,
        "reasons": reasons,
        "can_move": can_move,
        "can_offer": visit.principal.can(Action.OFFERS_WRITE),
    }


def _shown(values: list[str]) -> dict[uuid.UUID, int]:
    """`<stage id>:<cards>` pairs: how far a live refresh keeps each column open, so a
    column opened with "Show more" stays open (up to `MAX_SHOWN`); others are left out."""
    shown = {}
    for value in values:
        stage, _, count = value.partition(":")
        try:
            stage_id, cards = uuid.UUID(stage), int(count)
        except ValueError:
            continue
        if cards > COLUMN_PAGE:
            shown[stage_id] = min(cards, MAX_SHOWN)
    return shown


def _uuids(values: list[str]) -> list[uuid.UUID]:
    found = []
    for value in values:
        try:
            found.append(uuid.UUID(value))
        except ValueError:
            continue
    return found


@router.get("/app/jobs/{job_id}")
async def board(
    request: Request,
    session: DbSession,
    visit: Reader,
    job_id: uuid.UUID,
    done: Annotated[str | None, Query(max_length=20)] = None,
    count: Annotated[int, Query(ge=0, le=MAX_SELECTED)] = 0,
    skipped: Annotated[int, Query(ge=0, le=MAX_SELECTED)] = 0,
    undo: Annotated[list[str], Query(max_length=MAX_SELECTED)] = [],  # noqa: B006
    error: Annotated[str | None, Query(max_length=300)] = None,
    shown: Annotated[list[str], Query(max_length=50)] = [],  # noqa: B006
) -> HTMLResponse:
    context = await _board_context(session, visit, job_id, _shown(shown))
    context |= {
        "done": done,
        "count": count,
        "skipped": skipped,
        "undo_ids": _uuids(undo),
        "bulk_error": error,
    }
    return render(request, "board.html", context)


@router.get("/app/events/ticket")
async def live_ticket(request: Request, session: DbSession, visit: Reader) -> JSONResponse:
    """A live-stream ticket for the signed-in member: board.js opens the stream with it."""
    ticket = await stream.ticket_for(session, visit.principal, request.app.state.settings)
    return JSONResponse(ticket.model_dump(), headers={"Cache-Control": "no-store"})


@router.get("/app/jobs/{job_id}/stages/{stage_id}")
async def more_cards(
    request: Request,
    session: DbSession,
    visit: Reader,
    job_id: uuid.UUID,
    stage_id: uuid.UUID,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> HTMLResponse:
    """The next page of one column, swapped in place of its "more" link."""
    context = await _board_context_for_stage(session, visit, job_id, stage_id, cursor)
    return render_fragment(request, "board.html", "cards", context)


async def _board_context_for_stage(
    session: DbSession, visit: Visit, job_id: uuid.UUID, stage_id: uuid.UUID, cursor: str | None
) -> dict[str, Any]:
    await jobs.require_visible(session, visit.principal, job_id)
    job = await jobs.get(session, visit.principal.tenant_id, job_id)
    stages = await jobs.stages_of(session, job)
    stage = next((s for s in stages if s.id == stage_id), None)
    if stage is None:
        raise NotFound("No stage with this id in this job.")
    return {
        "visit": visit,
        "job": job,
        "stages": stages,
        "column": await _column(session, visit, job, stage, cursor, 0),
        "can_move": visit.principal.can(Action.CANDIDATES_WRITE),
        "can_offer": visit.principal.can(Action.OFFERS_WRITE),
    }


@router.post("/app/applications/{application_id}/move")
async def move(
    request: Request,
    session: DbSession,
    visit: Mover,
    application_id: uuid.UUID,
    stage_id: Annotated[uuid.UUID, Form()],
) -> Response:
    """Move a card; htmx gets the board back, a plain form post is sent to it."""
    await candidates.require_application_visible(session, visit.principal, application_id)
    application = await candidates.move_application(
        session, visit.principal, application_id, stage_id
    )
    if is_htmx(request):
        context = await _board_context(session, visit, application.job_id)
        return render_fragment(request, "board.html", "board", context)
    return RedirectResponse(f"/app/jobs/{application.job_id}", status_code=303)


def _back(job_id: uuid.UUID, **facts: Any) -> RedirectResponse:
    """To the board, saying what was done (and what an undo would take back)."""
    query = urlencode({k: v for k, v in facts.items() if v not in (None, [], 0)}, doseq=True)
    return RedirectResponse(f"/app/jobs/{job_id}?{query}#board-status", status_code=303)


@router.post("/app/jobs/{job_id}/bulk")
async def bulk_action(
    session: DbSession,
    visit: Mover,
    job_id: uuid.UUID,
    action: Annotated[BulkAction, Form()],
    application_ids: Annotated[list[str], Form(max_length=MAX_SELECTED)] = [],  # noqa: B006
    stage_id: Annotated[str, Form(max_length=40)] = "",
    reason: Annotated[str, Form(max_length=60)] = "",
    notify_candidate: Annotated[str, Form(max_length=10)] = "",
    subject: Annotated[str, Form(max_length=500)] = "",
    message: Annotated[str, Form(max_length=20_000)] = "",
) -> Response:
    """Move, reject or e-mail the selected applicants; the board says what happened."""
    await jobs.get(session, visit.principal.tenant_id, job_id)
    selected = _uuids(application_ids)
    try:
        if not selected:
            raise ValidationFailed("Select at least one applicant first.")
        if action == "move":
            target = _uuids([stage_id])
            if not target:
                raise ValidationFailed("Pick the stage to move them to.")
            outcome = await candidates.move_many(
                session, visit.principal, job_id, selected, target[0]
            )
            return _back(
                job_id, done="moved", count=len(outcome.done), skipped=len(outcome.skipped)
            )
        if action == "reject":
            if not reason:
                raise ValidationFailed("Pick a reason for the rejection.")
            outcome = await candidates.reject_many(
                session,
                visit.principal,
                job_id,
                selected,
                reason=reason,
                notify_candidate=notify_candidate == "yes",
            )
            return _back(
                job_id,
                done="rejected",
                count=len(outcome.done),
                skipped=len(outcome.skipped),
                undo=[str(a.id) for a in outcome.done],
            )
        if not subject.strip() or not message.strip():
            raise ValidationFailed("An e-mail needs a subject and a message.")
        sent, left = await notifications.message_applicants(
            session,
            visit.principal,
            job_id,
            selected,
            subject=subject.strip()[:200],
            body=message.strip(),
        )
        return _back(job_id, done="emailed", count=sent, skipped=left)
    except ValidationFailed as exc:
        return _back(job_id, error=str(exc))


@router.post("/app/jobs/{job_id}/undo-rejections")
async def undo_rejections(
    session: DbSession,
    visit: Mover,
    job_id: uuid.UUID,
    application_ids: Annotated[list[str], Form(max_length=MAX_SELECTED)] = [],  # noqa: B006
) -> Response:
    selected = _uuids(application_ids)
    if not selected:
        return _back(job_id, error="Nothing to undo.")
    outcome = await candidates.undo_rejections(session, visit.principal, job_id, selected)
    return _back(job_id, done="reopened", count=len(outcome.done), skipped=len(outcome.skipped))
