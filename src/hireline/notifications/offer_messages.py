"""Offer e-mails: the candidate's offer with their link, and each approver's turn."""

from __future__ import annotations

import uuid
from email.message import EmailMessage

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.signing_key import signing_key
from hireline.identity.members import service as members
from hireline.notifications.compose import compose, message_id, one_line, render, sender
from hireline.notifications.messages import (
    Draft,
    _app_url,
    _builds,
    _candidate,
    _job,
    _organization,
    _recipient,
    mail_domain,
)
from hireline.offers import letters
from hireline.offers import service as offers
from hireline.settings import Settings

OFFER_SENT = "offer_sent"
OFFER_APPROVAL_REQUESTED = "offer_approval_requested"


@_builds(OFFER_SENT)
async def offer_sent(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To the candidate: the offer, and the signed link to read and answer it."""
    candidate = await _candidate(session, draft)
    if not candidate.email:
        return None
    offer_id = uuid.UUID(draft.params["offer_id"])
    offer = await offers.offer_facts(session, draft.tenant_id, offer_id)
    job = await _job(session, draft)
    organization = await _organization(session, draft.tenant_id)
    facts = {
        "candidate_name": one_line(candidate.name) if candidate.name else None,
        "job_title": one_line(job.title),
        "organization": organization,
        "offer_url": await offers.link_for(
            session,
            draft.tenant_id,
            offer_id,
            public_url=_app_url(settings),
            key=signing_key(settings),
        ),
        "expires_on": letters.long_date(offer.expires_at.date()),
    }
    message = compose(
        from_=sender(settings.mail_from, display_name=organization),
        to=_recipient(candidate.email, candidate.name),
        subject=f"Your offer for {facts['job_title']} at {organization}",
        body=render(OFFER_SENT, **facts),
        message_id=message_id(draft.key, domain=mail_domain(settings)),
    )
    letter = await offers.letter_of(session, offer)
    message.add_attachment(
        letter.pdf, maintype="application", subtype="pdf", filename="offer-letter.pdf"
    )
    return message


@_builds(OFFER_APPROVAL_REQUESTED)
async def offer_approval_requested(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To the approver whose turn came: review the offer (with any out-of-band reason)."""
    member = await members.get_member(session, draft.tenant_id, uuid.UUID(draft.params["user_id"]))
    offer_id = uuid.UUID(draft.params["offer_id"])
    offer = await offers.offer_facts(session, draft.tenant_id, offer_id)
    if offer.status != "awaiting_approval":
        return None  # decided (or declined by someone earlier) before the mail went out
    candidate = await _candidate(session, draft)
    job = await _job(session, draft)
    facts = {
        "recipient_name": one_line(member.name) or "there",
        "candidate_name": one_line(candidate.name or "") or "a candidate",
        "job_title": one_line(job.title),
        "organization": await _organization(session, draft.tenant_id),
        "out_of_band_reason": offer.out_of_band_reason,
        "offer_url": f"{_app_url(settings)}/app/offers/{offer_id}",
    }
    return compose(
        from_=sender(settings.mail_from),
        to=_recipient(member.email, member.name),
        subject="Offer to approve: {candidate_name}, {job_title}".format(**facts),
        body=render(OFFER_APPROVAL_REQUESTED, **facts),
        message_id=message_id(draft.key, domain=mail_domain(settings)),
    )
