"""Request and response bodies of the jobs API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic.config import JsonDict

from hireline.core.timestamps import Timestamp
from hireline.guides.templates.content import Industry, Level, Slug, WorkContext
from hireline.jobs.stages import StageKind

JobStatus = Literal["draft", "open", "paused", "closed"]
EmploymentType = Literal["full_time", "part_time", "contract", "temporary", "internship"]
WorkMode = Literal["onsite", "hybrid", "remote"]
TeamRole = Literal["hiring_manager", "recruiter", "interviewer"]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Skill = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
StageName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
SkillWeight = Annotated[float, Field(ge=0, le=10)]
MinYears = Annotated[float, Field(ge=0, le=50)]
Openings = Annotated[
    int,
    Field(ge=1, le=1000, description="People hired for it; the last accepted offer closes it."),
]
# Text with something besides spaces in it (the JSON-schema form of a stripped min_length=1).
_SOME_TEXT: JsonDict = {"type": "string", "pattern": "\\S"}
DEFAULT_STAGES = ("Applied", "Screen", "Technical interview", "Onsite", "Offer")


class JobLocation(BaseModel):
    """Where the work happens; remote locations may name the region applicants must be in."""

    model_config = ConfigDict(
        extra="forbid",
        # The validator's rule, stated in the document for generated clients and fuzzers.
        # (`if`/`then` rather than `anyOf`, which generators read as a union of types).
        json_schema_extra={
            "if": {"properties": {"mode": {"enum": ["onsite", "hybrid"]}}},
            "then": {"required": ["city"], "properties": {"city": _SOME_TEXT}},
        },
    )

    mode: WorkMode
    city: Annotated[str | None, StringConstraints(max_length=120)] = None
    region: Annotated[str | None, StringConstraints(max_length=120)] = None
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = Field(
        None,
        description="ISO 3166 code. Onsite and hybrid default to US; a remote location without "
        "one (and without a region or time zones) is open to applicants anywhere.",
    )
    utc_offset_min: float | None = Field(
        None, ge=-12, le=14, description="Remote only: the westernmost UTC offset, in hours."
    )
    utc_offset_max: float | None = Field(
        None, ge=-12, le=14, description="Remote only: the easternmost UTC offset, in hours."
    )
    salary_location: Slug | None = Field(
        None, description="Benchmark location key used for the salary check, e.g. austin-tx."
    )

    @model_validator(mode="after")
    def _city_unless_remote(self) -> JobLocation:
        if self.mode != "remote" and not self.city:
            raise ValueError("onsite and hybrid locations need a city")
        if self.mode != "remote" and self.country is None:
            self.country = "US"
        if self.mode != "remote" and (
            self.utc_offset_min is not None or self.utc_offset_max is not None
        ):
            raise ValueError("time zones limit remote locations only")
        if (
            self.utc_offset_min is not None
            and self.utc_offset_max is not None
            and self.utc_offset_min > self.utc_offset_max
        ):
            raise ValueError("utc_offset_min is east of utc_offset_max")
        return self


class FromTemplate(BaseModel):
    """Write the description from a role template (your own version or a built-in)."""

    model_config = ConfigDict(extra="forbid")

    template: Slug
    version: int | None = Field(None, ge=1)
    industry: Industry = "saas"
    context: WorkContext = "corporate"


class TeamMember(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: uuid.UUID
    role: TeamRole


class SalaryRange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min: int = Field(gt=0, le=5_000_000)
    max: int = Field(gt=0, le=5_000_000)
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"

    @model_validator(mode="after")
    def _ordered(self) -> SalaryRange:
        if self.min > self.max:
            raise ValueError("min must not exceed max")
        return self


class JobCreate(BaseModel):
    """A new job, created as a draft: from a template, or with a title and a description."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "if": {
                "required": ["from_template"],
                "properties": {"from_template": {"type": "object"}},
            },
            "else": {
                "required": ["title", "description"],
                "properties": {
                    "title": _SOME_TEXT,
                    "description": {"type": "string", "minLength": 1},
                },
            },
        },
    )

    title: Title | None = Field(None, description="Defaults to the template's level title.")
    department: Annotated[str | None, StringConstraints(max_length=120)] = None
    locations: list[JobLocation] = Field(min_length=1, max_length=20)
    employment_type: EmploymentType = "full_time"
    level: Level | None = Field(
        None, description="With from_template and no level: the template's mid level."
    )
    salary: SalaryRange | None = None
    description: Annotated[str | None, StringConstraints(max_length=50_000)] = None
    from_template: FromTemplate | None = None
    required_skills: list[Skill] = Field(default_factory=list, max_length=50)
    preferred_skills: list[Skill] = Field(default_factory=list, max_length=50)
    skill_weights: dict[Skill, SkillWeight] = Field(
        default_factory=dict,
        max_length=100,
        description="Skill -> weight in matching (1 if absent).",
    )
    min_years_experience: MinYears | None = None
    openings: Openings = 1
    stages: list[StageName] | None = Field(None, min_length=1, max_length=20)
    hiring_team: list[TeamMember] = Field(default_factory=list, max_length=50)
    valid_through: Timestamp | None = None

    @model_validator(mode="after")
    def _described(self) -> JobCreate:
        if not self.description and self.from_template is None:
            raise ValueError("give a description or from_template")
        if self.from_template is None and not self.title:
            raise ValueError("title is required unless from_template gives one")
        return self


