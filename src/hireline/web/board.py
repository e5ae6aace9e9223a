"""A job's pipeline board: a column per stage, best matches first, cards moved by form."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from hireline.candidates import pipeline
from hireline.candidates import service as candidates
from hireline.core.db import DbSession
from hireline.core.errors import NotFound
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.jobs.models import Job, PipelineStage
from hireline.web.access import Visit, screen
from hireline.web.templating import is_htmx, render, render_fragment

router = APIRouter(include_in_schema=False)

# Cards per column and page: the first screen stays fast however many apply (issue 14).
COLUMN_PAGE = 20
Reader = Annotated[Visit, screen(Action.CANDIDATES_READ)]
Mover = Annotated[Visit, screen(Action.CANDIDATES_WRITE)]


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
    stage: PipelineStage
    cards: list[Card]
    cursor: str | None


async def _column(
    session: DbSession, visit: Visit, job: Job, stage: PipelineStage, cursor: str | None
) -> Column:
    rows, next_cursor = await candidates.applications_of_job(
        session,
        visit.principal.tenant_id,
        job.id,
        stage_id=stage.id,
        status="active",
        applied_from=None,
        applied_to=None,
        cursor=cursor,
        limit=COLUMN_PAGE,
        sort="match",
    )
    cards = []
    # The page's scores and top reasons come with it (the same summary the API lists).
    for application, candidate, _, match in rows:
        cards.append(
            Card(
                application_id=application.id,
                candidate_id=candidate.id,
                name=candidate.name or candidate.email or "Unnamed candidate",
                score=round(match.score) if match else None,
                reasons=[reason.text for reason in match.reasons] if match else [],
            )
        )
    return Column(stage=stage, cards=cards, cursor=next_cursor)


async def _board_context(session: DbSession, visit: Visit, job_id: uuid.UUID) -> dict[str, Any]:
    await jobs.require_visible(session, visit.principal, job_id)
    job = await jobs.get(session, visit.principal.tenant_id, job_id)
    stages = await jobs.stages_of(session, job)
    columns = [await _column(session, visit, job, stage, None) for stage in stages]
    return {
        "visit": visit,
        "job": job,
        "stages": stages,
        "columns": columns,
        "can_move": visit.principal.can(Action.CANDIDATES_WRITE),
        "can_offer": visit.principal.can(Action.OFFERS_WRITE),
    }


@router.get("/app/jobs/{job_id}")
async def board(
    request: Request, session: DbSession, visit: Reader, job_id: uuid.UUID
) -> HTMLResponse:
    return render(request, "board.html", await _board_context(session, visit, job_id))


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
        "column": await _column(session, visit, job, stage, cursor),
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
    application = await pipeline.move(session, visit.principal, application_id, stage_id)
    if is_htmx(request):
        context = await _board_context(session, visit, application.job_id)
        return render_fragment(request, "board.html", "board", context)
    return RedirectResponse(f"/app/jobs/{application.job_id}", status_code=303)
