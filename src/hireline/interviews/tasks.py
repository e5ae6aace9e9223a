"""Interview jobs: invitations on each scheduling event, and reminders to score.

One job per recipient (as notifications does): a job retried after a failure mails only the
person it is for, under the same Message-ID.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from procrastinate import JobContext
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.events import CandidateEvent
from hireline.core import events
from hireline.core.events import DomainEvent
from hireline.core.queue import DEFAULT_RETRY, defer, job_unit_of_work, queue, worker_state
from hireline.identity.organization import service as tenants
from hireline.interviews import invitations
from hireline.interviews.events import InterviewEvent
from hireline.interviews.repository import InterviewRepository
from hireline.notifications import service as notifications

logger = structlog.get_logger(__name__)

INTERVIEWS_QUEUE = "notifications"
REMIND_AFTER = timedelta(hours=24)


def _tenant(event: DomainEvent) -> uuid.UUID:
    if event.tenant_id is None:
        raise ValueError(f"event {event.id} ({event.type}) belongs to no tenant")
    return event.tenant_id


async def _invite_everyone(
    session: AsyncSession, event: DomainEvent, method: str, recipients: list[str]
) -> None:
    for recipient in recipients:
        await defer(
            session,
            send_invitation,
            tenant_id=str(_tenant(event)),
            facts=event.payload,
            method=method,
            recipient=recipient,
        )


@events.on(InterviewEvent.SCHEDULED, name="interviews.invite")
@events.on(InterviewEvent.RESCHEDULED, name="interviews.update")
async def send_invitations(event: DomainEvent, session: AsyncSession) -> None:
    """The panel and the candidate get the invitation (or its update); people taken off
    the panel get a cancellation."""
    panel = list(event.payload["interviewer_ids"])
    await _invite_everyone(session, event, "REQUEST", [*panel, invitations.CANDIDATE])
    await _invite_everyone(
        session, event, "CANCEL", event.payload.get("removed_interviewer_ids", [])
    )


@events.on(InterviewEvent.CANCELLED, name="interviews.cancel")
async def send_cancellations(event: DomainEvent, session: AsyncSession) -> None:
    """Everyone invited gets METHOD:CANCEL under the interview's UID."""
    panel = list(event.payload["interviewer_ids"])
    await _invite_everyone(session, event, "CANCEL", [*panel, invitations.CANDIDATE])


@events.on(CandidateEvent.CANDIDATE_ERASED, name="interviews.forget_candidate")
async def forget_erased_candidate(event: DomainEvent, session: AsyncSession) -> None:
    """An erased candidate's interview notes and summaries go too (ratings stay as numbers)."""
    candidate_id = event.payload.get("candidate_id")
    if candidate_id:
        await InterviewRepository(session).forget_candidate(uuid.UUID(candidate_id))


@queue.task(
    name="interviews.send_invitation",
    pass_context=True,
    retry=DEFAULT_RETRY,
    queue=INTERVIEWS_QUEUE,
)
async def send_invitation(
    context: JobContext, tenant_id: str, facts: dict[str, Any], method: str, recipient: str
) -> None:
    settings = worker_state(context).settings
    async with job_unit_of_work(context, tenant_id=uuid.UUID(tenant_id)) as session:
        message = await invitations.invitation(
            session,
            settings,
            uuid.UUID(tenant_id),
            facts,
            "CANCEL" if method == "CANCEL" else "REQUEST",
            recipient,
        )
    if message is not None and await notifications.deliver(settings, message):
        logger.info("interview_invitation_sent", method=method, message_id=message["Message-ID"])


async def queue_reminders(session: AsyncSession, now: datetime) -> int:
    """Queue a reminder for each panelist whose scorecard is missing a day after the
    interview, once (the panelist row remembers it); returns how many were queued."""
    repo = InterviewRepository(session)
    queued = 0
    for interview, panelist in await repo.awaiting_scorecards(now - REMIND_AFTER):
        if panelist.reminded_at is not None:
            continue
        panelist.reminded_at = now
        await defer(
            session,
            send_reminder,
            tenant_id=str(repo.tenant_id),
            facts={
                "interview_id": str(interview.id),
                "candidate_id": str(interview.candidate_id),
                "name": interview.name,
                "user_id": str(panelist.user_id),
            },
        )
        queued += 1
    await session.flush()
    return queued


@queue.task(
    name="interviews.send_reminder", pass_context=True, retry=DEFAULT_RETRY, queue=INTERVIEWS_QUEUE
)
async def send_reminder(context: JobContext, tenant_id: str, facts: dict[str, Any]) -> None:
    settings = worker_state(context).settings
    async with job_unit_of_work(context, tenant_id=uuid.UUID(tenant_id)) as session:
        message = await invitations.reminder(session, settings, uuid.UUID(tenant_id), facts)
    if message is not None:
        await notifications.deliver(settings, message)


@queue.periodic(cron="*/15 * * * *", periodic_id="interviews.remind")
@queue.task(name="interviews.remind_scorecards", pass_context=True, queue=INTERVIEWS_QUEUE)
async def remind_scorecards(context: JobContext, timestamp: int) -> None:
    """Every quarter of an hour: reminders for scorecards a day overdue, tenant by tenant."""
    async with job_unit_of_work(context) as session:
        tenant_ids = await tenants.all_ids(session)
    now = datetime.fromtimestamp(timestamp, UTC)
    for tenant_id in tenant_ids:
        async with job_unit_of_work(context, tenant_id=tenant_id) as session:
            await queue_reminders(session, now)
