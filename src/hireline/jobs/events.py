"""What the jobs domain tells the rest of the system."""

from __future__ import annotations

# Change-feed topic announced (on commit) whenever a tenant's jobs change; the payload is
# the tenant id. The public board drops its cached pages on it.
JOBS_CHANGED_TOPIC = "jobs_changed"

# Domain event types, by the job status a transition leads to.
EVENT_FOR_STATUS = {"open": "job.published", "paused": "job.paused", "closed": "job.closed"}
JOB_UPDATED = "job.updated"
