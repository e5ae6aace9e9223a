from enum import StrEnum


class EndpointCreateEventTypesItem(StrEnum):
    APPLICATION_CREATED = "application.created"
    APPLICATION_REJECTED = "application.rejected"
    APPLICATION_STAGE_CHANGED = "application.stage_changed"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    CANDIDATE_ERASED = "candidate.erased"
    CANDIDATE_HIRED = "candidate.hired"
    INTERVIEW_CANCELLED = "interview.cancelled"
    INTERVIEW_PLAN_UPDATED = "interview_plan.updated"
    INTERVIEW_RESCHEDULED = "interview.rescheduled"
    INTERVIEW_SCHEDULED = "interview.scheduled"
    JOB_CLOSED = "job.closed"
    JOB_PAUSED = "job.paused"
    JOB_PUBLISHED = "job.published"
    JOB_UPDATED = "job.updated"
    RESUME_PARSED = "resume.parsed"
    RESUME_PARSE_FAILED = "resume.parse_failed"
    SCORECARD_REVISED = "scorecard.revised"
    SCORECARD_SUBMITTED = "scorecard.submitted"
    VALUE_18 = "*"

    def __str__(self) -> str:
        return str(self.value)
