"""A CSV file of applicants, read with a mapping that says which column holds what.

The mapping is a TOML or JSON file. Its `columns` table names, for each Hireline field, the
file's column (`name`, or `first_name` and `last_name`, and `job` are required; every other
field is optional); its `statuses` table may translate the file's status values:

    [columns]
    id = "Candidate ID"       # what makes a second import of the file skip the row
    first_name = "First name"
    last_name = "Last name"
    email = "Email"
    job = "Position"
    stage = "Stage"
    status = "Status"         # active, rejected, hired or withdrawn (after `statuses`)
    resume = "CV file"        # a path relative to the CSV file's folder

    [statuses]
    "Not selected" = "rejected"

A person on several rows (same id, or same e-mail without an id) is one candidate with an
application per job.
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from hireline.imports.export import (
    ApplicationState,
    Export,
    ExportUnreadable,
    RecordError,
    SourceApplication,
    SourceAttachment,
    SourceCandidate,
    SourceJob,
    candidate_source,
    slug,
    text,
)
from hireline.imports.files import ExportFiles

FIELDS = frozenset(
    {
        "id",
        "name",
        "first_name",
        "last_name",
        "email",
        "phone",
        "location",
        "links",
        "tags",
        "job",
        "stage",
        "status",
        "source",
        "applied_at",
        "rejection_reason",
        "resume",
    }
)
_STATES = frozenset({"active", "rejected", "hired", "withdrawn"})
CSV_DESCRIPTION = "Imported from a CSV file; write the job's description here."


def load_mapping(path: Path) -> dict[str, Any]:
    """A mapping file's content (TOML, or JSON by its extension), checked."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ExportUnreadable(f"{path.name}: cannot read the mapping ({exc})") from None
    return parse_mapping(raw, path.name)


def parse_mapping(raw: bytes, name: str) -> dict[str, Any]:
    """A mapping's content (JSON when `name` ends in .json, else TOML), checked."""
    path = Path(name)
    try:
        content: Any = (
            json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode())
        )
    except (UnicodeDecodeError, ValueError) as exc:
        raise ExportUnreadable(f"{path.name}: cannot read the mapping ({exc})") from None
    if not isinstance(content, dict) or not isinstance(content.get("columns"), dict):
        raise ExportUnreadable(f"{path.name}: the mapping needs a `columns` table")
    unknown = sorted(set(content["columns"]) - FIELDS)
    if unknown:
        raise ExportUnreadable(
            f"{path.name}: unknown fields {', '.join(unknown)} (known: {', '.join(sorted(FIELDS))})"
        )
    if "job" not in content["columns"] or not (
        "name" in content["columns"] or "first_name" in content["columns"]
    ):
        raise ExportUnreadable(f"{path.name}: map at least `job` and `name` (or `first_name`)")
    statuses = content.get("statuses", {})
    bad = sorted(str(v) for v in statuses.values() if v not in _STATES)
    if bad:
        raise ExportUnreadable(f"{path.name}: statuses must be one of {sorted(_STATES)}: {bad}")
    return content


def read(path: Path, mapping: dict[str, Any]) -> Export:
    """Every row of the file; rows that cannot be imported are in `errors`."""
    try:
        body = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportUnreadable(f"{path.name}: not a UTF-8 text file ({exc})") from None
    reader = csv.DictReader(io.StringIO(body, newline=""))
    header = reader.fieldnames or []
    columns: dict[str, str] = mapping["columns"]
    missing = sorted(column for column in columns.values() if column not in header)
    if missing:
        raise ExportUnreadable(f"{path.name}: the mapping names columns it lacks: {missing}")
    export = Export("csv", unmapped_fields=[c for c in header if c not in columns.values()])
    files = ExportFiles(path.parent)
    statuses: dict[str, str] = {k.casefold(): v for k, v in mapping.get("statuses", {}).items()}
    people: dict[str, SourceCandidate] = {}
    jobs: dict[str, SourceJob] = {}
    try:
        for row in reader:
            ref = f"line {reader.line_num}"
            value = {field: text(row.get(column)) for field, column in columns.items()}
            try:
                _row(export, ref, value, statuses, people, jobs, files)
            except ValueError as exc:
                export.errors.append(RecordError(ref, str(exc)))
    except csv.Error as exc:
        raise ExportUnreadable(f"{path.name} line {reader.line_num}: {exc}") from None
    return export


def _row(
    export: Export,
    ref: str,
    value: dict[str, str | None],
    statuses: dict[str, str],
    people: dict[str, SourceCandidate],
    jobs: dict[str, SourceJob],
    files: ExportFiles,
) -> None:
    name = value.get("name") or " ".join(
        part for part in (value.get("first_name"), value.get("last_name")) if part
    )
    if not name:
        raise ValueError("no name")
    title = value.get("job")
    if not title:
        raise ValueError("no job")
    email = value.get("email")
    key = value.get("id") or (email.lower() if email else None)
    if key is None:
        raise ValueError("neither an id nor an e-mail address: it could not be matched again")
    status = (value.get("status") or "active").strip()
    state = statuses.get(status.casefold(), status.lower())
    if state not in _STATES:
        raise ValueError(f"unknown status {status!r} (map it under `statuses`)")
    person = people.get(key)
    if person is None:
        person = people[key] = SourceCandidate(
            external_id=key,
            ref=ref,
            name=name[:200],
            email=email,
            phone=value.get("phone"),
            location=value.get("location"),
            links=_split(value.get("links")),
            tags=[tag[:60] for tag in _split(value.get("tags"))],
            source=candidate_source(value.get("source")),
        )
        export.candidates.append(person)
    job = jobs.get(title.casefold())
    if job is None:
        job = jobs[title.casefold()] = SourceJob(
            external_id=title.casefold()[:200],
            ref=ref,
            title=title[:200],
            description=CSV_DESCRIPTION,
        )
        export.jobs.append(job)
    resume = value.get("resume")
    export.applications.append(
        SourceApplication(
            external_id=f"{key}|{job.external_id}"[:200],
            ref=ref,
            candidate_id=key,
            job_id=job.external_id,
            stage=value.get("stage"),
            status=cast(ApplicationState, state),
            source=slug(source) if (source := value.get("source")) else None,
            rejection_reason=value.get("rejection_reason"),
            applied_at=_moment(value.get("applied_at")),
            attachments=[
                SourceAttachment(
                    external_id=f"{key}/{Path(resume).name}",
                    ref=f"{ref} résumé {resume!r}",
                    filename=Path(resume).name,
                    is_resume=True,
                    data=files.read(resume),
                )
            ]
            if resume
            else [],
        )
    )


def _split(value: str | None) -> list[str]:
    if not value:
        return []
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"applied_at {value!r} is not a date (use 2026-03-01)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
