"""What the webhooks domain tells the rest of the system."""

from __future__ import annotations

from hireline.core.events import EventType, internal


class WebhookEvent(EventType):
    """The webhooks domain's event types."""

    # Its administrators are e-mailed in the same job; the event keeps the history.
    ENDPOINT_DISABLED = internal(
        "webhook.endpoint_disabled", "An endpoint was disabled after failing for days."
    )
    # Sent to the one endpoint an administrator is testing, never through subscriptions.
    TEST = internal("webhook.test", "A test delivery an administrator asked for.")
