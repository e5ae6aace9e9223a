"""The offer's letter, and the candidate's way in: the signed link and what it opens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.core.errors import NotFound
from hireline.core.principal import Principal
from hireline.identity.organization import service as tenants
from hireline.jobs import service as jobs
from hireline.offers import letters, links
from hireline.offers.letter_templates import template_body
from hireline.offers.models import Offer
from hireline.offers.repository import OfferRepository
from hireline.offers.schemas import OfferRead


@dataclass(frozen=True)
class Letter:
    text: str
    pdf: bytes
    organization: str
    job_title: str
    candidate_name: str


async def _facts(session: AsyncSession, offer: Offer) -> letters.LetterFacts:
    candidate = await candidates.get(session, offer.tenant_id, offer.candidate_id)
    job = await jobs.get(session, offer.tenant_id, offer.job_id)
    organization = (await tenants.get(session, offer.tenant_id)).name
    return letters.LetterFacts(
        candidate_name=candidate.name or candidate.email or "Candidate",
        job_title=job.title,
        organization=organization,
        base_salary=offer.base_salary,
        currency=offer.currency,
        bonus=offer.bonus,
        equity=offer.equity,
        start_date=offer.start_date,
        expires_at=offer.expires_at,
        today=datetime.now(UTC).date(),
    )


async def letter_of(session: AsyncSession, offer: Offer) -> Letter:
    facts = await _facts(session, offer)
    text = letters.fill(await template_body(session, offer.template_key), facts)
    pdf = letters.to_pdf(text, organization=facts.organization, title=f"Offer: {facts.job_title}")
    return Letter(text, pdf, facts.organization, facts.job_title, facts.candidate_name)


def candidate_link(
    public_url: str, key: str, offer: Offer | OfferRead, tenant_id: uuid.UUID
) -> str:
    """The address the candidate answers the offer at (valid until the offer expires)."""
    token = links.sign(links.OfferRef(tenant_id, offer.id), offer.expires_at, key=key)
    return links.url(public_url, token)


async def link_for(
    session: AsyncSession, tenant_id: uuid.UUID, offer_id: uuid.UUID, *, public_url: str, key: str
) -> str:
    """The candidate's link to a sent offer (for its e-mail); NotFound otherwise."""
    offer = await OfferRepository(session).get(offer_id)
    if offer is None or offer.status not in {"sent", "accepted", "declined"}:
        raise NotFound("No sent offer with this id.")
    return candidate_link(public_url, key, offer, tenant_id)


async def by_link(session: AsyncSession, ref: links.OfferRef) -> Offer:
    """The offer a verified link names (the session already entered its tenant)."""
    offer = await OfferRepository(session).get(ref.offer_id)
    if offer is None or offer.status not in {"sent", "accepted", "declined"}:
        raise NotFound("This offer is not available.")
    return offer


async def offer_facts(session: AsyncSession, tenant_id: uuid.UUID, offer_id: uuid.UUID) -> Offer:
    """An offer for notifications (no principal: the worker acts for the system)."""
    offer = await OfferRepository(session).get(offer_id)
    if offer is None:
        raise NotFound("No offer with this id.")
    return offer


def candidate_principal(offer: Offer) -> Principal:
    """The candidate answering through their link: known by the offer, allowed nothing else."""
    return Principal(
        kind="anonymous",
        id=f"candidate:{offer.candidate_id}",
        tenant_id=offer.tenant_id,
        actions=frozenset(),
    )
