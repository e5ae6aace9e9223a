"""Jobs: creation (optionally from a role template), edits, lifecycle and salary checks."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Literal, TypeAlias

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core import events
from hireline.core.change_feed import announce
from hireline.core.errors import Conflict, NotFound, ValidationFailed
from hireline.core.pagination import cut_page, id_after
from hireline.core.principal import Principal
from hireline.guides.rendering import render
from hireline.guides.salaries import service as salaries
from hireline.guides.templates import service as guides
from hireline.guides.templates.content import Level, RoleTemplate
from hireline.identity.audit import service as audit
from hireline.identity.members import service as team_members
from hireline.identity.organization import service as organization
from hireline.identity.permissions import sees_only_own_jobs
from hireline.jobs import stage_removal
from hireline.jobs.events import EVENT_FOR_STATUS, JOBS_CHANGED_TOPIC, JobEvent
from hireline.jobs.models import HiringTeamMember, Job, PipelineStage
from hireline.jobs.repository import JobRepository
from hireline.jobs.schemas import (
    DEFAULT_STAGES,
    JobCreate,
    JobUpdate,
    StageEdit,
    StageMove,
    TeamMember,
)
from hireline.jobs.stages import kind_for
from hireline.jobs.template_skills import template_skills

# The rows this service hands to other rooms: theirs to read, changed only through here.
JobRow: TypeAlias = Job
StageRow: TypeAlias = PipelineStage
TeamMemberRow: TypeAlias = HiringTeamMember

# For the rooms above that point at stages (candidates, interviews): see `stage_removal`.
StageHolder = stage_removal.Holder
plug_stage_holder = stage_removal.plug_holder
plug_stage_unlinker = stage_removal.plug_unlinker

Transition = Literal["publish", "pause", "close"]
DEFAULT_LEVEL: Level = "mid"
# The lifecycle: which states each transition may start from, and where it leads.
TRANSITIONS: dict[Transition, tuple[frozenset[str], str]] = {
    "publish": (frozenset({"draft", "paused"}), "open"),
    "pause": (frozenset({"open"}), "paused"),
    "close": (frozenset({"open", "paused"}), "closed"),
}


def _repository(session: AsyncSession, tenant_id: uuid.UUID) -> JobRepository:
    """The session's job repository, which must work for `tenant_id` (the caller's)."""
    jobs = JobRepository(session)
    if jobs.tenant_id != tenant_id:
        raise NotFound("No job with this id.")
    return jobs


async def refreshed(session: AsyncSession, job: Job) -> Job:
    """`job` with what the database filled in on insert (timestamps, defaults)."""
    await JobRepository(session).refresh(job)
    return job


async def get(session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID) -> Job:
    """The tenant's job; NotFound for another tenant's or a missing one."""
    job = await _repository(session, tenant_id).get(job_id)
    if job is None:
        raise NotFound("No job with this id.")
    return job


async def stages_of(session: AsyncSession, job: Job) -> list[PipelineStage]:
    return (await stages_by_job(session, job.tenant_id, [job.id])).get(job.id, [])


async def team_of(session: AsyncSession, job: Job) -> list[HiringTeamMember]:
    return (await team_by_job(session, job.tenant_id, [job.id])).get(job.id, [])


async def stages_by_job(
    session: AsyncSession, tenant_id: uuid.UUID, job_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[PipelineStage]]:
    """The stages of several jobs in one query, each job's in order."""
    grouped: dict[uuid.UUID, list[PipelineStage]] = {}
    for stage in await _repository(session, tenant_id).stages(job_ids):
        grouped.setdefault(stage.job_id, []).append(stage)
    return grouped


async def team_by_job(
    session: AsyncSession, tenant_id: uuid.UUID, job_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[HiringTeamMember]]:
    """The hiring teams of several jobs in one query."""
    grouped: dict[uuid.UUID, list[HiringTeamMember]] = {}
    for member in await _repository(session, tenant_id).teams(job_ids):
        grouped.setdefault(member.job_id, []).append(member)
    return grouped


