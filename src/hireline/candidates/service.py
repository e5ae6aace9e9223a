"""Candidates as recruiters see them: lists, profiles, edits and résumé files."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Select, func, literal, or_, select, true, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import pipeline, rejection_reasons
from hireline.candidates.events import CandidateEvent
from hireline.candidates.models import Activity, Application, Candidate, Resume
from hireline.candidates.schemas import CandidateUpdate
from hireline.core import events
from hireline.core.errors import NotFound
from hireline.core.pagination import (
    cut_page,
    decode_cursor,
    encode_cursor,
    id_after,
    invalid_cursor,
)
from hireline.core.principal import Principal
from hireline.core.sql import contains_pattern
from hireline.jobs import service as jobs
from hireline.jobs.models import PipelineStage
from hireline.matching import reasons
from hireline.matching.models import MatchScore
from hireline.matching.schemas import MatchSummary
from hireline.resumes.taxonomy import load_taxonomy

ApplicationSort = Literal["newest", "match"]


async def get(session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID) -> Candidate:
    candidate = await session.get(Candidate, (tenant_id, candidate_id))
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
    query = select(Candidate).where(Candidate.tenant_id == tenant_id, Candidate.erased_at.is_(None))
    if among_jobs is not None:
        query = query.where(
            select(Application.id)
            .where(
                Application.tenant_id == tenant_id,
                Application.candidate_id == Candidate.id,
                Application.job_id.in_(among_jobs),
            )
            .exists()
        )
    if q:
        pattern = contains_pattern(q)
        query = query.where(or_(Candidate.name.ilike(pattern), Candidate.email.ilike(pattern)))
    if tag:
        query = query.where(Candidate.tags.contains([tag]))
    after = id_after(cursor)
    if after is not None:
        query = query.where(Candidate.id < after)
    result = await session.execute(query.order_by(Candidate.id.desc()).limit(limit + 1))
    return cut_page(list(result.scalars()), limit, lambda candidate: candidate.id)


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
    query = (
        select(Application, Candidate, PipelineStage, MatchScore.score, MatchScore.explanation)
        .join(
            Candidate,
            (Candidate.tenant_id == Application.tenant_id)
            & (Candidate.id == Application.candidate_id),
        )
        .outerjoin(
            PipelineStage,
            (PipelineStage.tenant_id == Application.tenant_id)
            & (PipelineStage.id == Application.stage_id),
        )
        .outerjoin(
            MatchScore,
            (MatchScore.tenant_id == Application.tenant_id)
            & (MatchScore.application_id == Application.id),
        )
        .where(Application.tenant_id == tenant_id, Application.job_id == job_id)
    )
    if stage_id is not None:
        query = query.where(Application.stage_id == stage_id)
    if status is not None:
        query = query.where(Application.status == status)
    if applied_from is not None:
        query = query.where(Application.applied_at >= applied_from)
    if applied_to is not None:
        query = query.where(Application.applied_at < applied_to)
    if sort == "match":
        return await _by_match(session, query, cursor, limit)
    after = id_after(cursor)
    if after is not None:
        query = query.where(Application.id < after)
    result = await session.execute(query.order_by(Application.id.desc()).limit(limit + 1))
    return cut_page([_listed(row) for row in result.all()], limit, lambda row: row[0].id)


# An application in a job's list: with its candidate, current stage and match summary.
ListedApplication = tuple[Application, Candidate, PipelineStage | None, MatchSummary | None]


def _listed(row: Any) -> ListedApplication:
    score, explanation = row[3], row[4]
    match = reasons.summary(score, explanation) if score is not None else None
    return (row[0], row[1], row[2], match)


async def _by_match(
    session: AsyncSession,
    query: Select[Any],
    cursor: str | None,
    limit: int,
) -> tuple[list[ListedApplication], str | None]:
    # The page's applications are picked from applications and scores alone (its filters are
    # all on applications), then joined to candidates: a few primary-key reads, whatever the
    # size of the candidates table. Unscored applications (worker not done) come last.
    score = func.coalesce(MatchScore.score, -1.0)
    top = (
        select(Application.id, score.label("score"))
        .outerjoin(
            MatchScore,
            (MatchScore.tenant_id == Application.tenant_id)
            & (MatchScore.job_id == Application.job_id)
            & (MatchScore.application_id == Application.id),
        )
        .where(query.whereclause if query.whereclause is not None else true())
    )
    if cursor is not None:
        last_score, last_id = decode_cursor(cursor, 2)
        try:
            after = (float(last_score), uuid.UUID(str(last_id)))
        except (TypeError, ValueError):
            raise invalid_cursor() from None
        top = top.where(tuple_(score, Application.id) < tuple_(literal(after[0]), after[1]))
    page = top.order_by(score.desc(), Application.id.desc()).limit(limit + 1).subquery()
    ranked = (
        query.add_columns(page.c.score)
        .join(page, Application.id == page.c.id)
        .order_by(page.c.score.desc(), Application.id.desc())
    )
    found = (await session.execute(ranked)).all()
    rows = [_listed(row) for row in found]
    if len(found) <= limit:
        return rows, None
    last, last_score = found[limit - 1][0], found[limit - 1][-1]
    return rows[:limit], encode_cursor(last_score, str(last.id))


async def resumes_of(session: AsyncSession, candidate: Candidate) -> list[Resume]:
    rows = await session.execute(
        select(Resume)
        .where(Resume.tenant_id == candidate.tenant_id, Resume.candidate_id == candidate.id)
        .order_by(Resume.id.desc())
    )
    return list(rows.scalars())


async def applications_of(session: AsyncSession, candidate: Candidate) -> list[Application]:
    rows = await session.execute(
        select(Application)
        .where(
            Application.tenant_id == candidate.tenant_id,
            Application.candidate_id == candidate.id,
        )
        .order_by(Application.id.desc())
    )
    return list(rows.scalars())


async def activities_of(session: AsyncSession, candidate: Candidate) -> list[Activity]:
    rows = await session.execute(
        select(Activity)
        .where(Activity.tenant_id == candidate.tenant_id, Activity.candidate_id == candidate.id)
        .order_by(Activity.id)
    )
    return list(rows.scalars())


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
    stored = await session.get(Resume, (tenant_id, resume_id))
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
    rows = await session.execute(
        select(
            Application.job_id,
            func.count(),
            func.count().filter(Application.applied_at >= since),
        )
        .where(
            Application.tenant_id == tenant_id,
            Application.job_id.in_(job_ids),
            Application.status == "active",
        )
        .group_by(Application.job_id)
    )
    return {job_id: (total, new) for job_id, total, new in rows.all()}


async def recent_activity(
    session: AsyncSession, tenant_id: uuid.UUID, *, limit: int
) -> list[tuple[Activity, str | None]]:
    """The tenant's latest activity with each candidate's name, newest first."""
    rows = await session.execute(
        select(Activity, Candidate.name)
        .join(
            Candidate,
            (Candidate.tenant_id == Activity.tenant_id) & (Candidate.id == Activity.candidate_id),
        )
        .where(Activity.tenant_id == tenant_id)
        .order_by(Activity.id.desc())
        .limit(limit)
    )
    return [(activity, name) for activity, name in rows.all()]


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
    job_id = (
        await session.execute(
            select(Application.job_id).where(
                Application.tenant_id == principal.tenant_id, Application.id == application_id
            )
        )
    ).scalar_one_or_none()
    if job_id is None or job_id not in visible:
        raise NotFound("No application with this id.")


async def require_candidate_visible(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID
) -> None:
    """NotFound unless the candidate applied to a job the principal may see."""
    visible = await jobs.visible_job_ids(session, principal)
    if visible is None:
        return
    found = await session.execute(
        select(Application.id)
        .where(
            Application.tenant_id == principal.tenant_id,
            Application.candidate_id == candidate_id,
            Application.job_id.in_(visible),
        )
        .limit(1)
    )
    if found.scalar_one_or_none() is None:
        raise NotFound("No candidate with this id.")


# --- For the offers domain: an application's facts, hiring, and closing a filled job. ---


async def get_application(
    session: AsyncSession, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> Application:
    """One application of the tenant; NotFound otherwise (for domains above candidates)."""
    application = await session.get(Application, (tenant_id, application_id))
    if application is None:
        raise NotFound("No application with this id.")
    return application
    """The tenant's application; NotFound for another tenant's or a missing one."""
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
    return int(
        (
            await session.execute(
                select(func.count()).where(
                    Application.tenant_id == tenant_id,
                    Application.job_id == job_id,
                    Application.status == status,
                )
            )
        ).scalar_one()
    )


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
    active = (
        await session.execute(
            select(Application)
            .where(
                Application.tenant_id == principal.tenant_id,
                Application.job_id == job_id,
                Application.status == "active",
            )
            .order_by(Application.id)
            .with_for_update()
        )
    ).scalars()
    details: dict[str, Any] = {
        "reason": reason,
        "reason_label": label,
        "notify_candidate": notify_candidate,
    }
    if note:
        details["note"] = note
    return [
        await pipeline.finish(session, principal, application.id, "rejected", dict(details))
        for application in list(active)
    ]


async def stage_counts(
    session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID
) -> dict[uuid.UUID | None, int]:
    """A job's active applications per stage (one query; the board's column headers)."""
    rows = await session.execute(
        select(Application.stage_id, func.count())
        .where(
            Application.tenant_id == tenant_id,
            Application.job_id == job_id,
            Application.status == "active",
        )
        .group_by(Application.stage_id)
    )
    return {stage_id: int(count) for stage_id, count in rows.all()}


class BoardColumn:
    """The first page of one stage's active applicants, best match first, and their count."""

    __slots__ = ("keys", "next_cursor", "rows", "total")

    def __init__(self) -> None:
        self.rows: list[ListedApplication] = []
        self.keys: list[float] = []
        self.next_cursor: str | None = None
        self.total = 0


