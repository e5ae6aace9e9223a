"""An import: a source's records brought in through the jobs and candidates services.

Everything happens in the caller's one transaction. Each record is written in a savepoint,
so a record the services refuse leaves nothing behind and the others go on (for the report);
then, when any record failed or in a dry run, `RolledBack` is raised so that the unit of work
stores nothing at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.candidates import service as candidates
from hireline.candidates.schemas import CandidateAdd, CandidateUpdate
from hireline.candidates.uploads import MAX_RESUME_BYTES, CheckedFile, sanitize_filename, sniff
from hireline.core.db import unit_of_work
from hireline.core.errors import HirelineError, NotFound, UnsupportedMediaType
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage
from hireline.core.tenancy import enter_tenant
from hireline.identity.audit import service as audit
from hireline.imports import stages
from hireline.imports.export import (
    Export,
    RecordError,
    SourceApplication,
    SourceAttachment,
    SourceCandidate,
    SourceJob,
    slug,
)
from hireline.imports.locations import job_locations
from hireline.imports.report import Report
from hireline.imports.repository import ImportRecordRepository
from hireline.jobs import service as jobs
from hireline.jobs.schemas import JobCreate

Progress = Callable[[int], None]


class RolledBack(Exception):
    """Raised at the end of a dry run, or of an import with failed records, to roll back."""

    def __init__(self, report: Report) -> None:
        super().__init__("import rolled back")
        self.report = report


@dataclass(slots=True)
class _ImportedJob:
    id: uuid.UUID
    title: str
    stages: list[tuple[uuid.UUID, str]]


@dataclass(slots=True)
class _Run:
    session: AsyncSession
    principal: Principal
    storage: FileStorage
    export: Export
    report: Report
    records: ImportRecordRepository
    known: dict[tuple[str, str], uuid.UUID]
    reasons: dict[str, str] = field(default_factory=dict)
    jobs: dict[str, _ImportedJob] = field(default_factory=dict)
    candidates: dict[str, uuid.UUID] = field(default_factory=dict)
    applications: dict[str, uuid.UUID] = field(default_factory=dict)
    # Records this run brought in, which the source may list twice (one file on a
    # candidate and on their application).
    this_run: set[tuple[str, str]] = field(default_factory=set)

    async def remember(self, kind: str, external_id: str, hireline_id: uuid.UUID) -> None:
        self.known[(kind, external_id)] = hireline_id
        self.this_run.add((kind, external_id))
        await self.records.add(self.export.system, kind, external_id, hireline_id)


async def run_import(
    session: AsyncSession,
    principal: Principal,
    storage: FileStorage,
    export: Export,
    *,
    dry_run: bool,
    progress: Progress | None = None,
) -> Report:
    """Import every record of `export`; the report of what was done. Raises `RolledBack`
    (carrying the report) in a dry run or when a record failed: nothing must be kept."""
    report = Report(export.system, dry_run, unmapped_fields=list(export.unmapped_fields))
    report.errors.extend(export.errors)
    records = ImportRecordRepository(session)
    run = _Run(
        session, principal, storage, export, report, records, await records.known(export.system)
    )
    reasons = await candidates.rejection_reason_list(session, principal.tenant_id)
    for key, label in reasons.labels.items():
        for name in (key, label):
            run.reasons[name.casefold()] = run.reasons[slug(name)] = key
    advance = progress or (lambda _: None)
    existing_titles = await _titles(session, principal) if export.system == "csv" else {}
    for job in export.jobs:
        await _guarded(run, job.ref, _job(run, job, existing_titles))
        advance(1)
    for person in export.candidates:
        await _guarded(run, person.ref, _candidate(run, person))
        advance(1)
    for application in export.applications:
        await _guarded(run, application.ref, _application(run, application))
        advance(1)
    for application in export.applications:
        for attachment in application.attachments:
            await _guarded(
                run,
                attachment.ref,
                _attachment(run, attachment, application.candidate_id, application.external_id),
            )
            advance(1)
    # Candidates' own files after their applications': the file an application names is
    # often the candidate's too, and is better kept with the application.
    for person in export.candidates:
        for attachment in person.attachments:
            await _guarded(run, attachment.ref, _attachment(run, attachment, person.external_id))
            advance(1)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="import.completed",
        details={
            "system": export.system,
            **{kind: tally.created for kind, tally in report.tallies.items()},
        },
    )
    if dry_run or report.errors:
        raise RolledBack(report)
    return report


async def run_in_own_transaction(
    sessions: async_sessionmaker[AsyncSession],
    principal: Principal,
    storage: FileStorage,
    export: Export,
    *,
    dry_run: bool,
    progress: Progress | None = None,
) -> Report:
    """`run_import` in a unit of work of its own, committed only when the import is kept
    (stored files of a rolled-back one are deleted again); the report either way."""
    try:
        async with unit_of_work(sessions) as session:
            await enter_tenant(session, principal.tenant_id)
            return await run_import(
                session, principal, storage, export, dry_run=dry_run, progress=progress
            )
    except RolledBack as rolled_back:
        return rolled_back.report


async def _guarded(run: _Run, ref: str, step: Coroutine[Any, Any, None]) -> None:
    """Write one record in a savepoint; a refusal becomes an error line naming the record."""
    try:
        async with run.session.begin_nested():
            await step
    except HirelineError as exc:
        run.report.errors.append(RecordError(ref, exc.detail or exc.problem.title))
    except DBAPIError as exc:
        # A value the services let through but a column cannot hold: the savepoint is gone,
        # the session usable, and the record named.
        reason = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
        run.report.errors.append(RecordError(ref, f"the database refused it: {reason}"))
    except ValidationError as exc:
        fields = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or 'record'}: {error['msg']}"
            for error in exc.errors()
        )
        run.report.errors.append(RecordError(ref, fields))


async def _titles(session: AsyncSession, principal: Principal) -> dict[str, uuid.UUID]:
    """The organisation's jobs by title (a CSV names jobs by title)."""
    titles: dict[str, uuid.UUID] = {}
    cursor = None
    while True:
        page, cursor = await jobs.page(
            session, principal.tenant_id, status=None, cursor=cursor, limit=100
        )
        for job in page:
            titles.setdefault(job.title.casefold(), job.id)
        if cursor is None:
            return titles