class StageEdit(BaseModel):
    """A stage of the new order: with an id, that stage kept (renamed if the name differs,
    its applications staying in it); without one, a stage added."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID | None = Field(None, description="An existing stage of the job.")
    name: StageName


class StageMove(BaseModel):
    """Where the applications of a stage being removed go: a stage of the job that stays."""

    model_config = ConfigDict(extra="forbid")

    stage_id: uuid.UUID = Field(description="The stage being removed.")
    to_stage_id: uuid.UUID = Field(description="An existing stage that stays.")


def _not_nullable(schema: dict[str, Any]) -> None:
    """The schema of a field that may be left out but never set to null."""
    options = schema.pop("anyOf", [])
    schema.update(next(option for option in options if option != {"type": "null"}))


class JobUpdate(BaseModel):
    """Fields to change; omitted fields stay as they are."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = Field(None, json_schema_extra=_not_nullable)
    department: Annotated[str | None, StringConstraints(max_length=120)] = None
    locations: list[JobLocation] | None = Field(None, min_length=1, max_length=20)
    employment_type: EmploymentType | None = Field(None, json_schema_extra=_not_nullable)
    level: Level | None = None
    salary: SalaryRange | None = None
    description: Annotated[str | None, StringConstraints(min_length=1, max_length=50_000)] = Field(
        None, json_schema_extra=_not_nullable
    )
    required_skills: list[Skill] | None = Field(None, max_length=50)
    preferred_skills: list[Skill] | None = Field(None, max_length=50)
    skill_weights: dict[Skill, SkillWeight] | None = Field(None, max_length=100)
    min_years_experience: MinYears | None = None
    openings: Openings | None = Field(None, json_schema_extra=_not_nullable)
    stages: list[StageName | StageEdit] | None = Field(
        None,
        min_length=1,
        max_length=20,
        description="The whole pipeline in order. A name alone keeps the stage of that name "
        "or adds one; {id, name} keeps that stage under a new name. A stage left out is "
        "removed: one holding applications needs a stage_moves entry (409 otherwise).",
    )
    stage_moves: list[StageMove] | None = Field(
        None,
        max_length=20,
        description="Where the applications of each removed stage go, with `stages`.",
    )
    hiring_team: list[TeamMember] | None = Field(None, max_length=50)
    valid_through: Timestamp | None = None

    @field_validator("title", "employment_type", "description", "openings")
    @classmethod
    def _not_null(cls, value: str | int | None) -> str | int | None:
        # Runs only for fields sent: leaving one out keeps it, null cannot clear it.
        if value is None:
            raise ValueError("may be left out, but not set to null")
        return value


class StageRef(BaseModel):
    """A pipeline stage as other resources point at it."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: StageKind


class StageRead(StageRef):
    position: int


class TemplateRef(BaseModel):
    key: str
    version: int
    origin: str


class JobRead(BaseModel):
    """A job as recruiters see it, with warnings about its salary."""

    id: uuid.UUID
    title: str
    department: str | None
    locations: list[JobLocation]
    employment_type: str
    level: str | None
    salary: SalaryRange | None
    description: str
    required_skills: list[str]
    preferred_skills: list[str]
    skill_weights: dict[str, float] = Field(default_factory=dict)
    min_years_experience: float | None = None
    openings: int = 1
    status: JobStatus
    template: TemplateRef | None
    stages: list[StageRead]
    hiring_team: list[TeamMember]
    published_at: datetime | None
    closed_at: datetime | None
    valid_through: datetime | None
    created_at: datetime
    updated_at: datetime
    warnings: list[str] = Field(default_factory=list)


class JobPage(BaseModel):
    items: list[JobRead]
    next_cursor: str | None
