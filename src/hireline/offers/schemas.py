"""Request and response bodies of the offers API."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from hireline.core.timestamps import Timestamp

OfferStatus = Literal[
    "awaiting_approval", "approval_declined", "approved", "sent", "accepted", "declined"
]
ApprovalStatus = Literal["pending", "approved", "declined"]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
TemplateKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$")]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]


class OfferCreate(BaseModel):
    """The terms, and the members who must approve them, in order."""

    model_config = ConfigDict(extra="forbid")

    base_salary: int = Field(gt=0, le=10_000_000, description="Yearly, in `currency`.")
    currency: Currency = "USD"
    bonus: int | None = Field(None, ge=0, le=10_000_000)
    equity: Annotated[str | None, StringConstraints(strip_whitespace=True, max_length=200)] = None
    start_date: date
    expires_at: Timestamp = Field(description="After this the candidate's link stops working.")
    template: TemplateKey = "standard"
    approvers: list[uuid.UUID] = Field(
        min_length=1, max_length=10, description="Members who approve, in this order."
    )
    out_of_band_reason: Reason | None = Field(
        None,
        description="Required when the salary is outside the job's band; shown to approvers.",
    )


class ApprovalDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["approve", "decline"]
    note: Note | None = None


class CandidateAnswer(BaseModel):
    """The candidate's answer, as the recruiter records it."""

    model_config = ConfigDict(extra="forbid")

    note: Note | None = None


class RejectRemaining(BaseModel):
    """Close the rest of a filled job: every active application gets this reason."""

    model_config = ConfigDict(extra="forbid")

    reason: Annotated[str, StringConstraints(min_length=1, max_length=60)] = Field(
        description="A key from the organisation's list (GET /v1/rejection-reasons)."
    )
    notify_candidates: bool = False
    note: Note | None = None


class RejectedApplications(BaseModel):
    application_ids: list[uuid.UUID]


class BandAdjustment(BaseModel):
    label: str
    min_delta: int
    max_delta: int
    explanation: str


class SalaryBand(BaseModel):
    """The job's band, explained as the hiring guide explains it."""

    available: bool
    reason: str | None = None
    role: str | None = None
    level: str | None = None
    location: str | None = None
    location_name: str | None = None
    currency: str | None = None
    min: int | None = None
    max: int | None = None
    origin: str | None = None
    source: str | None = None
    as_of: str | None = None
    basis: str | None = None
    adjustments: list[BandAdjustment] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class ApprovalRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    position: int
    user_id: uuid.UUID
    name: str | None = None
    status: ApprovalStatus
    note: str | None
    decided_at: datetime | None


class OfferRead(BaseModel):
    id: uuid.UUID
    application_id: uuid.UUID
    job_id: uuid.UUID
    candidate_id: uuid.UUID
    status: OfferStatus
    base_salary: int
    currency: str
    bonus: int | None
    equity: str | None
    start_date: date
    expires_at: datetime
    template: str
    band: SalaryBand
    within_band: bool | None
    out_of_band_reason: str | None
    approvals: list[ApprovalRead]
    next_approver: uuid.UUID | None = None
    decided_by: str | None
    decision_note: str | None
    created_at: datetime
    sent_at: datetime | None
    decided_at: datetime | None
    # After an acceptance: whether that filled the job's openings and closed it, and how
    # many applications are still active (to reject with POST /jobs/{id}/reject-remaining).
    job_closed: bool | None = None
    remaining_applications: int | None = None


class OfferList(BaseModel):
    items: list[OfferRead]


class LetterTemplateWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    body: Annotated[str, StringConstraints(min_length=1, max_length=20_000)] = Field(
        description="Plain text with {{ field }} placeholders; see `fields`."
    )


class LetterPreview(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]


class LetterTemplateRead(BaseModel):
    key: str
    name: str
    body: str
    customised: bool
    fields: dict[str, str]
    updated_at: datetime | None = None


class LetterTemplateList(BaseModel):
    items: list[LetterTemplateRead]


def band_read(band: dict[str, Any]) -> SalaryBand:
    return SalaryBand.model_validate(band)
