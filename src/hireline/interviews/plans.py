"""A job's interview plan: which interviews, by whom, and with which kit.

The plan is made on first use (the first read, or the first interview scheduled) rather
than when the job is created: jobs sits below interviews and knows nothing of them, a plan
made on read exists at once (an event handler's would appear only after a worker ran),
and jobs created before interviews existed get one too (ADR 0020).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core import events
from hireline.core.errors import NotFound, ValidationFailed
from hireline.core.principal import Principal
from hireline.guides.templates import service as guides
from hireline.guides.templates.service import InterviewMaterial, KitQuestion
from hireline.identity.members import service as members
from hireline.interviews import kits
from hireline.interviews.events import InterviewEvent
from hireline.interviews.models import PlanInterview
from hireline.interviews.repository import InterviewRepository
from hireline.interviews.schemas import PlanWrite
from hireline.jobs import service as jobs


@dataclass(frozen=True)
class Plan:
    job_id: uuid.UUID
    interviews: list[PlanInterview]
    requirements: list[kits.Requirement]
    covered_by: dict[str, list[str]]

    @property
    def uncovered(self) -> list[kits.Requirement]:
        return [r for r in self.requirements if not self.covered_by.get(r.key)]


@dataclass(frozen=True)
class _Default:
    name: str
    stage_kind: str
    minutes: int
    team_roles: tuple[str, ...]


DEFAULT_PLAN = (
    _Default("Screen", "screen", 30, ("recruiter", "hiring_manager")),
    _Default("Technical", "interview", 60, ("interviewer",)),
    _Default("System design", "interview", 60, ("interviewer", "hiring_manager")),
    _Default("Behavioural", "interview", 45, ("hiring_manager",)),
)
_DESIGN = re.compile(r"(?i)design|architect|scal|system|model")


async def _unlink_stages(
    session: AsyncSession, tenant_id: uuid.UUID, stage_ids: set[uuid.UUID]
) -> None:
    await InterviewRepository.working_for(session, tenant_id).unlink_stages(stage_ids)


# A removed stage leaves the plan's interviews in it without a stage (valid, as for a job
# with no stage of their kind), rather than blocking the removal: the plan stays usable.
jobs.plug_stage_unlinker("plan interviews", _unlink_stages)


async def material_for(session: AsyncSession, job_id: uuid.UUID) -> InterviewMaterial | None:
    """The job's template's interview material for its level, if it came from one."""
    repo = InterviewRepository(session)
    job = await jobs.get(session, repo.tenant_id, job_id)
    if job.template_key is None:
        return None
    try:
        return await guides.interview_material(
            session, repo.tenant_id, job.template_key, job.template_version, job.level
        )
    except NotFound:  # the tenant's own template was deleted since
        return None


def _default_questions(material: InterviewMaterial) -> list[list[KitQuestion]]:
    """Screen: culture; technical: the non-design technical ones; system design: design
    ones (or the rest); behavioural: behavioural. Three questions each at most."""
    technical = [q for q in material.questions if q.category == "technical"]
    design = [q for q in technical if _DESIGN.search(f"{q.topic} {q.question}")]
    coding = [q for q in technical if q not in design] or technical
    design = design or technical[len(technical) // 2 :]
    return [
        [q for q in material.questions if q.category == "culture"][:2],
        coding[:3],
        design[:2],
        [q for q in material.questions if q.category == "behavioral"][:3],
    ]


async def _make_default(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> None:
    repo = InterviewRepository(session)
    job = await jobs.get(session, repo.tenant_id, job_id)
    material = await material_for(session, job_id)
    requirements = kits.requirements(job.required_skills, material)
    stages = await jobs.stages_of(session, job)
    team = await jobs.team_of(session, job)
    chosen = _default_questions(material) if material else [[] for _ in DEFAULT_PLAN]
    for position, (default, questions) in enumerate(zip(DEFAULT_PLAN, chosen, strict=True)):
        fitting = [s for s in stages if s.kind == default.stage_kind]
        # The first two rounds in the first stage of their kind, the later ones in the last
        # ("Technical interview", then "Onsite").
        stage = (fitting[0] if position < 2 else fitting[-1]) if fitting else None
        session.add(
            PlanInterview(
                tenant_id=repo.tenant_id,
                job_id=job_id,
                stage_id=stage.id if stage else None,
                name=default.name,
                position=position,
                duration_minutes=default.minutes,
                interviewer_ids=[m.user_id for m in team if m.role in default.team_roles],
                kit=kits.build(questions, requirements, material).dump(),
            )
        )
    await session.flush()


async def ensure(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> None:
    """Make the job's default plan unless it has one (NotFound for an unknown job)."""
    repo = InterviewRepository(session)
    await jobs.get(session, repo.tenant_id, job_id)
    if await repo.claim_plan(job_id, principal.id):
        await _make_default(session, principal, job_id)