async def stages_by_id(
    session: AsyncSession, tenant_id: uuid.UUID, stage_ids: set[uuid.UUID]
) -> dict[uuid.UUID, PipelineStage]:
    """Stages by id, whatever their jobs, in one query."""
    if not stage_ids:
        return {}
    found = await _repository(session, tenant_id).stages_by_id(stage_ids)
    return {stage.id: stage for stage in found}


async def stage_of_job(
    session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID, stage_id: uuid.UUID
) -> PipelineStage | None:
    """The stage, if it is one of the job's."""
    return await _repository(session, tenant_id).stage_of_job(job_id, stage_id)


async def _set_team(
    session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID, team: list[TeamMember]
) -> None:
    wanted = {member.user_id: member.role for member in team}
    if wanted:
        members = await team_members.members_among(session, set(wanted))
        strangers = [str(user_id) for user_id in wanted if user_id not in members]
        if strangers:
            raise ValidationFailed(
                "Hiring team members must belong to your organisation.",
                errors=[
                    {"loc": ["body", "hiring_team"], "msg": f"not a member: {s}", "type": "member"}
                    for s in strangers
                ],
            )
    await _repository(session, tenant_id).clear_team(job_id)
    session.add_all(
        HiringTeamMember(tenant_id=tenant_id, job_id=job_id, user_id=user_id, role=role)
        for user_id, role in wanted.items()
    )


def _stage_problem(loc: list[str | int], msg: str, kind: str) -> ValidationFailed:
    return ValidationFailed(
        "The pipeline stages are not valid.",
        errors=[{"loc": ["body", *loc], "msg": msg, "type": kind}],
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun if count != 1 else noun.removesuffix('s')}"


async def _set_stages(
    session: AsyncSession,
    principal: Principal,
    job: Job,
    entries: list[str | StageEdit],
    moves: list[StageMove] | None = None,
) -> None:
    """Make the job's pipeline `entries`, in order. A stage keeps its identity (and so its
    applications) when named by id, or by its current name; one left out is removed, and
    must be given a stage to move its applications to when it holds any. Everything is
    checked before anything changes."""
    edits = [StageEdit(name=entry) if isinstance(entry, str) else entry for entry in entries]
    if len({edit.name.lower() for edit in edits}) != len(edits):
        raise ValidationFailed(
            "Stage names must be unique.",
            errors=[
                {
                    "loc": ["body", "stages"],
                    "msg": "Two stages cannot have the same name.",
                    "type": "unique",
                }
            ],
        )
    existing = await stages_of(session, job)
    by_id = {stage.id: stage for stage in existing}
    claimed: set[uuid.UUID] = set()
    for index, edit in enumerate(edits):
        if edit.id is None:
            continue
        if edit.id not in by_id:
            raise _stage_problem(["stages", index, "id"], "not a stage of this job", "id")
        if edit.id in claimed:
            raise _stage_problem(["stages", index, "id"], "stage given twice", "unique")
        claimed.add(edit.id)
    # A name alone keeps the stage of that name, unless that stage was claimed by id.
    by_name = {stage.name.lower(): stage for stage in existing if stage.id not in claimed}
    planned: list[tuple[PipelineStage | None, str]] = []
    for edit in edits:
        stage = by_id[edit.id] if edit.id is not None else by_name.pop(edit.name.lower(), None)
        planned.append((stage, edit.name))
    kept = {stage.id for stage, _ in planned if stage is not None}
    removed = {stage.id: stage for stage in existing if stage.id not in kept}
    targets: dict[uuid.UUID, uuid.UUID] = {}
    for index, move in enumerate(moves or []):
        if move.stage_id not in removed:
            raise _stage_problem(
                ["stage_moves", index, "stage_id"], "not a stage being removed", "stage"
            )
        if move.to_stage_id not in kept:
            raise _stage_problem(
                ["stage_moves", index, "to_stage_id"], "not a stage of this job that stays", "stage"
            )
        targets[move.stage_id] = move.to_stage_id
    holding = await stage_removal.held(session, job.tenant_id, set(removed))
    for stage_id, stage in removed.items():
        if stage_id in holding and stage_id not in targets:
            what = " and ".join(_plural(count, noun) for noun, count in holding[stage_id])
            raise Conflict(
                f"The stage “{stage.name}” holds {what}: choose the stage they move "
                "to before removing it.",
                field="stages",
                stage_id=str(stage_id),
                stage=stage.name,
                held=dict(holding[stage_id]),
            )
    for position, (stage, name) in enumerate(planned):
        if stage is None:
            stage = PipelineStage(
                tenant_id=job.tenant_id, job_id=job.id, name=name, kind=kind_for(name, position)
            )
            session.add(stage)
        stage.name = name
        stage.position = position
        # A kind follows from the name and the place, as when the stage was made: a stage
        # renamed "Offer" takes offers, and the first stage is where applications land.
        stage.kind = kind_for(name, position)
    await session.flush()
    await stage_removal.move_and_unlink(session, principal, set(removed), targets)
    for stage in removed.values():
        await session.delete(stage)


