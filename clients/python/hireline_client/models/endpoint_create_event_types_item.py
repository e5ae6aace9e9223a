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
    INTERVIEW_CANCELLED = "interview.cancelled"
    INTERVIEW_PLAN_UPDATED = "interview_plan.updated"
    INTERVIEW_RESCHEDULED = "interview.rescheduled"
    INTERVIEW_SCHEDULED = "interview.scheduled"
    JOB_CLOSED = "job.closed"
    JOB_PAUSED = "job.paused"
    JOB_PUBLISHED = "job.published"
    JOB_UPDATED = "job.updated"
    OFFER_ACCEPTED = "offer.accepted"
    OFFER_APPROVAL_REQUESTED = "offer.approval_requested"
    OFFER_APPROVED = "offer.approved"
    OFFER_CREATED = "offer.created"
    OFFER_DECLINED = "offer.declined"
    OFFER_DECLINED_BY_APPROVER = "offer.declined_by_approver"
    OFFER_SENT = "offer.sent"
    RESUME_PARSED = "resume.parsed"
    RESUME_PARSE_FAILED = "resume.parse_failed"
    SCORECARD_REVISED = "scorecard.revised"
    SCORECARD_SUBMITTED = "scorecard.submitted"
    VALUE_29 = "*"

    def __str__(self) -> str:
        return str(self.value)
