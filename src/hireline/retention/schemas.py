"""Bodies of the retention API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Which candidates a policy erases: those whose every application was rejected, or those
# whose every application ended without a hire (rejected or withdrawn).
RetentionScope = Literal["rejected", "not_hired"]


class RetentionPolicyWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scope: RetentionScope = Field(
        description="`rejected`: every application was rejected; `not_hired`: every "
        "application was rejected or withdrawn."
    )
    erase_after_months: int = Field(
        ge=1, le=120, description="Erase this many months after the candidate's last activity."
    )
    notice_days: int = Field(
        default=14, ge=1, le=90, description="Tell the candidate this many days before."
    )


class RetentionPoliciesUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    policies: list[RetentionPolicyWrite] = Field(
        max_length=2, description="The organisation's policies; an empty list keeps everyone."
    )

    @field_validator("policies")
    @classmethod
    def _one_per_scope(cls, policies: list[RetentionPolicyWrite]) -> list[RetentionPolicyWrite]:
        scopes = [policy.scope for policy in policies]
        if len(set(scopes)) != len(scopes):
            raise ValueError("at most one policy per scope")
        return policies


class RetentionPolicyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    scope: RetentionScope
    erase_after_months: int
    notice_days: int
    updated_at: datetime


class RetentionPolicyList(BaseModel):
    items: list[RetentionPolicyRead]


class RetentionPreviewItem(BaseModel):
    candidate_id: uuid.UUID
    name: str | None
    action: Literal["notice", "erase", "withdraw_notice"] = Field(
        description="What the next run would do: tell the candidate, erase them, or withdraw "
        "a notice (new activity, consent, or the policy no longer applies)."
    )
    policy_id: uuid.UUID | None
    last_activity: datetime | None
    erase_after: datetime | None


class RetentionPreview(BaseModel):
    as_of: datetime
    items: list[RetentionPreviewItem]


class KeepConsentWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    consented: bool = Field(description="Whether the candidate agreed to be kept.")


class KeepConsentRead(BaseModel):
    candidate_id: uuid.UUID
    consented_at: datetime | None