async def salary_warnings(session: AsyncSession, job: Job) -> list[str]:
    """Where the job's salary falls outside the benchmark band of its level and location."""
    if job.salary_min is None or job.salary_max is None or job.level is None:
        return []
    role = job.template_key
    if role is None:
        return []
    warnings = []
    locations = {loc.get("salary_location") or "us-national" for loc in job.locations}
    for location in sorted(locations):
        try:
            band = await salaries.band(
                session,
                job.tenant_id,
                salaries.BandQuery(role=role, level=job.level, location=location),  # type: ignore[arg-type]
            )
        except NotFound:
            continue
        if job.salary_min < band.base_min or job.salary_max > band.base_max:
            warnings.append(
                f"The salary {job.salary_min:,}-{job.salary_max:,} {job.salary_currency} is "
                f"outside the {band.level} benchmark for {band.location_name} "
                f"({band.base_min:,}-{band.base_max:,} {band.currency}, {band.origin})."
            )
    return warnings


def _default_level(template: RoleTemplate) -> Level:
    """The level a job from `template` gets when none is asked for: mid, the common hire."""
    return (
        DEFAULT_LEVEL if DEFAULT_LEVEL in template.levels else template.compensation.reference_level
    )


async def create(session: AsyncSession, principal: Principal, body: JobCreate) -> Job:
    """A draft job with its stages and team; the description can come from a template."""
    title = body.title
    description = body.description
    level = body.level
    required_skills = list(dict.fromkeys(body.required_skills))
    preferred_skills = list(dict.fromkeys(body.preferred_skills))
    template_ref: tuple[str, int, str] | None = None
    if body.from_template is not None:
        resolved = await guides.get(
            session,
            principal.tenant_id,
            body.from_template.template,
            version=body.from_template.version,
        )
        level = level or _default_level(resolved.template)
        location = next(
            (loc.salary_location for loc in body.locations if loc.salary_location), "us-national"
        )
        request = render.GuideRequest(
            resolved.template,
            resolved.version,
            resolved.origin,
            level,
            body.from_template.industry,
            body.from_template.context,
            location,
        )
        guide = render.build(
            request, salaries.built_in_band(resolved.template, render.band_query(request))
        )
        description = description or render.job_description(guide)
        title = title or resolved.template.levels[level].title
        template_ref = (resolved.template.key, resolved.version, resolved.origin)
        # Skills given with the request win; otherwise the template's.
        template_required, template_preferred = template_skills(resolved.template)
        required_skills = required_skills or template_required
        preferred_skills = preferred_skills or [
            skill for skill in template_preferred if skill not in required_skills
        ]
    assert title is not None
    assert description is not None
    job = Job(
        tenant_id=principal.tenant_id,
        title=title,
        department=body.department,
        locations=[loc.model_dump() for loc in body.locations],
        employment_type=body.employment_type,
        level=level,
        salary_min=body.salary.min if body.salary else None,
        salary_max=body.salary.max if body.salary else None,
        salary_currency=body.salary.currency if body.salary else None,
        description=description,
        required_skills=required_skills,
        preferred_skills=preferred_skills,
        skill_weights=body.skill_weights,
        min_years_experience=body.min_years_experience,
        openings=body.openings,
        template_key=template_ref[0] if template_ref else None,
        template_version=template_ref[1] if template_ref else None,
        template_origin=template_ref[2] if template_ref else None,
        valid_through=body.valid_through,
        created_by=principal.id,
    )
    session.add(job)
    await session.flush()
    await organization.adopt_first_job_country(
        session, principal.tenant_id, next((loc.country for loc in body.locations), None)
    )
    await _set_stages(session, principal, job, list(body.stages or DEFAULT_STAGES))
    await _set_team(session, principal.tenant_id, job.id, body.hiring_team)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="job.created",
        target_type="job",
        target_id=job.id,
    )
    return job


