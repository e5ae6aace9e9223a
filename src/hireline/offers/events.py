"""What the offers domain tells the rest of the system (and webhook subscribers)."""

from __future__ import annotations

from hireline.core.events import EventType


class OfferEvent(EventType):
    """Every event an offer records; all of them are in the webhook catalogue."""

    CREATED = (
        "offer.created",
        "An offer was drafted for an application and waits for its approvers.",
    )
    APPROVAL_REQUESTED = "offer.approval_requested", "An offer's next approver was asked to decide."
    APPROVED = "offer.approved", "An approver approved an offer; all_approved: it was the last one."
    DECLINED_BY_APPROVER = (
        "offer.declined_by_approver",
        "An approver declined an offer; it cannot be sent.",
    )
    SENT = "offer.sent", "An approved offer was sent to the candidate."
    ACCEPTED = "offer.accepted", "The candidate accepted an offer and was hired."
    DECLINED = "offer.declined", "The candidate declined an offer."
