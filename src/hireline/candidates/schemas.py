"""Request and response bodies of the candidates and applications API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
)

from hireline.jobs.schemas import StageRef

ApplicationStatus = Literal["active", "rejected", "hired", "withdrawn"]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9+()\-. ]{5,40}$")]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
CONSENT_TEXT = (
    "I agree that the organisation keeps my application data to consider me for this and "
    "similar positions."
)


# Question -> answer; a JSON object part of the apply form.
Answers = Annotated[
    dict[str, Annotated[str, StringConstraints(max_length=5000)]], Field(max_length=30)
]


class ApplicationForm(BaseModel):
    """The fields of an application, from the JSON API's multipart form or the HTML form."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    email: EmailStr
    phone: Phone | None = None
    links: list[Annotated[str, StringConstraints(max_length=500)]] = Field(
        default_factory=list, max_length=10
    )
    answers: Answers = Field(default_factory=dict)
    consent: bool

    @field_validator("links")
    @classmethod
    def _web_links(cls, links: list[str]) -> list[str]:
        cleaned = [link.strip() for link in links if link.strip()]
        for link in cleaned:
            if not link.lower().startswith(("https://", "http://")):
                raise ValueError(f"links must be http(s) URLs, got {link[:60]!r}")
        return cleaned

    @field_validator("consent")
    @classmethod
    def _consent_given(cls, consent: bool) -> bool:
        if not consent:
            raise ValueError("consent is required to apply")
        return consent


class ApplicationCreated(BaseModel):
    id: uuid.UUID
    candidate_id: uuid.UUID
    job_id: uuid.UUID
    status: str
    applied_at: datetime


class ResumeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    parse_status: Literal["pending", "parsed", "failed"]
    parse_error: str | None = Field(description="Why the file could not be read, when it failed.")
    parsed: dict[str, Any] | None = Field(
        description="What parsing found: name, emails, phones (E.164), location, links, "
        "skills, years_experience, work_history, education, and `confidence`: for each of "
        "name, emails, phones, location, links, skills, years_experience and education, how "
        "sure the reading is, from 0 (nothing found) to 1.",
        examples=[
            {
                "name": "Zoë Müller",
                "emails": ["zoe@mail.example"],
                "phones": ["+493012345678"],
                "location": "Berlin, Germany",
                "skills": ["Go", "PostgreSQL"],
                "years_experience": 7.7,
                "confidence": {"name": 0.9, "phones": 1.0, "years_experience": 0.9},
            }
        ],
    )
    parsed_at: datetime | None
    created_at: datetime


# The brief of a match score that applicant lists carry (the matching room computes it).
class MatchReason(BaseModel):
    """One part of a match score, in words."""

    part: str = Field(description="required_skills, preferred_skills, years, level, ...")
    fit: float = Field(ge=0, le=1)
    points: float = Field(description="This part's share of the score.")
    text: str = Field(description='E.g. "has 3 of 4 required skills; missing Kubernetes".')


class MatchSummary(BaseModel):
    """An application's stored match score and the parts that weigh most for the job."""

    score: float = Field(ge=0, le=100)
    reasons: list[MatchReason] = Field(
        description="Up to three parts, the heaviest for this job first; the whole "
        "explanation is at GET /v1/applications/{id}/match."
    )


class ApplicationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    job_id: uuid.UUID
    candidate_id: uuid.UUID
    stage_id: uuid.UUID | None
    stage: StageRef | None = Field(
        None, description="The stage the application is in now (null only for a stageless job)."
    )
    status: ApplicationStatus
    source: str
    answers: dict[str, Any]
    rejection_reason: str | None
    consent_at: datetime
    applied_at: datetime
    updated_at: datetime
    candidate_name: str | None = None
    candidate_email: str | None = None
    match: MatchSummary | None = Field(
        default=None,
        description="In a job's list of applications: the stored match score and its top "
        "reasons (null until the worker has scored it).",
    )