async def board_columns(
    session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID, *, per_stage: int
) -> dict[uuid.UUID | None, BoardColumn]:
    """Every stage's first `per_stage` active applicants by match, in one statement.

    The board's first screen: a window over the job's active applications and their scores
    ranks and counts each stage at once (one pass over the job, not one per column); only the
    shown rows are joined to candidates. Each column's cursor continues as
    `applications_of_job(sort="match")` pages do.
    """
    score = func.coalesce(MatchScore.score, -1.0)
    ranked = (
        select(
            Application.id.label("id"),
            Application.stage_id.label("stage_id"),
            score.label("score"),
            func.row_number()
            .over(partition_by=Application.stage_id, order_by=(score.desc(), Application.id.desc()))
            .label("rank"),
            func.count().over(partition_by=Application.stage_id).label("total"),
        )
        .outerjoin(
            MatchScore,
            (MatchScore.tenant_id == Application.tenant_id)
            & (MatchScore.job_id == Application.job_id)
            & (MatchScore.application_id == Application.id),
        )
        .where(
            Application.tenant_id == tenant_id,
            Application.job_id == job_id,
            Application.status == "active",
        )
        .subquery()
    )
    # Two statements: the ranks alone (a pass over the job), then the shown rows by key; one
    # statement lets the planner hash-join every candidate of the job for a hundred rows.
    picked = (
        await session.execute(
            select(ranked.c.id, ranked.c.score, ranked.c.rank, ranked.c.total).where(
                ranked.c.rank <= per_stage + 1
            )
        )
    ).all()
    keys = {row.id: (float(row.score), int(row.rank), int(row.total)) for row in picked}
    rows = await session.execute(
        select(Application, Candidate, MatchScore.score, MatchScore.explanation)
        .join(
            Candidate,
            (Candidate.tenant_id == Application.tenant_id)
            & (Candidate.id == Application.candidate_id),
        )
        .outerjoin(
            MatchScore,
            (MatchScore.tenant_id == Application.tenant_id)
            & (MatchScore.application_id == Application.id),
        )
        .where(Application.tenant_id == tenant_id, Application.id.in_(list(keys)))
    )
    ordered = sorted(rows.all(), key=lambda row: (str(row[0].stage_id), keys[row[0].id][1]))
    columns: dict[uuid.UUID | None, BoardColumn] = {}
    for application, candidate, stored, explanation in ordered:
        key, rank, total = keys[application.id]
        column = columns.setdefault(application.stage_id, BoardColumn())
        column.total = total
        if rank > per_stage:
            column.next_cursor = encode_cursor(column.keys[-1], str(column.rows[-1][0].id))
            continue
        match = reasons.summary(stored, explanation) if stored is not None else None
        column.rows.append((application, candidate, None, match))
        column.keys.append(key)
    return columns


# For the web app: the board's, the candidate page's and the sourcing screen's actions.
# Appended apart from the code above so that the parallel refactor of this room merges
# cleanly. The modules behind these import this one, so they are imported when called; the
# types are imported for the type checker alone (the lead hoists that import at merge).
import typing  # noqa: E402

if typing.TYPE_CHECKING:
    from collections.abc import Iterable

    from fastapi import UploadFile

    from hireline.candidates.bulk import Outcome
    from hireline.candidates.schemas import CandidateAdd
    from hireline.candidates.sourcing import Added
    from hireline.candidates.uploads import CheckedFile
    from hireline.core.storage import FileStorage


def bulk_limit() -> int:
    """How many applications one bulk action takes at most."""
    from hireline.candidates import bulk

    return bulk.MAX_SELECTED


async def move_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID, stage_id: uuid.UUID
) -> Application:
    """Move one application to another stage of its job."""
    return await pipeline.move(session, principal, application_id, stage_id)


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
