from enum import StrEnum


class EndpointCreateEventTypesItem(StrEnum):
    APPLICATION_CREATED = "application.created"
    APPLICATION_REJECTED = "application.rejected"
    APPLICATION_STAGE_CHANGED = "application.stage_changed"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    CANDIDATE_ERASED = "candidate.erased"
    CANDIDATE_HIRED = "candidate.hired"
    JOB_CLOSED = "job.closed"
    JOB_PAUSED = "job.paused"
    JOB_PUBLISHED = "job.published"
    JOB_UPDATED = "job.updated"
    RESUME_PARSED = "resume.parsed"
    RESUME_PARSE_FAILED = "resume.parse_failed"
    VALUE_12 = "*"

    def __str__(self) -> str:
        return str(self.value)