async def update(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, body: JobUpdate
) -> Job:
    """Apply the fields given; a closed job can no longer change."""
    job = await get(session, principal.tenant_id, job_id)
    if job.status == "closed":
        raise Conflict("A closed job cannot be edited.")
    changes = body.model_dump(exclude_unset=True)
    for name in (
        "title",
        "department",
        "employment_type",
        "level",
        "description",
        "valid_through",
        "min_years_experience",
        "openings",
    ):
        if name in changes:
            setattr(job, name, changes[name])
    if body.locations is not None:
        job.locations = [loc.model_dump() for loc in body.locations]
    if "salary" in changes:
        job.salary_min = body.salary.min if body.salary else None
        job.salary_max = body.salary.max if body.salary else None
        job.salary_currency = body.salary.currency if body.salary else None
    if body.required_skills is not None:
        job.required_skills = list(dict.fromkeys(body.required_skills))
    if body.preferred_skills is not None:
        job.preferred_skills = list(dict.fromkeys(body.preferred_skills))
    if body.skill_weights is not None:
        job.skill_weights = body.skill_weights
    if body.stages is not None:
        await _set_stages(session, principal, job, body.stages, body.stage_moves)
    elif body.stage_moves:
        raise _stage_problem(["stage_moves"], "moves go with the stages they remove", "stage")
    if body.hiring_team is not None:
        await _set_team(session, principal.tenant_id, job.id, body.hiring_team)
    job.updated_at = datetime.now(UTC)
    await session.flush()
    await announce(session, JOBS_CHANGED_TOPIC, str(job.tenant_id))
    await events.record(
        session,
        type=JobEvent.UPDATED,
        payload={"job_id": str(job.id), "fields": sorted(changes)},
        tenant_id=job.tenant_id,
    )
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="job.updated",
        target_type="job",
        target_id=job.id,
        details={"fields": sorted(changes)},
    )
    return job


async def transition(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, move: Transition
) -> Job:
    """Move a job through its lifecycle; a move its state does not allow is a 409."""
    job = await get(session, principal.tenant_id, job_id)
    sources, target = TRANSITIONS[move]
    if job.status not in sources:
        raise Conflict(
            f"A {job.status} job cannot be {move}d; allowed from: {', '.join(sorted(sources))}.",
            job_status=job.status,
        )
    now = datetime.now(UTC)
    job.status = target
    job.updated_at = now
    if target == "open" and job.published_at is None:
        job.published_at = now
    if target == "closed":
        job.closed_at = now
    await session.flush()
    await announce(session, JOBS_CHANGED_TOPIC, str(job.tenant_id))
    await events.record(
        session,
        type=EVENT_FOR_STATUS[target],
        payload={"job_id": str(job.id), "title": job.title, "status": target},
        tenant_id=job.tenant_id,
    )
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action=f"job.{move}ed",
        target_type="job",
        target_id=job.id,
    )
    return job


async def remove(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> None:
    """Delete a draft; a job that was ever published is closed instead, keeping its history."""
    job = await get(session, principal.tenant_id, job_id)
    if job.status != "draft":
        raise Conflict("Only drafts can be deleted; close a published job instead.")
    await session.delete(job)
    await announce(session, JOBS_CHANGED_TOPIC, str(job.tenant_id))
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="job.deleted",
        target_type="job",
        target_id=job_id,
    )


