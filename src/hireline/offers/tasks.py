"""Offer event handlers: who is told by e-mail when an offer moves.

Importing `offers.messages` (for its kinds) registers the builders of those e-mails with
notifications, in every process that queues or sends them.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core import events
from hireline.core.events import DomainEvent
from hireline.notifications import service as notifications
from hireline.offers.events import OfferEvent
from hireline.offers.messages import OFFER_APPROVAL_REQUESTED, OFFER_SENT

_FACTS = ("offer_id", "application_id", "candidate_id", "job_id")


def _facts(event: DomainEvent) -> dict[str, str]:
    return {name: str(event.payload[name]) for name in _FACTS}


@events.on(OfferEvent.APPROVAL_REQUESTED, name="offers.ask_approver")
async def ask_approver(event: DomainEvent, session: AsyncSession) -> None:
    """The approver whose turn it is hears of the offer (approvers are asked in turn)."""
    assert event.tenant_id is not None
    user_id = str(event.payload["user_id"])
    await notifications.notify_offer(
        session,
        event.tenant_id,
        kind=OFFER_APPROVAL_REQUESTED,
        key=f"{OFFER_APPROVAL_REQUESTED}:{event.id}:{user_id}",
        facts={**_facts(event), "user_id": user_id},
    )


@events.on(OfferEvent.SENT, name="offers.mail_candidate")
async def mail_candidate(event: DomainEvent, session: AsyncSession) -> None:
    """The candidate gets the offer with their signed link."""
    assert event.tenant_id is not None
    facts = _facts(event)
    await notifications.notify_offer(
        session,
        event.tenant_id,
        kind=OFFER_SENT,
        key=f"{OFFER_SENT}:{event.id}:{facts['candidate_id']}",
        facts=facts,
    )
