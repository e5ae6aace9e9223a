"""Candidates as recruiters see them: lists, profiles, edits and résumé files."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import pipeline, rejection_reasons, sourcing, tasks
from hireline.candidates.events import CandidateEvent
from hireline.candidates.match_scores import MatchScores, plug, plugged
from hireline.candidates.models import Activity, Application, Candidate, Resume
from hireline.candidates.repository import CandidateRepository, ListedRow
from hireline.candidates.schemas import CandidateAdd, CandidateUpdate, MatchSummary
from hireline.candidates.uploads import CheckedFile
from hireline.core import events
from hireline.core.errors import NotFound, ValidationFailed
from hireline.core.events import DomainEvent
from hireline.core.pagination import (
    cut_page,
    decode_cursor,
    encode_cursor,
    id_after,
    invalid_cursor,
)
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage, content_digest, save_with_transaction
from hireline.jobs import service as jobs
from hireline.resumes.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from collections.abc import Iterable

    from fastapi import UploadFile

    from hireline.candidates.bulk import Outcome
    from hireline.candidates.sourcing import Added

ApplicationSort = Literal["newest", "match"]


def rank_applicants_by(
    model: Any, summary: Callable[[float, Mapping[str, Any]], MatchSummary]
) -> None:
    """For the matching room: the table of match scores applicant lists rank by (a mapped
    class with tenant_id, job_id, application_id, score and explanation), and how a score
    and its explanation read in brief."""
    plug(MatchScores(model=model, summary=summary))


def _repository(session: AsyncSession, tenant_id: uuid.UUID) -> CandidateRepository:
    return CandidateRepository.working_for(session, tenant_id)


async def applications_in_stages(
    session: AsyncSession, tenant_id: uuid.UUID, stage_ids: set[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """How many applications, of any status, each of the stages holds."""
    return await _repository(session, tenant_id).in_stages(stage_ids)


# Applications of any status keep their stage: a stage holding some is removed only once
# the recruiter says where they go (jobs refuses otherwise).
jobs.plug_stage_holder(
    jobs.StageHolder(
        noun="applications", count=applications_in_stages, move=pipeline.move_out_of_removed
    )
)


async def get(session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID) -> Candidate:
    candidate = await _repository(session, tenant_id).candidate(candidate_id)
    if candidate is None or candidate.erased_at is not None:
        raise NotFound("No candidate with this id.")
    return candidate


async def page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    q: str | None,
    tag: str | None,
    cursor: str | None,
    limit: int,
    among_jobs: frozenset[uuid.UUID] | None = None,
) -> tuple[list[Candidate], str | None]:
    """Candidates newest first; `q` matches name or e-mail; only applicants to `among_jobs`
    when given."""
    found = await _repository(session, tenant_id).candidates(
        q=q, tag=tag, after=id_after(cursor), limit=limit + 1, among_jobs=among_jobs
    )
    return cut_page(found, limit, lambda candidate: candidate.id)


async def applications_of_job(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    job_id: uuid.UUID,
    *,
    stage_id: uuid.UUID | None,
    status: str | None,
    applied_from: datetime | None,
    applied_to: datetime | None,
    cursor: str | None,
    limit: int,
    sort: ApplicationSort = "newest",
) -> tuple[list[ListedApplication], str | None]:
    """A job's applications newest first (or best match first, the unscored last), with
    their candidates, current stages and stored match scores with their top reasons (in the
    same statement: a ranked list is one request)."""
    repository = _repository(session, tenant_id)
    filters: dict[str, Any] = {
        "stage_id": stage_id,
        "status": status,
        "applied_from": applied_from,
        "applied_to": applied_to,
    }
    if sort == "match":
        after = None
        if cursor is not None:
            last_score, last_id = decode_cursor(cursor, 2)
            try:
                after = (float(last_score), uuid.UUID(str(last_id)))
            except (TypeError, ValueError):
                raise invalid_cursor() from None
        ranked = await repository.applicants_by_match(
            job_id, **filters, after=after, limit=limit + 1
        )
        rows = await _with_stages(session, tenant_id, [row for row, _ in ranked])
        if len(ranked) <= limit:
            return rows, None
        last, last_score = ranked[limit - 1][0][0], ranked[limit - 1][1]
        return rows[:limit], encode_cursor(last_score, str(last.id))
    newest = await repository.applicants_newest(
        job_id, **filters, after=id_after(cursor), limit=limit + 1
    )
    rows = await _with_stages(session, tenant_id, newest)
    return cut_page(rows, limit, lambda row: row[0].id)


# An application in a job's list: with its candidate, current stage and match summary.
ListedApplication = tuple[Application, Candidate, jobs.StageRow | None, MatchSummary | None]


def _summary(score: float | None, explanation: dict[str, Any] | None) -> MatchSummary | None:
    return plugged().summary(score, explanation or {}) if score is not None else None


async def _with_stages(
    session: AsyncSession, tenant_id: uuid.UUID, rows: list[ListedRow]
) -> list[ListedApplication]:
    stages = await jobs.stages_by_id(
        session, tenant_id, {row[0].stage_id for row in rows if row[0].stage_id is not None}
    )
    return [
        (
            application,
            candidate,
            stages.get(application.stage_id) if application.stage_id else None,
            _summary(score, explanation),
        )
        for application, candidate, score, explanation in rows
    ]


async def resumes_of(session: AsyncSession, candidate: Candidate) -> list[Resume]:
    return await _repository(session, candidate.tenant_id).resumes_of(candidate.id)


async def applications_of(session: AsyncSession, candidate: Candidate) -> list[Application]:
    return await _repository(session, candidate.tenant_id).applications_of(candidate.id)


async def activities_of(session: AsyncSession, candidate: Candidate) -> list[Activity]:
    return await _repository(session, candidate.tenant_id).activities_of(candidate.id)


_LISTS = {"tags", "skills"}
# Fields résumé parsing would otherwise fill in (see `profile.merge_into`).
_PROFILE_FIELDS = {"name", "phone", "location", "headline", "skills", "years_experience"}


async def update(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID, body: CandidateUpdate
) -> Candidate:
    """Change a profile; fields edited here are never overwritten by résumé parsing."""
    candidate = await get(session, principal.tenant_id, candidate_id)
    changes = body.model_dump(exclude_unset=True)
    if changes.get("skills") is not None:
        changes["skills"] = canonical_skills(changes["skills"])
    for name, value in changes.items():
        # A list sent as null empties it (the column holds a list, never NULL).
        setattr(candidate, name, list(dict.fromkeys(value or [])) if name in _LISTS else value)
    profile_fields = _PROFILE_FIELDS & set(changes)
    candidate.edited_fields = sorted(set(candidate.edited_fields) | profile_fields)
    candidate.updated_at = datetime.now(UTC)
    session.add(
        Activity(
            tenant_id=candidate.tenant_id,
            candidate_id=candidate.id,
            actor_type=principal.kind,
            actor_id=principal.id,
            kind="candidate.updated",
            details={"fields": sorted(changes)},
        )
    )
    await session.flush()
    await events.record(
        session,
        type=CandidateEvent.CANDIDATE_UPDATED,
        payload={"candidate_id": str(candidate.id), "fields": sorted(changes)},
        tenant_id=candidate.tenant_id,
    )
    return candidate


def canonical_skills(typed: list[str]) -> list[str]:
    """Skills as the taxonomy names them ("postgres" is PostgreSQL, "golang" is Go), as a
    résumé's are, so that filters and facets see one skill; unknown ones are kept as typed."""
    taxonomy = load_taxonomy()
    return list(dict.fromkeys(taxonomy.canonical(skill) or skill for skill in typed))


