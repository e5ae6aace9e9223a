"""Offer e-mails: the candidate's offer with their link, and each approver's turn.

Offers writes these itself and hands the builders to notifications, which queues and sends
them: notifications knows no offer (the letter, the signed link) this way.
"""

from __future__ import annotations

import uuid
from email.message import EmailMessage

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.signing_key import signing_key
from hireline.identity.members import service as members
from hireline.notifications import service as notifications
from hireline.notifications.service import Draft, one_line
from hireline.offers import letters, service
from hireline.settings import Settings

OFFER_SENT = "offer_sent"
OFFER_APPROVAL_REQUESTED = "offer_approval_requested"


@notifications.builds(OFFER_SENT)
async def offer_sent(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To the candidate: the offer, and the signed link to read and answer it."""
    candidate = await notifications.candidate_of(session, draft)
    if not candidate.email:
        return None
    offer_id = uuid.UUID(draft.params["offer_id"])
    offer = await service.offer_facts(session, draft.tenant_id, offer_id)
    job = await notifications.job_of(session, draft)
    organization = await notifications.organization_name(session, draft.tenant_id)
    facts = {
        "candidate_name": one_line(candidate.name) if candidate.name else None,
        "job_title": one_line(job.title),
        "organization": organization,
        "offer_url": await service.link_for(
            session,
            draft.tenant_id,
            offer_id,
            public_url=notifications.app_url(settings),
            key=signing_key(settings),
        ),
        "expires_on": letters.long_date(offer.expires_at.date()),
    }
    message = notifications.drafted_message(
        settings,
        draft,
        to=(candidate.email, candidate.name),
        subject=f"Your offer for {facts['job_title']} at {organization}",
        facts=facts,
        from_name=organization,
    )
    letter = await service.letter_of(session, offer)
    message.add_attachment(
        letter.pdf, maintype="application", subtype="pdf", filename="offer-letter.pdf"
    )
    return message


@notifications.builds(OFFER_APPROVAL_REQUESTED)
async def offer_approval_requested(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To the approver whose turn came: review the offer (with any out-of-band reason)."""
    member = await members.get_member(session, draft.tenant_id, uuid.UUID(draft.params["user_id"]))
    offer_id = uuid.UUID(draft.params["offer_id"])
    offer = await service.offer_facts(session, draft.tenant_id, offer_id)
    if offer.status != "awaiting_approval":
        return None  # decided (or declined by someone earlier) before the mail went out
    candidate = await notifications.candidate_of(session, draft)
    job = await notifications.job_of(session, draft)
    facts = {
        "recipient_name": one_line(member.name) or "there",
        "candidate_name": one_line(candidate.name or "") or "a candidate",
        "job_title": one_line(job.title),
        "organization": await notifications.organization_name(session, draft.tenant_id),
        "out_of_band_reason": offer.out_of_band_reason,
        "offer_url": f"{notifications.app_url(settings)}/app/offers/{offer_id}",
    }
    return notifications.drafted_message(
        settings,
        draft,
        to=(member.email, member.name),
        subject="Offer to approve: {candidate_name}, {job_title}".format(**facts),
        facts=facts,
    )
