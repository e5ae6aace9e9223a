"""What the offers domain tells the rest of the system (and webhook subscribers)."""

from __future__ import annotations

from enum import StrEnum


class OfferEvent(StrEnum):
    """Every event an offer records; all of them are in the webhook catalogue."""

    CREATED = "offer.created"
    APPROVAL_REQUESTED = "offer.approval_requested"
    APPROVED = "offer.approved"
    DECLINED_BY_APPROVER = "offer.declined_by_approver"
    SENT = "offer.sent"
    ACCEPTED = "offer.accepted"
    DECLINED = "offer.declined"


DESCRIPTIONS: dict[OfferEvent, str] = {
    OfferEvent.CREATED: "An offer was drafted for an application and waits for its approvers.",
    OfferEvent.APPROVAL_REQUESTED: "An offer's next approver was asked to decide.",
    OfferEvent.APPROVED: "An approver approved an offer; all_approved: it was the last one.",
    OfferEvent.DECLINED_BY_APPROVER: "An approver declined an offer; it cannot be sent.",
    OfferEvent.SENT: "An approved offer was sent to the candidate.",
    OfferEvent.ACCEPTED: "The candidate accepted an offer and was hired.",
    OfferEvent.DECLINED: "The candidate declined an offer.",
}