async def resume(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID, resume_id: uuid.UUID
) -> Resume:
    await get(session, tenant_id, candidate_id)
    stored = await _repository(session, tenant_id).resume(resume_id)
    if stored is None or stored.candidate_id != candidate_id:
        raise NotFound("No résumé with this id.")
    return stored


async def latest_resume(session: AsyncSession, candidate: Candidate) -> Resume:
    """The candidate's newest résumé; 404 if they have none."""
    resumes = await resumes_of(session, candidate)
    if not resumes:
        raise NotFound("This candidate has no résumé.")
    return max(resumes, key=lambda r: (r.created_at, r.id))


async def applicant_counts(
    session: AsyncSession, tenant_id: uuid.UUID, job_ids: list[uuid.UUID], since: datetime
) -> dict[uuid.UUID, tuple[int, int]]:
    """Per job: its active applications, and how many of them arrived after `since`."""
    if not job_ids:
        return {}
    return await _repository(session, tenant_id).applicant_counts(job_ids, since)


async def recent_activity(
    session: AsyncSession, tenant_id: uuid.UUID, *, limit: int
) -> list[tuple[Activity, str | None]]:
    """The tenant's latest activity with each candidate's name, newest first."""
    return await _repository(session, tenant_id).recent_activity(limit)


async def rejection_reason_list(
    session: AsyncSession, tenant_id: uuid.UUID
) -> rejection_reasons.Reasons:
    """The organisation's reasons to reject, in order (the built-in list until it sets one)."""
    return await rejection_reasons.reasons_of(session, tenant_id)


