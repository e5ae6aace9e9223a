"""Lever: an export of the Lever API read into neutral records.

The export is a directory (or a .zip of one) holding the API's list responses as JSON files
(a bare list, or the page object with `data`): `opportunities.json` (GET /v1/opportunities
with `expand=applications`; each opportunity may carry its `resumes`, from GET
/v1/opportunities/:id/resumes), `postings.json` (GET /v1/postings), `stages.json` (GET
/v1/stages) and `archive_reasons.json` (GET /v1/archive_reasons). Résumé files are under
`attachments/<opportunity id>/<file name>`.

A Lever contact (one person) may have several opportunities: they become one candidate with
an application per opportunity that names a posting.
"""

from __future__ import annotations

from datetime import UTC, datetime
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

_POSTING_STATES: dict[str, JobState] = {
    "published": "open",
    "internal": "draft",
    "pending": "draft",
    "draft": "draft",
    "closed": "closed",
    "rejected": "closed",
}


def read(files: ExportFiles) -> Export:
    """Every record of the export; records that cannot be imported are in `errors`."""
    export = Export("lever")
    stages = {
        str(s["id"]): str(s.get("text") or "") for s in files.records("stages.json") if "id" in s
    }
    reasons = {
        str(r["id"]): r for r in files.records("archive_reasons.json", required=False) if "id" in r
    }
    stage_names = [name[:80] for name in stages.values() if name.strip()][:20]
    for record in files.records("postings.json"):
        try:
            export.jobs.append(_job(record, stage_names))
        except RECORD_PROBLEMS as exc:
            export.errors.append(RecordError(_ref("postings.json", record), problem(exc)))
    people: dict[str, SourceCandidate] = {}
    for record in files.records("opportunities.json"):
        ref = _ref("opportunities.json", record)
        try:
            person = _candidate(record, ref)
            known = people.get(person.external_id)
            if known is None:
                people[person.external_id] = known = person
                export.candidates.append(person)
            export.applications.extend(_applications(record, ref, known, stages, reasons, files))
        except RECORD_PROBLEMS as exc:
            export.errors.append(RecordError(ref, problem(exc)))
    return export


def _ref(file: str, record: dict[str, Any]) -> str:
    return f"{file} id {record.get('id', '?')}"


def _job(record: dict[str, Any], stages: list[str]) -> SourceJob:
    title = text(record["text"], 200)
    if title is None:
        raise ValueError("the posting has no title")
    categories = record.get("categories") or {}
    content = record.get("content") or {}
    state = _POSTING_STATES.get(str(record.get("state")))
    if state is None:
        raise ValueError(f"unknown posting state {record.get('state')!r}")
    location = text(categories.get("location"))
    remote = record.get("workplaceType") == "remote"
    return SourceJob(
        external_id=str(record["id"]),
        ref=_ref("postings.json", record),
        title=title,
        description=text(content.get("description"))
        or f"Imported from Lever (posting {record['id']}).",
        department=text(categories.get("department") or categories.get("team"), 120),
        places=["Remote"] if remote or location is None else [location],
        status=state,
        stages=stages,
    )


def _candidate(record: dict[str, Any], ref: str) -> SourceCandidate:
    name = text(record["name"], 200)
    if name is None:
        raise ValueError("the opportunity has no name")
    emails = [e for e in (text(v) for v in record.get("emails") or []) if e]
    phones = [p for p in (text((v or {}).get("value")) for v in record.get("phones") or []) if p]
    origin = text(record.get("origin"))
    return SourceCandidate(
        external_id=str(record.get("contact") or record["id"]),
        ref=ref,
        name=name,
        email=emails[0] if emails else None,
        phone=phones[0] if phones else None,
        links=[link for link in (text(v) for v in record.get("links") or []) if link],
        tags=[tag for tag in (text(t, 60) for t in record.get("tags") or []) if tag],
        location=text(record.get("location"), 200),
        source=candidate_source(origin),
    )


def _applications(
    record: dict[str, Any],
    ref: str,
    person: SourceCandidate,
    stages: dict[str, str],
    reasons: dict[str, dict[str, Any]],
    files: ExportFiles,
) -> list[SourceApplication]:
    opportunity_id = str(record["id"])
    postings = [
        a["posting"]["id"] if isinstance(a.get("posting"), dict) else a.get("posting")
        for a in record.get("applications") or []
        if isinstance(a, dict)
    ]
    posting = next((str(p) for p in postings if p), None)
    resumes = _resumes(record, opportunity_id, ref, files)
    if posting is None:
        # A lead never put forward for a posting: the person is kept, with their résumé.
        person.attachments.extend(resumes)
        return []
    stage = record.get("stage")
    stage_id = stage.get("id") if isinstance(stage, dict) else stage
    status, reason = _outcome(record.get("archived"), reasons)
    sources = [s for s in (text(v) for v in record.get("sources") or []) if s]
    return [
        SourceApplication(
            external_id=opportunity_id,
            ref=ref,
            candidate_id=person.external_id,
            job_id=posting,
            stage=stages.get(str(stage_id)) if stage_id else None,
            status=status,
            source=slug(sources[0]) if sources else None,
            rejection_reason=reason,
            applied_at=_moment(record.get("createdAt")),
            attachments=resumes,
        )
    ]


def _outcome(
    archived: dict[str, Any] | None, reasons: dict[str, dict[str, Any]]
) -> tuple[ApplicationState, str | None]:
    if not archived:
        return "active", None
    reason = reasons.get(str(archived.get("reason")), {})
    if reason.get("type") == "hired":
        return "hired", None
    return "rejected", text(reason.get("text")) or text(archived.get("reason"))


def _resumes(
    record: dict[str, Any], opportunity_id: str, ref: str, files: ExportFiles
) -> list[SourceAttachment]:
    found = []
    for resume in record.get("resumes") or []:
        file = resume["file"]
        name = text(file.get("name"), 200)
        if name is None:
            raise ValueError("a résumé has no file name")
        found.append(
            SourceAttachment(
                external_id=str(resume.get("id") or f"{opportunity_id}/{name}"),
                ref=f"{ref} résumé {name!r}",
                filename=name,
                is_resume=True,
                data=files.read(f"attachments/{opportunity_id}/{name}"),
            )
        )
    return found


def _moment(value: Any) -> datetime | None:
    # Lever's times are milliseconds since the epoch.
    if value is None:
        return None
    return datetime.fromtimestamp(int(value) / 1000, tz=UTC)
