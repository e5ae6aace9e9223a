"""Moving applications through a job's pipeline, and the activity each move leaves."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.events import CandidateEvent
from hireline.candidates.models import Activity, Application
from hireline.candidates.privacy import kept_in_events
from hireline.candidates.repository import CandidateRepository
from hireline.core import events
from hireline.core.errors import Conflict, NotFound, ValidationFailed
from hireline.core.principal import Principal
from hireline.jobs import service as jobs


async def get(
    session: AsyncSession, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> Application:
    application = await CandidateRepository.working_for(session, tenant_id).application(
        application_id
    )
    if application is None:
        raise NotFound("No application with this id.")
    return application


async def stages_of(
    session: AsyncSession, tenant_id: uuid.UUID, applications: list[Application]
) -> dict[uuid.UUID, jobs.StageRow]:
    """The current stage of each application (by stage id), in one query."""
    ids = {a.stage_id for a in applications if a.stage_id is not None}
    return await jobs.stages_by_id(session, tenant_id, ids)


async def _record(
    session: AsyncSession,
    principal: Principal,
    application: Application,
    *,
    kind: str,
    event_type: CandidateEvent,
    details: dict[str, Any],
) -> None:
    session.add(
        Activity(
            tenant_id=application.tenant_id,
            candidate_id=application.candidate_id,
            application_id=application.id,
            actor_type=principal.kind,
            actor_id=principal.id,
            kind=kind,
            details=details,
        )
    )
    await session.flush()
    # The event (and every webhook made from it) carries ids and codes only: the note, the
    # reason's wording and the stage's name stay in the activity, which erasure empties.
    facts = {name: value for name, value in details.items() if kept_in_events(name)}
    await events.record(
        session,
        type=event_type,
        payload={
            "application_id": str(application.id),
            "candidate_id": str(application.candidate_id),
            "job_id": str(application.job_id),
            **facts,
        },
        tenant_id=application.tenant_id,
    )


def _require_active(application: Application, action: str) -> None:
    if application.status != "active":
        raise Conflict(
            f"The application is {application.status}; it cannot be {action}.",
            application_status=application.status,
        )


async def move(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID, stage_id: uuid.UUID
) -> Application:
    """Put an active application in another stage of its own job."""
    application = await get(session, principal.tenant_id, application_id)
    _require_active(application, "moved")
    stage = await jobs.stage_of_job(session, principal.tenant_id, application.job_id, stage_id)
    if stage is None:
        raise ValidationFailed(
            "That stage is not part of this application's job.",
            errors=[{"loc": ["body", "stage_id"], "msg": "unknown stage", "type": "stage"}],
        )
    if stage.id == application.stage_id:
        return application
    await _place(session, principal, application, stage, now=datetime.now(UTC))
    return application


class _Stage(Protocol):
    """A stage as the jobs service gives it: what a move records of it."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def name(self) -> str: ...


async def _place(
    session: AsyncSession,
    principal: Principal,
    application: Application,
    stage: _Stage,
    *,
    now: datetime,
    **why: Any,
) -> None:
    """Put the application in `stage`, recorded as a move (activity and event)."""
    previous = application.stage_id
    application.stage_id = stage.id
    application.updated_at = now
    await _record(
        session,
        principal,
        application,
        kind="application.moved",
        event_type=CandidateEvent.APPLICATION_STAGE_CHANGED,
        details={
            "from_stage_id": str(previous) if previous else None,
            "to_stage_id": str(stage.id),
            "to_stage": stage.name,
            **why,
        },
    )


async def move_out_of_removed(
    session: AsyncSession, principal: Principal, moves: dict[uuid.UUID, uuid.UUID]
) -> None:
    """Put the applications of stages being removed, whatever their status, in the stage
    `moves` names for each, each move recorded as a recruiter's move is (activity, event)."""
    repository = CandidateRepository.working_for(session, principal.tenant_id)
    targets = await jobs.stages_by_id(session, principal.tenant_id, set(moves.values()))
    now = datetime.now(UTC)
    for application in await repository.applications_in_stages(set(moves)):
        assert application.stage_id is not None
        stage = targets[moves[application.stage_id]]
        await _place(session, principal, application, stage, now=now, stage_removed=True)


async def finish(
    session: AsyncSession,
    principal: Principal,
    application_id: uuid.UUID,
    outcome: str,
    details: dict[str, Any] | None = None,
) -> Application:
    """End an active application as rejected, hired or withdrawn."""
    application = await get(session, principal.tenant_id, application_id)
    verb = {"rejected": "rejected", "hired": "hired", "withdrawn": "withdrawn"}[outcome]
    _require_active(application, verb)
    application.status = outcome
    application.updated_at = datetime.now(UTC)
    if outcome == "rejected" and details:
        application.rejection_reason = details.get("reason")
    event_type = {
        "rejected": CandidateEvent.APPLICATION_REJECTED,
        "hired": CandidateEvent.CANDIDATE_HIRED,
        "withdrawn": CandidateEvent.APPLICATION_WITHDRAWN,
    }[outcome]
    await _record(
        session,
        principal,
        application,
        kind=f"application.{outcome}",
        event_type=event_type,
        details=details or {},
    )
    return application


REOPENED = CandidateEvent.APPLICATION_REOPENED


async def undo_rejection(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> Application:
    """Make a rejected application active again, in the stage it was rejected from.

    The rejection e-mail, if one was asked for, is built only when it is due to be sent
    (`notifications.messages`): an application reopened before then is not mailed.
    """
    application = await get(session, principal.tenant_id, application_id)
    if application.status != "rejected":
        raise Conflict(
            f"The application is {application.status}; only a rejection can be undone.",
            application_status=application.status,
        )
    reason = application.rejection_reason
    application.status = "active"
    application.rejection_reason = None
    application.updated_at = datetime.now(UTC)
    await _record(
        session,
        principal,
        application,
        kind="application.reopened",
        event_type=REOPENED,
        details={"reason": reason},
    )
    return application


async def is_rejected(
    session: AsyncSession, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> bool:
    """Whether the application is (still) rejected; False when it is gone."""
    application = await CandidateRepository.working_for(session, tenant_id).application(
        application_id
    )
    return application is not None and application.status == "rejected"
