"""The dashboard: open jobs with their new applicants, and what happened lately."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hireline.candidates import service as candidates
from hireline.core.db import DbSession
from hireline.identity.permissions import Action
from hireline.interviews import service as interviews
from hireline.jobs import service as jobs
from hireline.offers import service as offers
from hireline.web.access import Visit, screen
from hireline.web.templating import render

router = APIRouter(include_in_schema=False)

# "New" applicants: arrived in the last week, the rhythm most teams review at.
NEW_FOR = timedelta(days=7)
JOBS_SHOWN = 50
ACTIVITY_SHOWN = 15

ACTIVITY_WORDS = {
    "application.created": "applied",
    "application.moved": "moved to {to_stage}",
    "application.rejected": "rejected",
    "application.withdrawn": "withdrew",
    "candidate.hired": "hired",
    "candidate.updated": "profile edited",
    "candidate.exported": "data exported",
    "resume.parsed": "résumé read",
    "resume.parse_failed": "résumé could not be read",
    "resume.downloaded": "résumé downloaded",
    "application.reopened": "rejection undone",
    "candidate.added": "added by hand ({source})",
    "candidate.tagged": "tags changed",
    "note.added": "note added",
}


def describe(kind: str, details: dict[str, object]) -> str:
    """An activity as a recruiter says it ("moved to Interview")."""
    words = ACTIVITY_WORDS.get(kind)
    if words is None:
        return kind.split(".")[-1].replace("_", " ")
    try:
        return words.format(**{k: v for k, v in details.items() if v is not None})
    except KeyError:
        return words.split(" {")[0]


@router.get("/app")
async def dashboard(
    request: Request,
    session: DbSession,
    visit: Annotated[Visit, screen(Action.JOBS_READ)],
) -> HTMLResponse:
    tenant_id = visit.principal.tenant_id
    # Hiring managers and interviewers see the jobs whose hiring team they are on.
    visible = await jobs.visible_job_ids(session, visit.principal)
    open_jobs, _ = await jobs.page(
        session, tenant_id, status="open", cursor=None, limit=JOBS_SHOWN, among=visible
    )
    since = datetime.now(UTC) - NEW_FOR
    counts = await candidates.applicant_counts(
        session, tenant_id, [job.id for job in open_jobs], since
    )
    activity = []
    # The organisation-wide feed only for those who see every job.
    if visit.principal.can(Action.CANDIDATES_READ) and visible is None:
        activity = [
            {
                "name": name or "A candidate",
                "what": describe(item.kind, item.details),
                "when": item.occurred_at,
                "candidate_id": item.candidate_id,
            }
            for item, name in await candidates.recent_activity(
                session, tenant_id, limit=ACTIVITY_SHOWN
            )
        ]
    to_score = (
        await interviews.to_score(session, visit.principal)
        if visit.principal.can(Action.SCORECARDS_WRITE)
        else []
    )
    awaiting = []
    if visit.principal.can(Action.OFFERS_APPROVE):
        awaiting = await offers.listed(session, visit.principal, status=None, awaiting_me=True)
    return render(
        request,
        "dashboard.html",
        {
            "visit": visit,
            "jobs": [(job, *counts.get(job.id, (0, 0))) for job in open_jobs],
            "activity": activity,
            "to_score": to_score,
            "awaiting": awaiting,
        },
    )
