"""Offers as the API and the screens show them: with their approval trail and names."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.identity.members import service as members
from hireline.offers.models import Offer, OfferApproval
from hireline.offers.repository import OfferRepository, next_pending
from hireline.offers.schemas import ApprovalRead, OfferRead, SalaryBand


async def views(session: AsyncSession, offers: list[Offer]) -> list[OfferRead]:
    """The offers' views, their chains and the members' names read once for all of them."""
    if not offers:
        return []
    chains = await OfferRepository(session).approvals_of([offer.id for offer in offers])
    names = await _names(session, offers[0].tenant_id)
    return [_read(offer, chains.get(offer.id, []), names) for offer in offers]


async def _names(session: AsyncSession, tenant_id: uuid.UUID) -> dict[uuid.UUID, str]:
    return {m.user_id: m.name for m in await members.list_members(session, tenant_id)}


async def view(
    session: AsyncSession, offer: Offer, chain: list[OfferApproval] | None = None
) -> OfferRead:
    if chain is None:
        chain = (await OfferRepository(session).approvals_of([offer.id])).get(offer.id, [])
    return _read(offer, chain, await _names(session, offer.tenant_id))


def _read(offer: Offer, chain: list[OfferApproval], names: dict[uuid.UUID, str]) -> OfferRead:
    turn = next_pending(chain) if offer.status == "awaiting_approval" else None
    approvals = []
    for approval in chain:
        read = ApprovalRead.model_validate(approval)
        read.name = names.get(approval.user_id)
        approvals.append(read)
    return OfferRead(
        id=offer.id,
        application_id=offer.application_id,
        job_id=offer.job_id,
        candidate_id=offer.candidate_id,
        status=offer.status,
        base_salary=offer.base_salary,
        currency=offer.currency,
        bonus=offer.bonus,
        equity=offer.equity,
        start_date=offer.start_date,
        expires_at=offer.expires_at,
        template=offer.template_key,
        band=SalaryBand.model_validate(offer.band or {"available": False}),
        within_band=offer.within_band,
        out_of_band_reason=offer.out_of_band_reason,
        approvals=approvals,
        next_approver=turn.user_id if turn else None,
        decided_by=offer.decided_by,
        decision_note=offer.decision_note,
        created_at=offer.created_at,
        sent_at=offer.sent_at,
        decided_at=offer.decided_at,
    )
