"""What the interviews domain tells the rest of the system (all in the webhook catalogue)."""

from __future__ import annotations

from hireline.core.events import EventType


class InterviewEvent(EventType):
    """Domain event types recorded by interviews; each is offered to webhook endpoints."""

    PLAN_UPDATED = (
        "interview_plan.updated",
        "A job's interview plan (interviews and their kits) changed.",
    )
    SCHEDULED = "interview.scheduled", "An interview was scheduled; invitations went to the panel."
    RESCHEDULED = (
        "interview.rescheduled",
        "An interview moved or its panel changed; updates were sent.",
    )
    CANCELLED = "interview.cancelled", "An interview was cancelled; cancellations were sent."
    SCORECARD_SUBMITTED = "scorecard.submitted", "An interviewer submitted their scorecard."
    SCORECARD_REVISED = "scorecard.revised", "A submitted scorecard was edited (a new version)."
