"""Offers: drafted against the job's salary band, approved in order, sent, answered.

The door into the offers domain. Who sees an offer: members who may read every offer
(recruiters, admins) and the approvers in its chain; anyone else gets a 404, as for another
tenant's offer, so an offer's existence does not leak.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.core import events
from hireline.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.identity.audit import service as audit
from hireline.identity.members import service as members
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.offers.bands import explain_band, within
from hireline.offers.documents import Letter
from hireline.offers.documents import by_link as by_link
from hireline.offers.documents import candidate_link as candidate_link
from hireline.offers.documents import candidate_principal as candidate_principal
from hireline.offers.documents import letter_of as letter_of
from hireline.offers.documents import link_for as link_for
from hireline.offers.documents import offer_facts as offer_facts
from hireline.offers.events import OfferEvent
from hireline.offers.letter_templates import list_templates as list_letter_templates
from hireline.offers.letter_templates import template_body
from hireline.offers.models import Offer, OfferApproval
from hireline.offers.repository import OfferRepository, next_pending
from hireline.offers.schemas import ApprovalDecision, OfferCreate, OfferRead, RejectRemaining
from hireline.offers.views import view, views

# Offers still under way: an application has at most one of them at a time.
OPEN_STATUSES = frozenset({"awaiting_approval", "approved", "sent"})


def _field_error(field: str, message: str, kind: str) -> ValidationFailed:
    return ValidationFailed(
        message, errors=[{"loc": ["body", field], "msg": message, "type": kind}]
    )


async def band_for_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> dict[str, Any]:
    """The band an offer on this application is checked against, explained."""
    application = await candidates.get_application(session, principal.tenant_id, application_id)
    job = await jobs.get(session, principal.tenant_id, application.job_id)
    return explain_band(await jobs.salary_band(session, job))


async def _record(session: AsyncSession, offer: Offer, event: OfferEvent, **facts: Any) -> None:
    await events.record(
        session,
        type=event,
        payload={
            "offer_id": str(offer.id),
            "application_id": str(offer.application_id),
            "candidate_id": str(offer.candidate_id),
            "job_id": str(offer.job_id),
            "status": offer.status,
            **facts,
        },
        tenant_id=offer.tenant_id,
    )


async def _audit(
    session: AsyncSession, principal: Principal, offer: Offer, action: str, **details: Any
) -> None:
    await audit.record(
        session,
        tenant_id=offer.tenant_id,
        actor=principal,
        action=action,
        target_type="offer",
        target_id=offer.id,
        details=details,
    )


async def _check_approvers(
    session: AsyncSession, tenant_id: uuid.UUID, approvers: list[uuid.UUID]
) -> None:
    if len(set(approvers)) != len(approvers):
        raise _field_error("approvers", "Each approver may appear once in the chain.", "unique")
    for user_id in approvers:
        try:
            await members.get_member(session, tenant_id, user_id)
        except NotFound:
            raise _field_error(
                "approvers", f"Not a member of your organisation: {user_id}.", "member"
            ) from None


async def create(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID, body: OfferCreate
) -> OfferRead:
    """An offer awaiting its first approver; outside the band it needs a written reason."""
    application = await candidates.get_application(session, principal.tenant_id, application_id)
    if application.status != "active":
        raise Conflict(f"The application is {application.status}; it cannot get an offer.")
    repository = OfferRepository(session)
    if await repository.open_offers_of(application.id):
        raise Conflict("This application already has an offer under way.")
    now = datetime.now(UTC)
    if body.expires_at.tzinfo is None:
        body.expires_at = body.expires_at.replace(tzinfo=UTC)
    if body.expires_at <= now:
        raise _field_error("expires_at", "The offer must expire in the future.", "future")
    await _check_approvers(session, principal.tenant_id, body.approvers)
    await template_body(session, body.template)  # 422 for an unknown template
    job = await jobs.get(session, principal.tenant_id, application.job_id)
    band = explain_band(await jobs.salary_band(session, job))
    inside = within(band, body.base_salary, body.currency)
    if inside is False and not body.out_of_band_reason:
        raise _field_error(
            "out_of_band_reason",
            f"{body.base_salary:,} {body.currency} is outside the band "
            f"{band['min']:,}-{band['max']:,} {band['currency']} for {band['level']} in "
            f"{band['location_name']}; say why in out_of_band_reason.",
            "out_of_band",
        )
    offer = Offer(
        tenant_id=principal.tenant_id,
        application_id=application.id,
        job_id=application.job_id,
        candidate_id=application.candidate_id,
        status="awaiting_approval",
        base_salary=body.base_salary,
        currency=body.currency,
        bonus=body.bonus,
        equity=body.equity or None,
        start_date=body.start_date,
        expires_at=body.expires_at,
        template_key=body.template,
        band=band,
        within_band=inside,
        out_of_band_reason=body.out_of_band_reason if inside is False else None,
        created_by=principal.id,
    )
    session.add(offer)
    await session.flush()
    session.add_all(
        OfferApproval(tenant_id=offer.tenant_id, offer_id=offer.id, position=n, user_id=user)
        for n, user in enumerate(body.approvers)
    )
    await session.flush()
    await _record(session, offer, OfferEvent.CREATED, within_band=inside)
    await _record(
        session, offer, OfferEvent.APPROVAL_REQUESTED, position=0, user_id=str(body.approvers[0])
    )
    await _audit(session, principal, offer, "offer.created", within_band=inside)
    return await view(session, offer)


def _may_see_all(principal: Principal) -> bool:
    return principal.can(Action.OFFERS_READ)


def _user_id(principal: Principal) -> uuid.UUID | None:
    if principal.kind != "user":
        return None
    try:
        return uuid.UUID(principal.id)
    except ValueError:
        return None


async def _visible(
    session: AsyncSession, principal: Principal, offer_id: uuid.UUID, *, for_update: bool = False
) -> tuple[Offer, list[OfferApproval]]:
    repository = OfferRepository(session)
    offer = await repository.get(offer_id, for_update=for_update)
    if offer is None:
        raise NotFound("No offer with this id.")
    chain = (await repository.approvals_of([offer.id])).get(offer.id, [])
    user = _user_id(principal)
    if not _may_see_all(principal) and all(a.user_id != user for a in chain):
        raise NotFound("No offer with this id.")
    return offer, chain


async def get(session: AsyncSession, principal: Principal, offer_id: uuid.UUID) -> OfferRead:
    offer, chain = await _visible(session, principal, offer_id)
    return await view(session, offer, chain)


async def of_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> list[OfferRead]:
    found = await of_applications(session, principal, [application_id])
    if application_id not in found:
        raise NotFound("No application with this id.")
    return found[application_id]


async def of_applications(
    session: AsyncSession, principal: Principal, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[OfferRead]]:
    """Each application's offers the principal may see (all, or those they approve), newest
    first; applications that are not the tenant's are left out. A fixed number of
    statements, however many applications."""
    existing = await candidates.applications_by_ids(session, principal.tenant_id, application_ids)
    grouped: dict[uuid.UUID, list[OfferRead]] = {i: [] for i in application_ids if i in existing}
    approver = None if _may_see_all(principal) else _user_id(principal)
    if not grouped or (approver is None and not _may_see_all(principal)):
        return grouped
    offers = await OfferRepository(session).of_applications(list(grouped), approver=approver)
    for read in await views(session, offers):
        grouped[read.application_id].append(read)
    return grouped


async def listed(
    session: AsyncSession, principal: Principal, *, status: str | None, awaiting_me: bool
) -> list[OfferRead]:
    """Offers newest first: all of them, or those the caller approves (or must now)."""
    user = _user_id(principal)
    if (awaiting_me or not _may_see_all(principal)) and user is None:
        return []
    offers = await OfferRepository(session).listed(
        status=status,
        awaiting=user if awaiting_me else None,
        approver=None if _may_see_all(principal) else user,
    )
    return await views(session, offers)


async def decide(
    session: AsyncSession, principal: Principal, offer_id: uuid.UUID, body: ApprovalDecision
) -> OfferRead:
    """The approver whose turn it is approves or declines; nobody answers for another."""
    offer, chain = await _visible(session, principal, offer_id, for_update=True)
    user = _user_id(principal)
    mine = [a for a in chain if a.user_id == user]
    if not mine:
        raise PermissionDenied("Only the approvers in the offer's chain decide on it.")
    if offer.status != "awaiting_approval":
        raise Conflict(f"The offer is {offer.status}; it awaits no approval.")
    turn = next_pending(chain)
    assert turn is not None  # awaiting approval means someone has not answered
    if turn.user_id != user:
        raise Conflict(
            "It is not your turn: the offer waits for the approvers before you.",
            next_approver=str(turn.user_id),
        )
    if body.decision == "decline" and not body.note:
        raise _field_error("note", "Say why you decline the offer.", "required")
    now = datetime.now(UTC)
    turn.status = "approved" if body.decision == "approve" else "declined"
    turn.note = body.note
    turn.decided_at = now
    offer.updated_at = now
    following = next_pending(chain)
    if body.decision == "decline":
        offer.status = "approval_declined"
        await _record(session, offer, OfferEvent.DECLINED_BY_APPROVER, position=turn.position)
    else:
        if following is None:
            offer.status = "approved"
        await _record(
            session,
            offer,
            OfferEvent.APPROVED,
            position=turn.position,
            all_approved=following is None,
        )
        if following is not None:
            await _record(
                session,
                offer,
                OfferEvent.APPROVAL_REQUESTED,
                position=following.position,
                user_id=str(following.user_id),
            )
    await session.flush()
    await _audit(session, principal, offer, f"offer.{body.decision}d", position=turn.position)
    return await view(session, offer, chain)


async def send(session: AsyncSession, principal: Principal, offer_id: uuid.UUID) -> OfferRead:
    """Send an offer every approver approved; the candidate is mailed their link."""
    offer, chain = await _visible(session, principal, offer_id, for_update=True)
    if offer.status != "approved":
        raise Conflict(
            f"The offer is {offer.status}; only an offer every approver approved can be sent."
        )
    now = datetime.now(UTC)
    if offer.expires_at <= now:
        raise Conflict("The offer has expired; make a new one.")
    offer.status, offer.sent_at, offer.updated_at = "sent", now, now
    await session.flush()
    await _record(session, offer, OfferEvent.SENT)
    await _audit(session, principal, offer, "offer.sent")
    return await view(session, offer, chain)


async def answer(
    session: AsyncSession,
    principal: Principal,
    offer_id: uuid.UUID,
    *,
    accepted: bool,
    note: str | None,
    by: str,
) -> OfferRead:
    """Record the candidate's answer to a sent offer; accepting hires them and closes the
    job when that fills its openings."""
    repository = OfferRepository(session)
    if by == "candidate":
        found = await repository.get(offer_id, for_update=True)
        if found is None:
            raise NotFound("No offer with this id.")
        offer, chain = found, (await repository.approvals_of([found.id])).get(found.id, [])
    else:
        offer, chain = await _visible(session, principal, offer_id, for_update=True)
    if offer.status != "sent":
        raise Conflict(f"The offer is {offer.status}; only a sent offer can be answered.")
    now = datetime.now(UTC)
    if offer.expires_at <= now:
        raise Conflict("The offer has expired.")
    offer.status = "accepted" if accepted else "declined"
    offer.decided_by, offer.decision_note, offer.decided_at = by, note, now
    offer.updated_at = now
    await session.flush()
    job_closed: bool | None = None
    remaining: int | None = None
    if accepted:
        await candidates.hire(session, principal, offer.application_id)
        hired = await candidates.count_applications(session, offer.tenant_id, offer.job_id, "hired")
        job_closed = await jobs.close_if_filled(session, principal, offer.job_id, hired)
        remaining = await candidates.count_applications(
            session, offer.tenant_id, offer.job_id, "active"
        )
        await _record(session, offer, OfferEvent.ACCEPTED, by=by, job_closed=job_closed)
    else:
        await _record(session, offer, OfferEvent.DECLINED, by=by)
    await _audit(session, principal, offer, f"offer.{offer.status}", by=by)
    read = await view(session, offer, chain)
    read.job_closed, read.remaining_applications = job_closed, remaining
    return read


async def reject_remaining(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, body: RejectRemaining
) -> list[uuid.UUID]:
    """Reject the job's other applicants once it is filled (a 409 while it is still open)."""
    job = await jobs.get(session, principal.tenant_id, job_id)
    if job.status != "closed":
        raise Conflict("The job is still open; close it (or fill it) before rejecting the rest.")
    rejected = await candidates.reject_remaining(
        session,
        principal,
        job_id,
        reason=body.reason,
        notify_candidate=body.notify_candidates,
        note=body.note,
    )
    return [application.id for application in rejected]


async def letter(session: AsyncSession, principal: Principal, offer_id: uuid.UUID) -> Letter:
    offer, _ = await _visible(session, principal, offer_id)
    return await letter_of(session, offer)


async def reread(session: AsyncSession, offer: Offer) -> None:
    """Read the offer again as stored (after a savepoint rolled back a change to it)."""
    await OfferRepository(session).reread(offer)


# --- For the web app's offer form ---


@dataclass(frozen=True)
class ApproverChoice:
    user_id: uuid.UUID
    name: str
    role: str


async def approver_choices(session: AsyncSession, tenant_id: uuid.UUID) -> list[ApproverChoice]:
    """Members who may be put in an approval chain, as the form lists them."""
    return [
        ApproverChoice(m.user_id, m.name or m.email, m.role)
        for m in await members.list_members(session, tenant_id)
    ]


async def template_choices(session: AsyncSession) -> list[tuple[str, str]]:
    """(key, name) of the organisation's letter templates."""
    return [(t.key, t.name) for t in await list_letter_templates(session)]