async def replace_rejection_reasons(
    session: AsyncSession, principal: Principal, labels: dict[str, str]
) -> rejection_reasons.Reasons:
    """Make `labels` (key to label, in order) the organisation's list."""
    return await rejection_reasons.replace(session, principal, labels)


async def require_application_visible(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> None:
    """NotFound unless the principal may see the application's job (hiring teams)."""
    visible = await jobs.visible_job_ids(session, principal)
    if visible is None:
        return
    job_id = await _repository(session, principal.tenant_id).job_of_application(application_id)
    if job_id is None or job_id not in visible:
        raise NotFound("No application with this id.")


async def require_candidate_visible(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID
) -> None:
    """NotFound unless the candidate applied to a job the principal may see."""
    visible = await jobs.visible_job_ids(session, principal)
    if visible is None:
        return
    if not await _repository(session, principal.tenant_id).applied_to_any(candidate_id, visible):
        raise NotFound("No candidate with this id.")


async def events_about_erased(session: AsyncSession, erasure: DomainEvent) -> list[DomainEvent]:
    """For the rooms that forget an erased person too: the person's other events (ids and
    codes only by now), given the `candidate.erased` event."""
    if erasure.tenant_id is None:
        return []
    found = await events.events_about(
        session, erasure.tenant_id, "candidate_id", str(erasure.payload["candidate_id"])
    )
    return [event for event in found if event.id != erasure.id]


# --- For the offers domain: an application's facts, hiring, and closing a filled job. ---


async def get_application(
    session: AsyncSession, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> Application:
    """One application of the tenant; NotFound otherwise (for domains above candidates)."""
    return await pipeline.get(session, tenant_id, application_id)


async def hire(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> Application:
    """End an active application as hired (`candidate.hired`); 409 unless it is active."""
    return await pipeline.finish(session, principal, application_id, "hired")


async def count_applications(
    session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID, status: str
) -> int:
    """How many of the job's applications have `status` (hired, active, ...)."""
    return await _repository(session, tenant_id).count_applications(job_id, status)


async def reject_remaining(
    session: AsyncSession,
    principal: Principal,
    job_id: uuid.UUID,
    *,
    reason: str,
    notify_candidate: bool,
    note: str | None,
) -> list[Application]:
    """Reject every active application of the job with one reason (a 422 for an unknown
    reason, before anything changes); each leaves its activity and `application.rejected`."""
    label = await rejection_reasons.label_of(session, principal.tenant_id, reason)
    active = await _repository(session, principal.tenant_id).active_applications_locked(job_id)
    details: dict[str, Any] = {
        "reason": reason,
        "reason_label": label,
        "notify_candidate": notify_candidate,
    }
    if note:
        details["note"] = note
    return [
        await pipeline.finish(session, principal, application.id, "rejected", dict(details))
        for application in active
    ]


async def stage_counts(
    session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID
) -> dict[uuid.UUID | None, int]:
    """A job's active applications per stage (one query; the board's column headers)."""
    return await _repository(session, tenant_id).stage_counts(job_id)


class BoardColumn:
    """The first page of one stage's active applicants, best match first, and their count."""

    __slots__ = ("keys", "next_cursor", "rows", "total")

    def __init__(self) -> None:
        self.rows: list[ListedApplication] = []
        self.keys: list[float] = []
        self.next_cursor: str | None = None
        self.total = 0


async def board_columns(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    job_id: uuid.UUID,
    *,
    per_stage: int,
    longer: Mapping[uuid.UUID, int] | None = None,
) -> dict[uuid.UUID | None, BoardColumn]:
    """Every stage's first `per_stage` active applicants by match (as many as `longer`
    says for the stages it names), in one statement.

    The board's first screen: a window over the job's active applications and their scores
    ranks and counts each stage at once (one pass over the job, not one per column); only the
    shown rows are joined to candidates. Each column's cursor continues as
    `applications_of_job(sort="match")` pages do.
    """
    repository = _repository(session, tenant_id)
    # Two statements: the ranks alone (a pass over the job), then the shown rows by key; one
    # statement lets the planner hash-join every candidate of the job for a hundred rows.
    keys = await repository.board_ranks(job_id, per_stage, longer)
    rows = await repository.listed(keys)
    ordered = sorted(rows, key=lambda row: (str(row[0].stage_id), keys[row[0].id][1]))
    columns: dict[uuid.UUID | None, BoardColumn] = {}
    for application, candidate, stored, explanation in ordered:
        key, rank, total = keys[application.id]
        column = columns.setdefault(application.stage_id, BoardColumn())
        column.total = total
        shown = per_stage
        if longer and application.stage_id is not None:
            shown = longer.get(application.stage_id, per_stage)
        if rank > shown:
            column.next_cursor = encode_cursor(column.keys[-1], str(column.rows[-1][0].id))
            continue
        column.rows.append((application, candidate, None, _summary(stored, explanation)))
        column.keys.append(key)
    return columns


# --- For the matching domain: what a score is computed from. ---

# The rows this service hands to other rooms: theirs to read, changed only through here.
CandidateRow: TypeAlias = Candidate
ApplicationRow: TypeAlias = Application


async def applications_with_jobs(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    candidate_id: uuid.UUID,
    *,
    application_id: uuid.UUID | None = None,
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(application id, job id) of each of the candidate's applications (or just one)."""
    return await _repository(session, tenant_id).jobs_applied_to(candidate_id, application_id)


async def fresh_candidate(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> Candidate | None:
    """The candidate as stored now, erased or not (None when missing), read again even if
    the session holds it."""
    return await _repository(session, tenant_id).fresh_candidate(candidate_id)


@dataclass(frozen=True, slots=True)
class CandidateText:
    """What a candidate's text for semantic matching is made of."""

    name: str | None
    email: str | None
    phone: str | None
    links: list[str]
    headline: str | None
    skills: list[str]
    resume_text: str | None
    erased: bool


async def text_of(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> CandidateText | None:
    """The candidate's text fields as stored (None when missing)."""
    row = await _repository(session, tenant_id).text_of(candidate_id)
    if row is None:
        return None
    return CandidateText(
        name=row.name,
        email=row.email,
        phone=row.phone,
        links=list(row.links or ()),
        headline=row.headline,
        skills=list(row.skills or ()),
        resume_text=row.resume_text,
        erased=row.erased_at is not None,
    )


async def latest_parsed_resume(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> dict[str, Any] | None:
    """What the candidate's newest parsed résumé found (None if none was parsed)."""
    return await _repository(session, tenant_id).latest_parsed(candidate_id)


async def live_applicant_ids(
    session: AsyncSession, tenant_id: uuid.UUID, *, after: uuid.UUID | None, limit: int
) -> list[uuid.UUID]:
    """Live candidates who applied to something, in id order, the first `limit` after
    `after`."""
    return await _repository(session, tenant_id).live_applicant_ids(after=after, limit=limit)


# --- For GraphQL: batched reads (one statement for many parents) and the pipeline moves. ---


async def applications_of_jobs(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    job_ids: list[uuid.UUID],
    *,
    cursor: str | None,
    limit: int,
) -> dict[uuid.UUID, tuple[list[ListedApplication], str | None]]:
    """A page of each job's applications, newest first, in one statement for all the jobs:
    a window numbers each job's rows, so no job's page costs a query of its own."""
    found = await _repository(session, tenant_id).applicants_of_jobs(
        job_ids, after=id_after(cursor), limit=limit + 1
    )
    rows = await _with_stages(session, tenant_id, found)
    grouped: dict[uuid.UUID, list[ListedApplication]] = {job_id: [] for job_id in job_ids}
    for row in rows:
        grouped[row[0].job_id].append(row)
    return {
        job_id: cut_page(listed, limit, lambda row: row[0].id) for job_id, listed in grouped.items()
    }


async def listed_applications(
    session: AsyncSession, tenant_id: uuid.UUID, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, ListedApplication]:
    """Applications by id, each with its candidate, stage and match."""
    found = await _repository(session, tenant_id).listed(application_ids)
    return {row[0].id: row for row in await _with_stages(session, tenant_id, found)}


async def applications_of_candidates(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    candidate_ids: list[uuid.UUID],
    *,
    among_jobs: frozenset[uuid.UUID] | None,
) -> dict[uuid.UUID, list[ListedApplication]]:
    """Each candidate's applications newest first (only to `among_jobs` when given)."""
    found = await _repository(session, tenant_id).applications_of_candidates(
        candidate_ids, among_jobs=among_jobs
    )
    grouped: dict[uuid.UUID, list[ListedApplication]] = {id_: [] for id_ in candidate_ids}
    for row in await _with_stages(session, tenant_id, found):
        grouped[row[0].candidate_id].append(row)
    return grouped


async def candidates_by_ids(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Candidate]:
    """The tenant's candidates among `candidate_ids` that are not erased, in one statement."""
    found = await _repository(session, tenant_id).live_candidates(candidate_ids)
    return {candidate.id: candidate for candidate in found}


async def applications_by_ids(
    session: AsyncSession, tenant_id: uuid.UUID, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Application]:
    """The tenant's applications among `application_ids`, in one statement (for the domains
    above that read many applications' interviews, scorecards or offers at once)."""
    if not application_ids:
        return {}
    found = await _repository(session, tenant_id).applications(application_ids)
    return {application.id: application for application in found}


# For the web app: the board's, the candidate page's and the sourcing screen's actions.
# The modules behind these import this one, so they are imported when called.


def bulk_limit() -> int:
    """How many applications one bulk action takes at most."""
    from hireline.candidates import bulk

    return bulk.MAX_SELECTED


async def move_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID, stage_id: uuid.UUID
) -> Application:
    """Put an application the principal may see in another stage of its job."""
    await require_application_visible(session, principal, application_id)
    return await pipeline.move(session, principal, application_id, stage_id)


async def reject_application(
    session: AsyncSession,
    principal: Principal,
    application_id: uuid.UUID,
    *,
    reason: str,
    notify_candidate: bool,
    note: str | None,
) -> Application:
    """Reject an application the principal may see, with one of the organisation's reasons."""
    await require_application_visible(session, principal, application_id)
    details: dict[str, Any] = {
        "reason": reason,
        "reason_label": await rejection_reasons.label_of(session, principal.tenant_id, reason),
        "notify_candidate": notify_candidate,
    }
    if note:
        details["note"] = note
    return await pipeline.finish(session, principal, application_id, "rejected", details)


async def end_application(
    session: AsyncSession,
    principal: Principal,
    application_id: uuid.UUID,
    outcome: Literal["hired", "withdrawn"],
) -> Application:
    """Mark an application the principal may see hired or withdrawn."""
    await require_application_visible(session, principal, application_id)
    return await pipeline.finish(session, principal, application_id, outcome)


async def reopen_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> Application:
    """Undo the rejection of an application the principal may see."""
    await require_application_visible(session, principal, application_id)
    return await pipeline.undo_rejection(session, principal, application_id)


# For imports: people, applications and résumés brought in from another tracking system.
# The person is added as a recruiter adds one (`sourcing.add`); an application keeps the
# stage, status and date it had there; a résumé is stored and queued for parsing.

IMPORTED_CONSENT = "(imported from another applicant tracking system)"


async def add_or_find(
    session: AsyncSession, principal: Principal, storage: FileStorage, body: CandidateAdd
) -> tuple[Candidate, bool]:
    """The candidate added from `body` (created: True), or the one who already has its
    e-mail address (False): one person per organisation, as when applying."""
    try:
        added = await sourcing.add(
            session, principal, storage, body.model_copy(update={"job_id": None}), None
        )
    except sourcing.CandidateExists as known:
        return await get(session, principal.tenant_id, known.candidate_id), False
    return added.candidate, True


async def import_application(
    session: AsyncSession,
    principal: Principal,
    *,
    candidate_id: uuid.UUID,
    job_id: uuid.UUID,
    stage_id: uuid.UUID | None,
    status: str,
    source: str,
    applied_at: datetime,
    rejection_reason: str | None,
    details: dict[str, Any],
) -> tuple[Application, bool]:
    """An application as it stood in the other system (created: True), or the person's
    application to the job they already had (False).

    `application.created` is recorded as for a person added by hand (scored, never mailed
    to the candidate); the status and stage are set as they were, not moved through, so no
    rejection or hiring is announced again.
    """
    candidate = await get(session, principal.tenant_id, candidate_id)
    job = await jobs.get(session, principal.tenant_id, job_id)
    for existing in await applications_of(session, candidate):
        if existing.job_id == job.id:
            return existing, False
    stage_ids = {stage.id for stage in await jobs.stages_of(session, job)}
    if stage_id is not None and stage_id not in stage_ids:
        raise ValidationFailed(
            "That stage is not part of this application's job.",
            errors=[{"loc": ["stage_id"], "msg": "unknown stage", "type": "stage"}],
        )
    application = Application(
        tenant_id=principal.tenant_id,
        job_id=job.id,
        candidate_id=candidate.id,
        stage_id=stage_id,
        status=status,
        source=source,
        consent_at=applied_at,
        consent_text=IMPORTED_CONSENT,
        rejection_reason=rejection_reason if status == "rejected" else None,
        applied_at=applied_at,
    )
    session.add(application)
    await session.flush()
    session.add(
        Activity(
            tenant_id=principal.tenant_id,
            candidate_id=candidate.id,
            application_id=application.id,
            actor_type=principal.kind,
            actor_id=principal.id,
            kind="application.imported",
            details={"job_id": str(job.id), "job_title": job.title, "status": status, **details},
        )
    )
    await session.flush()
    await events.record(
        session,
        type=CandidateEvent.APPLICATION_CREATED,
        payload={
            "application_id": str(application.id),
            "candidate_id": str(candidate.id),
            "job_id": str(job.id),
            "source": source,
            "added_by_hand": True,
            "imported": True,
        },
        tenant_id=principal.tenant_id,
    )
    return application, True


async def attach_resume(
    session: AsyncSession,
    principal: Principal,
    storage: FileStorage,
    candidate_id: uuid.UUID,
    application_id: uuid.UUID | None,
    resume: CheckedFile,
) -> tuple[Resume, bool]:
    """Store a checked résumé and queue its parsing (created: True); a file the candidate
    already has (same content) is not stored twice (False)."""
    candidate = await get(session, principal.tenant_id, candidate_id)
    digest = content_digest(resume.data)
    for stored in await resumes_of(session, candidate):
        if stored.sha256 == digest:
            return stored, False
    key = f"{candidate.tenant_id}/resumes/{candidate.id}/{uuid.uuid4().hex}.{resume.extension}"
    await save_with_transaction(session, storage, key, resume.data)
    stored = Resume(
        tenant_id=candidate.tenant_id,
        candidate_id=candidate.id,
        application_id=application_id,
        storage_key=key,
        filename=resume.filename,
        content_type=resume.content_type,
        size=len(resume.data),
        sha256=digest,
    )
    session.add(stored)
    await session.flush()
    await tasks.request_parse(session, stored)
    return stored, True


async def move_many(
    session: AsyncSession,
    principal: Principal,
    job_id: uuid.UUID,
    ids: Iterable[uuid.UUID],
    stage_id: uuid.UUID,
) -> Outcome:
    """Move the job's selected applications to a stage, skipping those that cannot go."""
    from hireline.candidates import bulk

    return await bulk.move(session, principal, job_id, ids, stage_id)


async def reject_many(
    session: AsyncSession,
    principal: Principal,
    job_id: uuid.UUID,
    ids: Iterable[uuid.UUID],
    *,
    reason: str,
    notify_candidate: bool,
    note: str | None = None,
) -> Outcome:
    """Reject the job's selected applications for one reason; mail the candidates if asked."""
    from hireline.candidates import bulk

    return await bulk.reject(
        session, principal, job_id, ids, reason=reason, notify_candidate=notify_candidate, note=note
    )


async def undo_rejections(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, ids: Iterable[uuid.UUID]
) -> Outcome:
    """Reopen the job's selected rejected applications."""
    from hireline.candidates import bulk

    return await bulk.undo_rejections(session, principal, job_id, ids)


async def rejection_labels(session: AsyncSession, tenant_id: uuid.UUID) -> dict[str, str]:
    """The organisation's rejection reasons, key to label, in their order."""
    return (await rejection_reasons.reasons_of(session, tenant_id)).labels


async def export_candidate(
    session: AsyncSession, principal: Principal, candidate_id: Any
) -> dict[str, Any]:
    """Everything stored about a candidate, as one document (a subject access request)."""
    from hireline.candidates import privacy

    return await privacy.export(session, principal, candidate_id)


async def erase_candidate(
    session: AsyncSession, principal: Principal, storage: FileStorage, candidate_id: Any
) -> None:
    """Erase a candidate: their rows, files and personal data in events."""
    from hireline.candidates import privacy

    await privacy.erase(session, principal, storage, candidate_id)


async def read_resume(upload: UploadFile | None) -> CheckedFile:
    """An uploaded résumé, checked (size, type) and read."""
    from hireline.candidates import uploads

    return await uploads.read_resume(upload)


def sourced_from_form(
    name: str,
    email: str | None,
    phone: str | None,
    links: str | None,
    source: str,
    referred_by: str | None,
    job_id: uuid.UUID | str | None,
) -> CandidateAdd:
    """The sourcing form's fields as a candidate to add."""
    from hireline.candidates import sourcing

    return sourcing.from_form(name, email, phone, links, source, referred_by, job_id)


async def add_sourced(
    session: AsyncSession,
    principal: Principal,
    storage: FileStorage,
    body: CandidateAdd,
    resume: CheckedFile | None,
) -> Added:
    """Add a sourced candidate (and their application and résumé, when given)."""
    from hireline.candidates import sourcing

    return await sourcing.add(session, principal, storage, body, resume)


def existing_candidate_id(error: Exception) -> uuid.UUID | None:
    """The candidate `add_sourced` found with the same e-mail address, if that was its refusal."""
    from hireline.candidates import sourcing

    return error.candidate_id if isinstance(error, sourcing.CandidateExists) else None
