"""What the jobs domain tells the rest of the system."""

from __future__ import annotations

from hireline.core.events import EventType

# Change-feed topic announced (on commit) whenever a tenant's jobs change; the payload is
# the tenant id. The public board drops its cached pages on it.
JOBS_CHANGED_TOPIC = "jobs_changed"


class JobEvent(EventType):
    """The jobs domain's event types."""

    PUBLISHED = "job.published", "A job was opened to applicants (or reopened after a pause)."
    PAUSED = "job.paused", "A job stopped taking applications for a while."
    CLOSED = "job.closed", "A job was closed for good."
    UPDATED = "job.updated", "A job's details changed."


# The event a status transition leads to, by the status it leads to.
EVENT_FOR_STATUS: dict[str, JobEvent] = {
    "open": JobEvent.PUBLISHED,
    "paused": JobEvent.PAUSED,
    "closed": JobEvent.CLOSED,
}
