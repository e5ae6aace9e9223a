"""Greenhouse: an export of the Harvest API read into neutral records.

The export is a directory (or a .zip of one) holding the Harvest API's list responses as
JSON files: `jobs.json` (GET /v1/jobs), `candidates.json` (GET /v1/candidates),
`applications.json` (GET /v1/applications; optional, the candidates' embedded applications
are used without it) and `job_stages.json` (GET /v1/job_stages; optional). Attachments are
files under `attachments/<candidate id>/<filename>` (Harvest's attachment URLs expire, so
they are downloaded when exporting).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from hireline.imports.export import (
    RECORD_PROBLEMS,
    ApplicationState,
    Export,
    JobState,
    RecordError,
    SourceApplication,
    SourceAttachment,
    SourceCandidate,
    SourceJob,
    candidate_source,
    problem,
    slug,
    text,
)
from hireline.imports.files import ExportFiles

_JOB_STATES: dict[str, JobState] = {"open": "open", "closed": "closed", "draft": "draft"}
_APPLICATION_STATES: dict[str, ApplicationState] = {
    "active": "active",
    "rejected": "rejected",
    "hired": "hired",
    # A prospect turned into a candidate: the application it became is listed on its own.
    "converted": "withdrawn",
}


def read(files: ExportFiles) -> Export:
    """Every record of the export; records that cannot be imported are in `errors`."""
    export = Export("greenhouse")
    stages = _stages_by_job(files.records("job_stages.json", required=False))
    for record in files.records("jobs.json"):
        _guard(export, "jobs.json", record, lambda r: export.jobs.append(_job(r, stages)))
    candidates = files.records("candidates.json")
    applications = files.records("applications.json", required=False)
    if not applications:
        applications = [
            {**application, "candidate_id": application.get("candidate_id", candidate["id"])}
            for candidate in candidates
            for application in candidate.get("applications") or []
            if isinstance(application, dict)
        ]
    for record in candidates:
        _guard(
            export,
            "candidates.json",
            record,
            lambda r: export.candidates.append(_candidate(r, files)),
        )
    for record in applications:
        _guard(
            export,
            "applications.json",
            record,
            lambda r: export.applications.extend(_applications(r, files)),
        )
    return export


def _ref(file: str, record: dict[str, Any]) -> str:
    return f"{file} id {record.get('id', '?')}"


def _guard(
    export: Export, file: str, record: dict[str, Any], read_one: Callable[[dict[str, Any]], None]
) -> None:
    try:
        read_one(record)
    except RECORD_PROBLEMS as exc:
        export.errors.append(RecordError(_ref(file, record), problem(exc)))


def _id(record: dict[str, Any]) -> str:
    value = record["id"]
    if value is None or isinstance(value, bool | dict | list):
        raise ValueError("the id is not a number or a string")
    return str(value)


def _stages_by_job(records: list[dict[str, Any]]) -> dict[str, list[str]]:
    ordered = sorted(
        records, key=lambda stage: (str(stage.get("job_id")), stage.get("priority", 0))
    )
    grouped: dict[str, list[str]] = {}
    for stage in ordered:
        name = text(stage.get("name"), 80)
        if name is not None:
            grouped.setdefault(str(stage.get("job_id")), []).append(name)
    return grouped


def _job(record: dict[str, Any], stages: dict[str, list[str]]) -> SourceJob:
    external_id = _id(record)
    title = text(record["name"], 200)
    if title is None:
        raise ValueError("the job has no name")
    departments = record.get("departments") or []
    offices = record.get("offices") or []
    places = [
        text((office.get("location") or {}).get("name")) or text(office.get("name")) or ""
        for office in offices
    ]
    openings = [o for o in record.get("openings") or [] if o.get("status", "open") == "open"]
    status = _JOB_STATES.get(str(record.get("status")))
    if status is None:
        raise ValueError(f"unknown job status {record.get('status')!r}")
    return SourceJob(
        external_id=external_id,
        ref=_ref("jobs.json", record),
        title=title,
        description=text(record.get("notes")) or f"Imported from Greenhouse (job {external_id}).",
        department=text(departments[0].get("name"), 120) if departments else None,
        places=[place for place in places if place],
        status=status,
        openings=max(1, min(len(openings) or 1, 1000)),
        stages=stages.get(external_id, []),
    )


def _first(values: list[dict[str, Any]] | None) -> str | None:
    return next((text(v.get("value")) for v in values or [] if text(v.get("value"))), None)


def _attachments(
    record: dict[str, Any], candidate_id: str, owner_ref: str, files: ExportFiles
) -> list[SourceAttachment]:
    found = []
    for attachment in record.get("attachments") or []:
        filename = text(attachment["filename"], 200)
        if filename is None:
            raise ValueError("an attachment has no filename")
        path = f"attachments/{candidate_id}/{filename}"
        found.append(
            SourceAttachment(
                external_id=f"{candidate_id}/{filename}",
                ref=f"{owner_ref} attachment {filename!r}",
                filename=filename,
                is_resume=attachment.get("type") == "resume",
                data=files.read(path),
            )
        )
    return found


def _candidate(record: dict[str, Any], files: ExportFiles) -> SourceCandidate:
    external_id = _id(record)
    ref = _ref("candidates.json", record)
    name = " ".join(
        part for part in (text(record.get("first_name")), text(record.get("last_name"))) if part
    )
    links = [
        link
        for link in (
            text(v.get("value"))
            for v in [
                *(record.get("website_addresses") or []),
                *(record.get("social_media_addresses") or []),
            ]
        )
        if link
    ]
    applications = [a for a in record.get("applications") or [] if isinstance(a, dict)]
    source = next((a.get("source") for a in applications if a.get("source")), None) or {}
    referrer = next((a.get("credited_to") for a in applications if a.get("credited_to")), None)
    kind = candidate_source((source.get("type") or {}).get("name"))
    return SourceCandidate(
        external_id=external_id,
        ref=ref,
        name=name[:200],
        email=_first(record.get("email_addresses")),
        phone=_first(record.get("phone_numbers")),
        links=links,
        tags=[tag for tag in (text(t, 60) for t in record.get("tags") or []) if tag],
        location=text(_first(record.get("addresses")), 200),
        source=kind,
        referred_by=text((referrer or {}).get("name"), 200) if kind == "referred" else None,
        attachments=_attachments(record, external_id, ref, files),
    )


def _applications(record: dict[str, Any], files: ExportFiles) -> list[SourceApplication]:
    if record.get("prospect"):
        return []  # a prospect applied to nothing yet
    external_id = _id(record)
    ref = _ref("applications.json", record)
    jobs = record["jobs"]
    if not jobs:
        raise ValueError("the application names no job")
    status = _APPLICATION_STATES.get(str(record.get("status")))
    if status is None:
        raise ValueError(f"unknown application status {record.get('status')!r}")
    candidate_id = str(record["candidate_id"])
    reason = record.get("rejection_reason") or {}
    source = record.get("source") or {}
    return [
        SourceApplication(
            external_id=external_id,
            ref=ref,
            candidate_id=candidate_id,
            job_id=str(jobs[0]["id"]),
            stage=text((record.get("current_stage") or {}).get("name")),
            status=status,
            source=slug(source["public_name"]) if text(source.get("public_name")) else None,
            rejection_reason=text(reason.get("name")),
            applied_at=_moment(record.get("applied_at")),
            attachments=_attachments(record, candidate_id, ref, files),
        )
    ]


def _moment(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