async def _job(run: _Run, job: SourceJob, existing_titles: dict[str, uuid.UUID]) -> None:
    tally = run.report.tallies["job"]
    hireline_id = run.known.get(("job", job.external_id))
    if hireline_id is not None:
        tally.already_imported += 1
    elif job.title.casefold() in existing_titles:
        hireline_id = existing_titles[job.title.casefold()]
        tally.matched += 1
        await run.remember("job", job.external_id, hireline_id)
    if hireline_id is not None:
        try:
            found = await jobs.get(run.session, run.principal.tenant_id, hireline_id)
        except NotFound:
            raise NotFound(
                f"it was imported as job {hireline_id}, which has been deleted"
            ) from None
        await _keep(run, job, found)
        return
    body = JobCreate(
        title=job.title,
        description=job.description,
        department=job.department,
        locations=job_locations(job.places),
        openings=job.openings,
        stages=list({name.casefold(): name for name in job.stages}.values())[:20] or None,
    )
    created = await jobs.create(run.session, run.principal, body)
    if job.status in ("open", "closed"):
        await jobs.transition(run.session, run.principal, created.id, "publish")
    if job.status == "closed":
        await jobs.transition(run.session, run.principal, created.id, "close")
    tally.created += 1
    await run.remember("job", job.external_id, created.id)
    await _keep(run, job, created)


async def _keep(run: _Run, job: SourceJob, found: Any) -> None:
    pipeline = await jobs.stages_of(run.session, found)
    run.jobs[job.external_id] = _ImportedJob(
        found.id, found.title, [(stage.id, stage.name) for stage in pipeline]
    )


def _addition(person: SourceCandidate, *, leave_out: frozenset[str]) -> CandidateAdd:
    return CandidateAdd(
        name=person.name,
        email=person.email,
        phone=None if "phone" in leave_out else person.phone,
        links=[] if "links" in leave_out else person.links[:10],
        source=person.source,
        referred_by=person.referred_by,
    )


