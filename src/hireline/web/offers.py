"""Offer screens: the form with the job's band beside it, and the offer with its approval
trail, where the approver whose turn it is approves or declines."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from hireline.candidates import service as candidates
from hireline.core.db import DbSession
from hireline.core.errors import Conflict, PermissionDenied, ValidationFailed
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.offers import service as offers
from hireline.offers.schemas import ApprovalDecision, OfferCreate, OfferRead
from hireline.web.access import Visit, screen
from hireline.web.templating import render

router = APIRouter(include_in_schema=False)

Writer = Annotated[Visit, screen(Action.OFFERS_WRITE)]
Participant = Annotated[Visit, screen(Action.OFFERS_APPROVE)]
APPROVER_SLOTS = 3
DEFAULT_VALIDITY = timedelta(days=7)


async def _form_context(
    session: DbSession, visit: Visit, application_id: uuid.UUID, values: dict[str, Any]
) -> dict[str, Any]:
    tenant_id = visit.principal.tenant_id
    application = await candidates.get_application(session, tenant_id, application_id)
    candidate = await candidates.get(session, tenant_id, application.candidate_id)
    job = await jobs.get(session, tenant_id, application.job_id)
    band = await offers.band_for_application(session, visit.principal, application_id)
    today = datetime.now(UTC).date()
    defaults: dict[str, Any] = {
        "base_salary": (band["min"] + band["max"]) // 2 // 1000 * 1000 if band["available"] else "",
        "currency": band.get("currency") or "USD",
        "start_date": (today + timedelta(days=30)).isoformat(),
        "expires_on": (today + DEFAULT_VALIDITY).isoformat(),
        "template": "standard",
        "approvers": [],
    }
    return {
        "visit": visit,
        "application": application,
        "candidate": candidate,
        "job": job,
        "band": band,
        "members": await offers.approver_choices(session, tenant_id),
        "templates": await offers.template_choices(session),
        "slots": range(APPROVER_SLOTS),
        "values": defaults | values,
        "errors": [],
    }


@router.get("/app/applications/{application_id}/offers/new")
async def offer_form(
    request: Request, session: DbSession, visit: Writer, application_id: uuid.UUID
) -> HTMLResponse:
    return render(
        request, "offer_form.html", await _form_context(session, visit, application_id, {})
    )


def _optional_int(value: str) -> int | None:
    return int(value) if value.strip() else None


@router.post("/app/applications/{application_id}/offers")
async def create_offer(
    request: Request,
    session: DbSession,
    visit: Writer,
    application_id: uuid.UUID,
    base_salary: Annotated[str, Form(max_length=20)],
    currency: Annotated[str, Form(max_length=3)],
    start_date: Annotated[str, Form(max_length=10)],
    expires_on: Annotated[str, Form(max_length=10)],
    template: Annotated[str, Form(max_length=60)] = "standard",
    bonus: Annotated[str, Form(max_length=20)] = "",
    equity: Annotated[str, Form(max_length=200)] = "",
    out_of_band_reason: Annotated[str, Form(max_length=2000)] = "",
    approvers: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Make the offer; the form comes back with its errors (422) when it cannot be made."""
    chosen = [a for a in approvers or [] if a]
    values = {
        "base_salary": base_salary,
        "currency": currency,
        "bonus": bonus,
        "equity": equity,
        "start_date": start_date,
        "expires_on": expires_on,
        "template": template,
        "out_of_band_reason": out_of_band_reason,
        "approvers": chosen,
    }
    try:
        body = OfferCreate(
            base_salary=int(base_salary),
            currency=currency,
            bonus=_optional_int(bonus),
            equity=equity or None,
            start_date=date.fromisoformat(start_date),
            expires_at=datetime.combine(date.fromisoformat(expires_on), time(23, 59), UTC),
            template=template,
            approvers=[uuid.UUID(a) for a in chosen],
            out_of_band_reason=out_of_band_reason.strip() or None,
        )
        offer = await offers.create(session, visit.principal, application_id, body)
    except (ValidationError, ValueError, ValidationFailed, Conflict) as exc:
        context = await _form_context(session, visit, application_id, values)
        context["errors"] = _messages(exc)
        status = 409 if isinstance(exc, Conflict) else 422
        return render(request, "offer_form.html", context, status_code=status)
    return RedirectResponse(f"/app/offers/{offer.id}", status_code=303)


def _messages(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        return [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    if isinstance(exc, ValidationFailed):
        errors = exc.extensions.get("errors") or []
        return [str(e.get("msg")) for e in errors] or [str(exc)]
    if isinstance(exc, ValueError):
        return ["Check the numbers and dates: " + str(exc)]
    return [str(exc)]


async def _offer_context(
    session: DbSession, visit: Visit, offer: OfferRead, message: str | None = None
) -> dict[str, Any]:
    tenant_id = visit.principal.tenant_id
    candidate = await candidates.get(session, tenant_id, offer.candidate_id)
    job = await jobs.get(session, tenant_id, offer.job_id)
    me = visit.principal.id
    return {
        "visit": visit,
        "offer": offer,
        "candidate": candidate,
        "job": job,
        "my_turn": offer.next_approver is not None and str(offer.next_approver) == me,
        "can_send": offer.status == "approved" and visit.principal.can(Action.OFFERS_WRITE),
        "message": message,
    }


@router.get("/app/offers/{offer_id}")
async def offer_screen(
    request: Request, session: DbSession, visit: Participant, offer_id: uuid.UUID
) -> HTMLResponse:
    offer = await offers.get(session, visit.principal, offer_id)
    return render(request, "offer.html", await _offer_context(session, visit, offer))


@router.post("/app/offers/{offer_id}/approval")
async def decide(
    request: Request,
    session: DbSession,
    visit: Participant,
    offer_id: uuid.UUID,
    decision: Annotated[str, Form(pattern="^(approve|decline)$")],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    try:
        body = ApprovalDecision(decision=decision, note=note.strip() or None)
        await offers.decide(session, visit.principal, offer_id, body)
    except (ValidationFailed, Conflict, PermissionDenied) as exc:
        offer = await offers.get(session, visit.principal, offer_id)
        context = await _offer_context(session, visit, offer, _messages(exc)[0])
        return render(request, "offer.html", context, status_code=exc.problem.status)
    return RedirectResponse(f"/app/offers/{offer_id}", status_code=303)


@router.post("/app/offers/{offer_id}/send")
async def send(
    request: Request, session: DbSession, visit: Writer, offer_id: uuid.UUID
) -> Response:
    await offers.send(session, visit.principal, offer_id)
    return RedirectResponse(f"/app/offers/{offer_id}", status_code=303)


@router.get("/app/offers/{offer_id}/letter.pdf")
async def letter(session: DbSession, visit: Participant, offer_id: uuid.UUID) -> Response:
    found = await offers.letter(session, visit.principal, offer_id)
    return Response(
        found.pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": 'inline; filename="offer-letter.pdf"',
            "Cache-Control": "private, no-store",
        },
    )
