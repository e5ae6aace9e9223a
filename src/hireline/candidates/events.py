"""What the candidates domain (candidates, applications, résumés) tells the rest of the system."""

from __future__ import annotations

from hireline.core.events import EventType, internal


class CandidateEvent(EventType):
    """The candidates domain's event types, in the order the webhook catalogue lists them."""

    APPLICATION_CREATED = "application.created", "Someone applied to a job."
    # The first application stands; the candidate is told so (notifications).
    APPLICATION_RESUBMITTED = internal(
        "application.resubmitted", "Someone applied again to a job they had applied to."
    )
    APPLICATION_STAGE_CHANGED = (
        "application.stage_changed",
        "An application moved to another pipeline stage.",
    )
    APPLICATION_REJECTED = "application.rejected", "An application was rejected."
    APPLICATION_WITHDRAWN = "application.withdrawn", "An application was withdrawn."
    APPLICATION_REOPENED = (
        "application.reopened",
        "A rejection was undone: the application is active again.",
    )
    CANDIDATE_ADDED = "candidate.added", "A recruiter added a person by hand (sourced or referred)."
    NOTE_ADDED = (
        "candidate.note_added",
        "A member wrote a note on a candidate (ids only, not the text).",
    )
    TAGS_CHANGED = "candidate.tags_changed", "A candidate's tags changed."
    CANDIDATE_HIRED = "candidate.hired", "A candidate was hired."
    # It lets matching re-score the person.
    CANDIDATE_UPDATED = internal("candidate.updated", "A recruiter edited a candidate's profile.")
    CANDIDATE_ERASED = "candidate.erased", "A candidate's personal data was erased on request."
    RESUME_PARSED = (
        "resume.parsed",
        "A résumé was read; the candidate's profile may have changed.",
    )
    RESUME_PARSE_FAILED = (
        "resume.parse_failed",
        "A résumé could not be read; the reason is in the data.",
    )
