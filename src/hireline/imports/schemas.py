"""Request and response bodies of the imports API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hireline.imports.export import SourceSystem

ImportStatus = Literal["queued", "running", "completed", "failed"]


class ImportTally(BaseModel):
    created: int
    already_imported: int = Field(description="Brought in by an earlier import: left alone.")
    matched: int = Field(description="Matched to what Hireline held (a person by e-mail).")
    skipped: int = Field(description="Left out on purpose (attachments that are no résumé).")


class UnmappedStage(BaseModel):
    job: str
    stage: str
    applications: int = Field(description="Placed in the job's first stage.")


class UnmappedReason(BaseModel):
    reason: str
    applications: int


class RecordProblem(BaseModel):
    record: str = Field(examples=["applications.json id 7002", "line 3"])
    message: str


class ImportReport(BaseModel):
    """What the import did, or (in a dry run, or with errors) would have done."""

    stored: bool = Field(description="False for a dry run, and when any record failed.")
    dry_run: bool
    counts: dict[str, ImportTally] = Field(
        description="Per kind of record: job, candidate, application, attachment."
    )
    resumes_queued: int
    duplicates: list[str]
    unmapped_stages: list[UnmappedStage]
    unmapped_rejection_reasons: list[UnmappedReason]
    unmapped_fields: list[str] = Field(description="CSV columns no field is mapped to.")
    left_out: list[RecordProblem] = Field(description="Values dropped from imported records.")
    errors: list[RecordProblem]


class ImportRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    source: SourceSystem = Field(validation_alias="source_system")
    dry_run: bool
    status: ImportStatus
    export_name: str
    report: ImportReport | None = Field(description="Once the import has run.")
    error: str | None = Field(description="Why the export could not be read at all.")
    created_at: datetime
    finished_at: datetime | None


class ImportPage(BaseModel):
    items: list[ImportRead]
    next_cursor: str | None