class ApplicationPage(BaseModel):
    items: list[ApplicationRead]
    next_cursor: str | None


class CandidateRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str | None
    email: str | None
    phone: str | None
    links: list[str]
    location: str | None
    headline: str | None
    skills: list[str]
    years_experience: float | None
    tags: list[str]
    notes: str | None
    source: str
    referred_by: str | None = None
    created_at: datetime
    updated_at: datetime
    resumes: list[ResumeRead] = []
    applications: list[ApplicationRead] = []


class CandidatePage(BaseModel):
    items: list[CandidateRead]
    next_cursor: str | None


class CandidateUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    phone: Phone | None = None
    location: Annotated[str | None, StringConstraints(max_length=200)] = None
    headline: Annotated[str | None, StringConstraints(max_length=300)] = None
    tags: list[Tag] | None = Field(None, max_length=50)
    notes: Annotated[str | None, StringConstraints(max_length=20_000)] = None
    skills: (
        list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]]
        | None
    ) = Field(
        None, max_length=200, description="Replaces the list; résumé parsing then leaves it alone."
    )
    # Strict: a number, not a numeric string (the document says number).
    years_experience: float | None = Field(None, ge=0, le=70, strict=True)


class MoveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stage_id: uuid.UUID


ReasonKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,59}$")]


class RejectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: ReasonKey = Field(
        description="A key from the organisation's list (GET /v1/rejection-reasons)."
    )
    notify_candidate: StrictBool = False
    note: Annotated[str | None, StringConstraints(max_length=2000)] = None


class RejectionReasonItem(BaseModel):
    key: ReasonKey
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class RejectionReasonList(BaseModel):
    reasons: list[RejectionReasonItem]
    customised: bool = Field(description="False while the built-in list is in use.")


class RejectionReasonsUpdate(BaseModel):
    """The whole list, in the order recruiters should see it."""

    model_config = ConfigDict(extra="forbid")

    reasons: list[RejectionReasonItem] = Field(min_length=1, max_length=50)

    @field_validator("reasons")
    @classmethod
    def _unique_keys(cls, reasons: list[RejectionReasonItem]) -> list[RejectionReasonItem]:
        keys = [reason.key for reason in reasons]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"each key may appear once; repeated: {', '.join(repeated)}")
        return reasons


class ActivityRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    application_id: uuid.UUID | None
    actor_type: str
    actor_id: str | None
    kind: str
    details: dict[str, Any]
    occurred_at: datetime


class CandidateExport(BaseModel):
    """Every record held on a person (a data subject access request), as stored.

    Each record is the row's columns by name: the export shows what is kept, including
    columns added later, rather than a curated view.
    """

    candidate: dict[str, Any]
    applications: list[dict[str, Any]]
    resumes: list[dict[str, Any]]
    activity: list[dict[str, Any]]
    notes: list[dict[str, Any]] = Field(default_factory=list)
    exported_at: datetime


CandidateSource = Literal["sourced", "referred", "agency", "event", "other"]


class CandidateAdd(BaseModel):
    """A person a recruiter adds by hand (found them, or a colleague referred them)."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    email: EmailStr | None = None
    phone: Phone | None = None
    links: list[Annotated[str, StringConstraints(max_length=500)]] = Field(
        default_factory=list, max_length=10
    )
    source: CandidateSource = "sourced"
    referred_by: Annotated[
        str | None, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ] = None
    job_id: uuid.UUID | None = None

    @field_validator("links")
    @classmethod
    def _web_links(cls, links: list[str]) -> list[str]:
        cleaned = [link.strip() for link in links if link.strip()]
        for link in cleaned:
            if not link.lower().startswith(("https://", "http://")):
                raise ValueError(f"links must be http(s) URLs, got {link[:60]!r}")
        return cleaned


class CandidateAdded(BaseModel):
    id: uuid.UUID
    application_id: uuid.UUID | None
    resume_id: uuid.UUID | None
