"""The event types a webhook endpoint can subscribe to, and what each means."""

from __future__ import annotations

ALL_EVENTS = "*"
TEST_EVENT = "webhook.test"

EVENT_TYPES: dict[str, str] = {
    "job.published": "A job was opened to applicants (or reopened after a pause).",
    "job.paused": "A job stopped taking applications for a while.",
    "job.closed": "A job was closed for good.",
    "job.updated": "A job's details changed.",
    "application.created": "Someone applied to a job.",
    "application.stage_changed": "An application moved to another pipeline stage.",
    "application.rejected": "An application was rejected.",
    "application.withdrawn": "An application was withdrawn.",
    "application.reopened": "A rejection was undone: the application is active again.",
    "candidate.added": "A recruiter added a person by hand (sourced or referred).",
    "candidate.note_added": "A member wrote a note on a candidate (ids only, not the text).",
    "candidate.tags_changed": "A candidate's tags changed.",
    "candidate.hired": "A candidate was hired.",
    "candidate.erased": "A candidate's personal data was erased on request.",
    "resume.parsed": "A résumé was read; the candidate's profile may have changed.",
    "resume.parse_failed": "A résumé could not be read; the reason is in the data.",
}
