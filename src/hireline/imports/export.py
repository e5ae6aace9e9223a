"""What every source is read into: jobs, candidates, applications and attachments as neutral
records, each with a reference to where it was in the source, and the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SourceSystem = Literal["greenhouse", "lever", "csv"]
JobState = Literal["draft", "open", "closed"]
ApplicationState = Literal["active", "rejected", "hired", "withdrawn"]


class ExportUnreadable(Exception):
    """The export as a whole cannot be read (not JSON, a file missing, not a zip): nothing
    in it is imported."""


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record that cannot be imported, and where it is (`candidates.json id 42`, `line 7`)."""

    ref: str
    message: str

    def __str__(self) -> str:
        return f"{self.ref}: {self.message}"


@dataclass(slots=True)
class SourceAttachment:
    """A file of a candidate (or of one application); `data` is None when the export does
    not hold it."""

    external_id: str
    ref: str
    filename: str
    is_resume: bool
    data: bytes | None


@dataclass(slots=True)
class SourceJob:
    external_id: str
    ref: str
    title: str
    description: str
    department: str | None = None
    # Written places ("Berlin, Germany"), or "Remote"; none: remote.
    places: list[str] = field(default_factory=list)
    status: JobState = "draft"
    openings: int = 1
    # The job's own pipeline in the source, in order; empty: Hireline's default stages.
    stages: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SourceCandidate:
    external_id: str
    ref: str
    name: str
    email: str | None = None
    phone: str | None = None
    links: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    location: str | None = None
    source: str = "other"
    referred_by: str | None = None
    attachments: list[SourceAttachment] = field(default_factory=list)


@dataclass(slots=True)
class SourceApplication:
    external_id: str
    ref: str
    candidate_id: str
    job_id: str
    stage: str | None = None
    status: ApplicationState = "active"
    source: str | None = None
    rejection_reason: str | None = None
    applied_at: datetime | None = None
    attachments: list[SourceAttachment] = field(default_factory=list)


@dataclass(slots=True)
class Export:
    """One source's records, ready to import; `errors` holds the records that were not."""

    system: SourceSystem
    jobs: list[SourceJob] = field(default_factory=list)
    candidates: list[SourceCandidate] = field(default_factory=list)
    applications: list[SourceApplication] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    # Columns of a CSV file that no field is mapped to (their content is not imported).
    unmapped_fields: list[str] = field(default_factory=list)

    @property
    def attachments(self) -> list[SourceAttachment]:
        return [
            *(a for c in self.candidates for a in c.attachments),
            *(a for app in self.applications for a in app.attachments),
        ]

    @property
    def size(self) -> int:
        """Records to go through (the progress bar's length)."""
        return (
            len(self.jobs) + len(self.candidates) + len(self.applications) + len(self.attachments)
        )


# What a reader's lookups raise on a record of the wrong shape.
RECORD_PROBLEMS = (KeyError, TypeError, ValueError, AttributeError)


def problem(exc: Exception) -> str:
    """A record reader's exception as a person reads it."""
    if isinstance(exc, KeyError):
        return f"the field {exc.args[0]!r} is missing"
    return str(exc) or type(exc).__name__


def text(value: Any, limit: int | None = None) -> str | None:
    """A trimmed string, or None for a missing or blank value."""
    if value is None:
        return None
    cleaned = str(value).strip()
    if not cleaned:
        return None
    return cleaned[:limit] if limit else cleaned


def slug(value: str, limit: int = 60) -> str:
    """A source's name as a short key ("LinkedIn (Prospecting)" is linkedin_prospecting)."""
    kept = "".join(ch.lower() if ch.isalnum() else "_" for ch in value)
    return "_".join(part for part in kept.split("_") if part)[:limit] or "other"


def candidate_source(kind: str | None) -> str:
    """The candidate's source in Hireline's terms from a source's kind of source."""
    lowered = (kind or "").lower()
    for word, source in (
        ("referr", "referred"),
        ("agenc", "agency"),
        ("event", "event"),
        ("sourc", "sourced"),
        ("prospect", "sourced"),
    ):
        if word in lowered:
            return source
    return "other"