async def _candidate(run: _Run, person: SourceCandidate) -> None:
    tally = run.report.tallies["candidate"]
    known = run.known.get(("candidate", person.external_id))
    if known is not None:
        tally.already_imported += 1
        run.candidates[person.external_id] = known
        return
    try:
        body = _addition(person, leave_out=frozenset())
    except ValidationError as exc:
        # A phone number or a link that is not one is left out; a bad e-mail address is not.
        dropped = frozenset(str(error["loc"][0]) for error in exc.errors()) & {"phone", "links"}
        if not dropped:
            raise
        body = _addition(person, leave_out=dropped)
        for name in sorted(dropped):
            run.report.warnings.append(RecordError(person.ref, f"{name} left out (not valid)"))
    candidate, created = await candidates.add_or_find(run.session, run.principal, run.storage, body)
    if created:
        tally.created += 1
        if person.tags or person.location:
            await candidates.update(
                run.session,
                run.principal,
                candidate.id,
                CandidateUpdate(tags=person.tags[:50] or None, location=person.location),
            )
    else:
        tally.matched += 1
        run.report.duplicates.append(
            f"{person.ref}: {person.email} is already candidate {candidate.id} ({candidate.name})"
        )
    run.candidates[person.external_id] = candidate.id
    await run.remember("candidate", person.external_id, candidate.id)


async def _application(run: _Run, application: SourceApplication) -> None:
    tally = run.report.tallies["application"]
    known = run.known.get(("application", application.external_id))
    if known is not None:
        tally.already_imported += 1
        run.applications[application.external_id] = known
        return
    candidate_id = run.candidates.get(application.candidate_id)
    if candidate_id is None:
        raise NotFound(f"its candidate {application.candidate_id} was not imported")
    job = run.jobs.get(application.job_id)
    if job is None:
        raise NotFound(f"its job {application.job_id} was not imported")
    stage_id, placed = stages.place(application.stage, job.stages)
    if not placed and application.stage:
        run.report.unmapped_stages[(job.title, application.stage)] += 1
    reason = None
    if application.status == "rejected" and application.rejection_reason:
        written = application.rejection_reason
        reason = run.reasons.get(written.casefold()) or run.reasons.get(slug(written))
        if reason is None:
            run.report.unmapped_reasons[application.rejection_reason] += 1
    stored, created = await candidates.import_application(
        run.session,
        run.principal,
        candidate_id=candidate_id,
        job_id=job.id,
        stage_id=stage_id,
        status=application.status,
        source=application.source or run.export.system,
        applied_at=application.applied_at or datetime.now(UTC),
        rejection_reason=reason,
        details={
            "imported_from": run.export.system,
            "external_id": application.external_id,
            "source_stage": application.stage,
            "source_rejection_reason": application.rejection_reason,
        },
    )
    if created:
        tally.created += 1
    else:
        tally.matched += 1
    run.applications[application.external_id] = stored.id
    await run.remember("application", application.external_id, stored.id)


async def _attachment(
    run: _Run,
    attachment: SourceAttachment,
    candidate_key: str,
    application_key: str | None = None,
) -> None:
    tally = run.report.tallies["attachment"]
    candidate_id = run.candidates.get(candidate_key)
    if candidate_id is None:
        return  # the candidate failed, and is reported already
    key = ("attachment", attachment.external_id)
    if key in run.this_run:
        return
    if key in run.known:
        tally.already_imported += 1
        return
    if not attachment.is_resume:
        tally.skipped += 1
        return
    if attachment.data is None:
        raise NotFound("the file is not in the export")
    kind = sniff(attachment.data)
    if kind is None or len(attachment.data) > MAX_RESUME_BYTES:
        raise _unreadable(attachment)
    content_type, extension = kind
    checked = CheckedFile(
        attachment.data, content_type, extension, sanitize_filename(attachment.filename, extension)
    )
    application_id = run.applications.get(application_key) if application_key else None
    stored, created = await candidates.attach_resume(
        run.session, run.principal, run.storage, candidate_id, application_id, checked
    )
    if created:
        tally.created += 1
        run.report.resumes_queued += 1
    else:
        tally.matched += 1
    await run.remember("attachment", attachment.external_id, stored.id)


def _unreadable(attachment: SourceAttachment) -> HirelineError:
    return UnsupportedMediaType(
        f"{attachment.filename} is not a PDF, Word (.docx) or text file of at most 10 MB"
    )
