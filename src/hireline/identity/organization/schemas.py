"""Request and response bodies of an organisation and its settings."""

from __future__ import annotations

import uuid
from typing import Annotated

import phonenumbers
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator


class TenantRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    slug: str
    plan: str


class OrganizationSettings(BaseModel):
    """An organisation's own settings."""

    model_config = ConfigDict(extra="forbid")

    default_country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        description=(
            "ISO 3166 alpha-2 country where phone numbers written without a country code are "
            "read when neither the candidate's location nor the job names one. Until set, the "
            "country of the organisation's first job, else US."
        ),
        examples=["DE"],
    )

    @field_validator("default_country")
    @classmethod
    def _known_country(cls, country: str) -> str:
        if country not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"{country} is not a country code (ISO 3166 alpha-2)")
        return country
