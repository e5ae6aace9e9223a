"""What the interviews domain tells the rest of the system (all in the webhook catalogue)."""

from __future__ import annotations

from enum import StrEnum


class InterviewEvent(StrEnum):
    """Domain event types recorded by interviews; each is offered to webhook endpoints."""

    PLAN_UPDATED = "interview_plan.updated"
    SCHEDULED = "interview.scheduled"
    RESCHEDULED = "interview.rescheduled"
    CANCELLED = "interview.cancelled"
    SCORECARD_SUBMITTED = "scorecard.submitted"
    SCORECARD_REVISED = "scorecard.revised"


DESCRIPTIONS: dict[InterviewEvent, str] = {
    InterviewEvent.PLAN_UPDATED: "A job's interview plan (interviews and their kits) changed.",
    InterviewEvent.SCHEDULED: "An interview was scheduled; invitations went to the panel.",
    InterviewEvent.RESCHEDULED: "An interview moved or its panel changed; updates were sent.",
    InterviewEvent.CANCELLED: "An interview was cancelled; cancellations were sent.",
    InterviewEvent.SCORECARD_SUBMITTED: "An interviewer submitted their scorecard.",
    InterviewEvent.SCORECARD_REVISED: "A submitted scorecard was edited (a new version).",
}
