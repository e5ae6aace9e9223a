from enum import StrEnum


class OfferReadStatus(StrEnum):
    ACCEPTED = "accepted"
    APPROVAL_DECLINED = "approval_declined"
    APPROVED = "approved"
    AWAITING_APPROVAL = "awaiting_approval"
    DECLINED = "declined"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
