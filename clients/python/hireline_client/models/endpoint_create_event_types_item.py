from enum import StrEnum


class EndpointCreateEventTypesItem(StrEnum):
    APPLICATION_CREATED = "application.created"
    APPLICATION_REJECTED = "application.rejected"
    APPLICATION_REOPENED = "application.reopened"
    APPLICATION_STAGE_CHANGED = "application.stage_changed"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    CANDIDATE_ADDED = "candidate.added"
    CANDIDATE_ERASED = "candidate.erased"
    CANDIDATE_HIRED = "candidate.hired"
    CANDIDATE_NOTE_ADDED = "candidate.note_added"
    CANDIDATE_TAGS_CHANGED = "candidate.tags_changed"
    JOB_CLOSED = "job.closed"
    JOB_PAUSED = "job.paused"
    JOB_PUBLISHED = "job.published"
    JOB_UPDATED = "job.updated"
    RESUME_PARSED = "resume.parsed"
    RESUME_PARSE_FAILED = "resume.parse_failed"
    VALUE_16 = "*"

    def __str__(self) -> str:
        return str(self.value)