async def get(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> Plan:
    """The job's plan with its requirements and which interviews rate each."""
    await ensure(session, principal, job_id)
    repo = InterviewRepository(session)
    job = await jobs.get(session, repo.tenant_id, job_id)
    interviews = await repo.plan_interviews(job_id)
    requirements = kits.requirements(job.required_skills, await material_for(session, job_id))
    covered_by: dict[str, list[str]] = {}
    for interview in interviews:
        for key in kits.Kit.load(interview.kit).attribute_keys():
            covered_by.setdefault(key, []).append(interview.name)
    return Plan(job_id, interviews, requirements, covered_by)


async def _check_members(
    session: AsyncSession, tenant_id: uuid.UUID, user_ids: set[uuid.UUID], loc: list[str | int]
) -> None:
    strangers = []
    for user_id in sorted(user_ids):
        try:
            await members.get_member(session, tenant_id, user_id)
        except NotFound:
            strangers.append(str(user_id))
    if strangers:
        raise ValidationFailed(
            "Interviewers must be members of your organisation.",
            errors=[{"loc": loc, "msg": f"not a member: {s}", "type": "member"} for s in strangers],
        )


async def replace(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, body: PlanWrite
) -> Plan:
    """Replace the plan's interviews; kits are rebuilt from the bank questions named."""
    await ensure(session, principal, job_id)
    repo = InterviewRepository(session)
    job = await jobs.get(session, repo.tenant_id, job_id)
    stage_ids = {stage.id for stage in await jobs.stages_of(session, job)}
    existing = {row.id: row for row in await repo.plan_interviews(job_id)}
    bank = {q.id: q for q in await guides.bank_questions(session, repo.tenant_id)}
    errors: list[dict[str, object]] = []
    for index, item in enumerate(body.interviews):
        loc: list[str | int] = ["body", "interviews", index]
        if item.id is not None and item.id not in existing:
            errors.append(
                {"loc": [*loc, "id"], "msg": "not an interview of this plan", "type": "id"}
            )
        if item.stage_id is not None and item.stage_id not in stage_ids:
            errors.append(
                {"loc": [*loc, "stage_id"], "msg": "not a stage of this job", "type": "id"}
            )
        errors.extend(
            {"loc": [*loc, "question_ids"], "msg": f"no question {qid!r}", "type": "id"}
            for qid in item.question_ids
            if qid not in bank
        )
    if len({item.name.lower() for item in body.interviews}) != len(body.interviews):
        errors.append({"loc": ["body", "interviews"], "msg": "duplicate name", "type": "unique"})
    if errors:
        raise ValidationFailed("The plan cannot be saved as it is.", errors=errors)
    await _check_members(
        session,
        repo.tenant_id,
        {u for item in body.interviews for u in item.interviewer_ids},
        ["body", "interviews"],
    )
    material = await material_for(session, job_id)
    requirements = kits.requirements(job.required_skills, material)
    keep: set[uuid.UUID] = set()
    for position, item in enumerate(body.interviews):
        row = existing.get(item.id) if item.id else None
        if row is None:
            row = PlanInterview(tenant_id=repo.tenant_id, job_id=job_id)
            session.add(row)
        row.name = item.name
        row.stage_id = item.stage_id
        row.position = position
        row.duration_minutes = item.duration_minutes
        row.interviewer_ids = list(dict.fromkeys(item.interviewer_ids))
        row.kit = kits.build([bank[q] for q in item.question_ids], requirements, material).dump()
        await session.flush()
        keep.add(row.id)
    for row_id, row in existing.items():
        if row_id not in keep:
            session.expunge(row)
    await repo.remove_plan_interviews(job_id, keep)
    await events.record(
        session,
        type=InterviewEvent.PLAN_UPDATED,
        payload={"job_id": str(job_id), "interviews": len(body.interviews)},
        tenant_id=repo.tenant_id,
    )
    return await get(session, principal, job_id)
