"""The event types a webhook endpoint can subscribe to, and what each means.

Built from every domain's `EventType` enum: each type that is not internal is offered.
"""

from __future__ import annotations

from hireline.candidates.events import CandidateEvent
from hireline.core.events import ANY_EVENT, EventType
from hireline.interviews.events import InterviewEvent
from hireline.jobs.events import JobEvent
from hireline.offers.events import OfferEvent
from hireline.webhooks.events import WebhookEvent

ALL_EVENTS = ANY_EVENT
TEST_EVENT = WebhookEvent.TEST

# Every domain's event types, in the order the catalogue lists them (a new domain's enum
# joins here; tests/architecture/test_event_types.py fails until it does).
DOMAIN_EVENTS: tuple[type[EventType], ...] = (
    JobEvent,
    CandidateEvent,
    InterviewEvent,
    OfferEvent,
    WebhookEvent,
)

SUBSCRIBABLE: tuple[EventType, ...] = tuple(
    member for domain in DOMAIN_EVENTS for member in domain if not member.internal
)

EVENT_TYPES: dict[str, str] = {member.value: member.description for member in SUBSCRIBABLE}
