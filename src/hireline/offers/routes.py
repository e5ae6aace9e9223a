"""HTTP layer of offers: drafting, approving in order, sending, answering, letters."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from starlette.responses import Response

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.offers import letter_templates, service
from hireline.offers.schemas import (
    ApprovalDecision,
    CandidateAnswer,
    LetterPreview,
    LetterTemplateList,
    LetterTemplateRead,
    LetterTemplateWrite,
    OfferCreate,
    OfferList,
    OfferRead,
    OfferStatus,
    RejectedApplications,
    RejectRemaining,
    SalaryBand,
    TemplateKey,
)

router = APIRouter(prefix="/v1", tags=["offers"])

# Approvers see (only) the offers they approve; the service narrows what they get.
Participant = Annotated[Principal, require(Action.OFFERS_APPROVE)]
Reader = Annotated[Principal, require(Action.OFFERS_READ)]
Writer = Annotated[Principal, require(Action.OFFERS_WRITE)]
PDF: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The letter as a PDF document",
        "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
    }
}


def _pdf(data: bytes, filename: str) -> Response:
    return Response(
        data,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{filename}"',
            "Cache-Control": "private, no-store",
        },
    )


@router.post(
    "/applications/{application_id}/offers",
    status_code=status.HTTP_201_CREATED,
    summary="Make an offer; it waits for its approvers, in order",
    description="A salary outside the job's band needs `out_of_band_reason` (422 without).",
)
async def create_offer(
    application_id: uuid.UUID, body: OfferCreate, session: DbSession, principal: Writer
) -> OfferRead:
    return await service.create(session, principal, application_id, body)


@router.get("/applications/{application_id}/offers", summary="An application's offers")
async def application_offers(
    application_id: uuid.UUID, session: DbSession, principal: Participant
) -> OfferList:
    return OfferList(items=await service.of_application(session, principal, application_id))


@router.get(
    "/applications/{application_id}/offer-band",
    summary="The salary band an offer on this application is checked against, explained",
)
async def offer_band(
    application_id: uuid.UUID, session: DbSession, principal: Reader
) -> SalaryBand:
    return SalaryBand.model_validate(
        await service.band_for_application(session, principal, application_id)
    )


@router.get("/offers", summary="Offers newest first; awaiting_me: those waiting for you")
async def list_offers(
    session: DbSession,
    principal: Participant,
    status_: Annotated[OfferStatus | None, Query(alias="status")] = None,
    awaiting_me: bool = False,
) -> OfferList:
    return OfferList(
        items=await service.listed(session, principal, status=status_, awaiting_me=awaiting_me)
    )


@router.get("/offers/{offer_id}", summary="One offer with its approval trail")
async def get_offer(offer_id: uuid.UUID, session: DbSession, principal: Participant) -> OfferRead:
    return await service.get(session, principal, offer_id)


@router.post(
    "/offers/{offer_id}/approval",
    summary="Approve or decline, in your turn (a note is required to decline)",
)
async def decide_offer(
    offer_id: uuid.UUID, body: ApprovalDecision, session: DbSession, principal: Participant
) -> OfferRead:
    return await service.decide(session, principal, offer_id, body)


@router.post("/offers/{offer_id}/send", summary="Send an approved offer to the candidate")
async def send_offer(offer_id: uuid.UUID, session: DbSession, principal: Writer) -> OfferRead:
    return await service.send(session, principal, offer_id)


@router.post(
    "/offers/{offer_id}/accept",
    summary="Record that the candidate accepted: they are hired",
    description="When that fills the job's openings the job is closed (`job_closed`); "
    "reject the rest with POST /v1/jobs/{job_id}/reject-remaining.",
)
async def accept_offer(
    offer_id: uuid.UUID, body: CandidateAnswer, session: DbSession, principal: Writer
) -> OfferRead:
    return await service.answer(
        session, principal, offer_id, accepted=True, note=body.note, by="recruiter"
    )


@router.post("/offers/{offer_id}/decline", summary="Record that the candidate declined")
async def decline_offer(
    offer_id: uuid.UUID, body: CandidateAnswer, session: DbSession, principal: Writer
) -> OfferRead:
    return await service.answer(
        session, principal, offer_id, accepted=False, note=body.note, by="recruiter"
    )


@router.get(
    "/offers/{offer_id}/letter",
    summary="The offer letter as PDF",
    response_class=Response,
    responses=PDF,
)
async def offer_letter(offer_id: uuid.UUID, session: DbSession, principal: Participant) -> Response:
    letter = await service.letter(session, principal, offer_id)
    return _pdf(letter.pdf, "offer-letter.pdf")


@router.post(
    "/jobs/{job_id}/reject-remaining",
    summary="Reject every active application of a closed job with one reason",
)
async def reject_remaining_applications(
    job_id: uuid.UUID,
    body: RejectRemaining,
    session: DbSession,
    principal: Annotated[Principal, require(Action.CANDIDATES_WRITE)],
) -> RejectedApplications:
    ids = await service.reject_remaining(session, principal, job_id, body)
    return RejectedApplications(application_ids=ids)


@router.get("/offer-templates", summary="Your offer letter templates")
async def list_offer_templates(session: DbSession, principal: Reader) -> LetterTemplateList:
    return LetterTemplateList(items=await letter_templates.list_templates(session))


@router.get("/offer-templates/{key}", summary="One offer letter template")
async def get_offer_template(
    key: TemplateKey, session: DbSession, principal: Reader
) -> LetterTemplateRead:
    return await letter_templates.get_template(session, key)


@router.put(
    "/offer-templates/{key}",
    summary="Create or replace an offer letter template ({{ field }} placeholders)",
)
async def put_offer_template(
    key: TemplateKey, body: LetterTemplateWrite, session: DbSession, principal: Writer
) -> LetterTemplateRead:
    return await letter_templates.put_template(session, principal, key, body)


@router.post(
    "/offer-templates/preview",
    summary="Draw a template's wording as a PDF letter with sample facts",
    response_class=Response,
    responses=PDF,
)
async def preview_offer_template(
    body: LetterPreview, session: DbSession, principal: Reader
) -> Response:
    return _pdf(await letter_templates.preview(session, principal, body.body), "preview.pdf")
