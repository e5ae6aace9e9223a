"""Acting on many applications of one job at once: move, reject, undo, e-mail.

Each is done one by one through the pipeline's own rules; an application that may not take
the action (already rejected, in another job) is skipped and reported, not an error for the
rest.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import pipeline, rejection_reasons
from hireline.candidates.models import Activity, Application
from hireline.core.errors import Conflict, NotFound, ValidationFailed
from hireline.core.principal import Principal

MAX_SELECTED = 200
MESSAGE_SENT = "message.sent"


@dataclass
class Outcome:
    """Which applications took the action, and which were left as they were (and why)."""

    done: list[Application] = field(default_factory=list)
    skipped: list[tuple[uuid.UUID, str]] = field(default_factory=list)


def _checked(ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    unique = list(dict.fromkeys(ids))
    if not unique:
        raise ValidationFailed(
            "Select at least one applicant.",
            errors=[{"loc": ["body", "application_ids"], "msg": "empty", "type": "selection"}],
        )
    if len(unique) > MAX_SELECTED:
        raise ValidationFailed(
            f"Select at most {MAX_SELECTED} applicants at a time.",
            errors=[{"loc": ["body", "application_ids"], "msg": "too many", "type": "selection"}],
        )
    return unique


async def _each(
    session: AsyncSession,
    principal: Principal,
    job_id: uuid.UUID,
    ids: Iterable[uuid.UUID],
    act: Callable[[uuid.UUID], Awaitable[Application]],
) -> Outcome:
    outcome = Outcome()
    for application_id in _checked(ids):
        try:
            application = await pipeline.get(session, principal.tenant_id, application_id)
            if application.job_id != job_id:
                raise NotFound("Not an application of this job.")
            outcome.done.append(await act(application_id))
        except (Conflict, NotFound, ValidationFailed) as exc:
            outcome.skipped.append((application_id, str(exc)))
    return outcome


async def move(
    session: AsyncSession,
    principal: Principal,
    job_id: uuid.UUID,
    ids: Iterable[uuid.UUID],
    stage_id: uuid.UUID,
) -> Outcome:
    return await _each(
        session,
        principal,
        job_id,
        ids,
        lambda application_id: pipeline.move(session, principal, application_id, stage_id),
    )


async def reject(
    session: AsyncSession,
    principal: Principal,
    job_id: uuid.UUID,
    ids: Iterable[uuid.UUID],
    *,
    reason: str,
    notify_candidate: bool,
    note: str | None = None,
) -> Outcome:
    """Reject with a reason of the organisation's list; mail the candidates if asked."""
    reasons = await rejection_reasons.reasons_of(session, principal.tenant_id)
    if reason not in reasons.labels:
        raise ValidationFailed(
            "Pick one of your organisation's rejection reasons.",
            errors=[{"loc": ["body", "reason"], "msg": "unknown reason", "type": "reason"}],
        )
    details: dict[str, Any] = {
        "reason": reason,
        "reason_label": reasons.labels[reason],
        "notify_candidate": notify_candidate,
    }
    if note:
        details["note"] = note
    return await _each(
        session,
        principal,
        job_id,
        ids,
        lambda application_id: pipeline.finish(
            session, principal, application_id, "rejected", dict(details)
        ),
    )


async def undo_rejections(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, ids: Iterable[uuid.UUID]
) -> Outcome:
    return await _each(
        session,
        principal,
        job_id,
        ids,
        lambda application_id: pipeline.undo_rejection(session, principal, application_id),
    )


async def record_message(
    session: AsyncSession, principal: Principal, application: Application, subject: str
) -> None:
    """The timeline says a message was sent (its subject; the text is in the mail)."""
    session.add(
        Activity(
            tenant_id=application.tenant_id,
            candidate_id=application.candidate_id,
            application_id=application.id,
            actor_type=principal.kind,
            actor_id=principal.id,
            kind=MESSAGE_SENT,
            details={"subject": subject},
        )
    )
    await session.flush()


async def applications(
    session: AsyncSession, principal: Principal, job_id: uuid.UUID, ids: Iterable[uuid.UUID]
) -> Outcome:
    """The selected applications of the job (for e-mailing them), the others skipped."""

    async def found(application_id: uuid.UUID) -> Application:
        return await pipeline.get(session, principal.tenant_id, application_id)

    return await _each(session, principal, job_id, ids, found)