async def page(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    status: str | None,
    cursor: str | None,
    limit: int,
    among: frozenset[uuid.UUID] | None = None,
    title: str | None = None,
    department: str | None = None,
) -> tuple[list[Job], str | None]:
    """Jobs newest first, a page at a time (only those `among`, when given), narrowed to a
    status, a title holding `title` and a department when given."""
    jobs = await _repository(session, tenant_id).page(
        status=status,
        after=id_after(cursor),
        limit=limit + 1,
        among=among,
        title=title,
        department=department,
    )
    return cut_page(jobs, limit, lambda job: job.id)


async def departments(
    session: AsyncSession, tenant_id: uuid.UUID, among: frozenset[uuid.UUID] | None = None
) -> list[str]:
    """The departments of the tenant's jobs (only those `among`, when given), sorted."""
    return await _repository(session, tenant_id).departments(among)


async def visible_job_ids(
    session: AsyncSession, principal: Principal
) -> frozenset[uuid.UUID] | None:
    """The jobs a hiring manager or interviewer is on the team of; None: every job."""
    if not sees_only_own_jobs(principal.kind, principal.role):
        return None
    jobs = _repository(session, principal.tenant_id)
    return await jobs.jobs_of_member(uuid.UUID(principal.id))


async def require_visible(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> None:
    """NotFound (as for another organisation's job) unless the principal may see the job."""
    visible = await visible_job_ids(session, principal)
    if visible is not None and job_id not in visible:
        raise NotFound("No job with this id.")


# --- For the offers domain: the job's salary band, and closing it once it is filled. ---


def salary_query(job: Job) -> salaries.BandQuery | None:
    """What the job's band is looked up by (role template, level, first salary location), or
    None when the job lacks a template or a level."""
    if job.template_key is None or job.level is None:
        return None
    location = next(
        (loc.get("salary_location") for loc in job.locations if loc.get("salary_location")),
        "us-national",
    )
    return salaries.BandQuery(role=job.template_key, level=job.level, location=location)  # type: ignore[arg-type]


async def salary_band(session: AsyncSession, job: Job) -> salaries.SalaryBandResult | None:
    """The job's band as the hiring guide explains it; None when there is none to compare."""
    query = salary_query(job)
    if query is None:
        return None
    try:
        return await salaries.band(session, job.tenant_id, query)
    except NotFound:
        return None


async def close_if_filled(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, hired: int
) -> bool:
    """Close the job (`job.closed`) when `hired` people fill its openings; True if it closed."""
    job = await get(session, principal.tenant_id, job_id)
    if hired < job.openings or job.status not in TRANSITIONS["close"][0]:
        return False
    await transition(session, principal, job_id, "close")
    return True


# --- For the matching domain: jobs as they are stored now. ---


async def all_job_ids(session: AsyncSession, tenant_id: uuid.UUID) -> list[uuid.UUID]:
    """Every job of the tenant, in id order."""
    return await _repository(session, tenant_id).ids()


async def fresh_jobs(
    session: AsyncSession, tenant_id: uuid.UUID, job_ids: set[uuid.UUID]
) -> dict[uuid.UUID, Job]:
    """The jobs by id as stored now, read again even if the session holds them."""
    if not job_ids:
        return {}
    return {job.id: job for job in await _repository(session, tenant_id).fresh(job_ids)}


# --- For the board: open jobs, as the public may see them. ---


async def open_jobs(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    q: str | None,
    department: str | None,
    location: str | None,
    remote: bool | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Job], str | None]:
    """The tenant's open jobs, newest first: `q` in title, department or description,
    `department` as named (any case), `location` anywhere in the places, remote or not."""
    found = await _repository(session, tenant_id).open_jobs(
        q=q,
        department=department,
        location=location,
        remote=remote,
        after=id_after(cursor),
        limit=limit + 1,
    )
    return cut_page(found, limit, lambda job: job.id)
