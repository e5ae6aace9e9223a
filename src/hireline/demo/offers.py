"""The demo's offers: one in each state, on active applications, through the offers service."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.candidates import service as candidates
from hireline.core.db import unit_of_work
from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.demo.team import SignIn, principal
from hireline.identity.permissions import Role
from hireline.jobs import service as jobs
from hireline.offers import letter_templates
from hireline.offers import service as offers
from hireline.offers.schemas import ApprovalDecision, LetterTemplateWrite, OfferCreate

# How far each demo offer gets: (how many approvals, then what happens).
_STORIES: tuple[tuple[str, int, str | None], ...] = (
    ("awaiting_approval", 1, None),
    ("approval_declined", 0, "decline"),
    ("approved", 2, None),
    ("sent", 2, "send"),
    ("accepted", 2, "accept"),
    ("declined", 2, "decline_offer"),
)
LETTER = """Dear {{ candidate_name }},

On behalf of everyone at {{ organization }}, we are thrilled to offer you the role of \
{{ job_title }}.

Base salary: {{ base_salary }} a year
Bonus: {{ bonus }}
Equity: {{ equity }}
Start date: {{ start_date }}

Please let us know your decision by {{ expires_on }}.

Warm regards,
The {{ organization }} hiring team
"""


async def _candidates_for_offers(
    session: AsyncSession, tenant_id: uuid.UUID, job_ids: list[uuid.UUID], wanted: int
) -> list[uuid.UUID]:
    """Active applications, taken from the jobs in turn, furthest along the pipeline first."""
    picked: list[uuid.UUID] = []
    per_job = []
    for job_id in job_ids:
        rows, _ = await candidates.applications_of_job(
            session,
            tenant_id,
            job_id,
            stage_id=None,
            status="active",
            applied_from=None,
            applied_to=None,
            cursor=None,
            limit=50,
        )
        ranked = sorted(rows, key=lambda row: -(row[2].position if row[2] else 0))
        per_job.append([row[0].id for row in ranked])
    while len(picked) < wanted and any(per_job):
        for queue in per_job:
            if queue and len(picked) < wanted:
                picked.append(queue.pop(0))
    return picked


def _people(
    tenant_id: uuid.UUID, ids: dict[str, uuid.UUID], sign_ins: tuple[SignIn, ...]
) -> dict[Role, list[Principal]]:
    grouped: dict[Role, list[Principal]] = {}
    for sign_in in sign_ins:
        grouped.setdefault(sign_in.role, []).append(
            principal(tenant_id, ids[sign_in.email], sign_in.role)
        )
    return grouped


async def seed_offers(
    sessions: async_sessionmaker[AsyncSession],
    tenant_id: uuid.UUID,
    ids: dict[str, uuid.UUID],
    sign_ins: tuple[SignIn, ...],
    now: datetime | None = None,
) -> None:
    """An offer in each state, a written letter template, and one offer outside its band."""
    now = now or datetime.now(UTC)
    people = _people(tenant_id, ids, sign_ins)
    recruiter = people[Role.RECRUITER][0]
    approvers = [people[Role.HIRING_MANAGER][0], people[Role.OWNER][0]]
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, tenant_id)
        await letter_templates.put_template(
            session,
            recruiter,
            "standard",
            LetterTemplateWrite(name="Demo offer letter", body=LETTER),
        )
        open_jobs, _ = await jobs.page(session, tenant_id, status="open", cursor=None, limit=20)
        picked = await _candidates_for_offers(
            session, tenant_id, [job.id for job in open_jobs], len(_STORIES)
        )
        for (status, approvals, then), application_id in zip(_STORIES, picked, strict=False):
            band = await offers.band_for_application(session, recruiter, application_id)
            middle = (band["min"] + band["max"]) // 2 // 1000 * 1000 if band["available"] else 0
            outside = status == "approval_declined" and band["available"]
            made = await offers.create(
                session,
                recruiter,
                application_id,
                OfferCreate(
                    base_salary=band["max"] + 25_000 if outside else (middle or 120_000),
                    currency=band.get("currency") or "USD",
                    bonus=10_000,
                    equity="0.05% over four years",
                    start_date=(now + timedelta(days=45)).date(),
                    expires_at=now + timedelta(days=14),
                    approvers=[uuid.UUID(a.id) for a in approvers],
                    out_of_band_reason="Counter-offer from their current employer; the team "
                    "agreed they are worth stretching for."
                    if outside
                    else None,
                ),
            )
            for approver in approvers[:approvals]:
                await offers.decide(
                    session, approver, made.id, ApprovalDecision(decision="approve", note=None)
                )
            if then == "decline":
                await offers.decide(
                    session,
                    approvers[0],
                    made.id,
                    ApprovalDecision(decision="decline", note="Above what the budget allows."),
                )
            if then in {"send", "accept", "decline_offer"}:
                await offers.send(session, recruiter, made.id)
            if then == "accept":
                await offers.answer(
                    session, recruiter, made.id, accepted=True, note=None, by="recruiter"
                )
            if then == "decline_offer":
                await offers.answer(
                    session,
                    recruiter,
                    made.id,
                    accepted=False,
                    note="Chose an offer closer to home.",
                    by="recruiter",
                )
