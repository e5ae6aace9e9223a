"""Notification jobs: event handlers that decide who is told, and the job that tells one person.

One `notifications.send` job per recipient rather than sending from the handler: a handler
that failed half-way through a hiring team would, on retry, mail again everyone it had
already reached; a job per message is retried alone. Deferred in the handler's transaction,
the jobs exist only if the handler commits, so a handler retried after an error queues its
messages once. A send job can still run twice (its worker died after the server took the
message but before the job was marked done): the message then carries the same Message-ID,
derived from the event and the recipient, which lets mail software and `FileMailer` drop the
copy.
"""

from __future__ import annotations

import uuid
from typing import Any

import structlog
from procrastinate import JobContext
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.candidates.annotations.events import AnnotationEvent
from hireline.candidates.events import CandidateEvent
from hireline.core import events
from hireline.core.errors import NotFound
from hireline.core.events import DomainEvent
from hireline.core.queue import (
    DEFAULT_RETRY,
    defer,
    job_settings,
    job_unit_of_work,
    queue,
    worker_state,
)
from hireline.jobs import service as jobs
from hireline.notifications import retention_messages  # noqa: F401  (registers its builder)
from hireline.notifications.erasure import forget_mail_about
from hireline.notifications.mailer import UndeliverableMessage, mailer_for
from hireline.notifications.messages import (
    ALREADY_APPLIED,
    APPLICATION_RECEIVED,
    APPLICATION_REJECTED,
    NEW_APPLICATION,
    NOTE_MENTION,
    Draft,
    build,
    build_account_message,
    event_key,
)

logger = structlog.get_logger(__name__)

NOTIFICATIONS_QUEUE = "notifications"


async def enqueue(session: AsyncSession, draft: Draft, *, delay_seconds: int = 0) -> None:
    """Queue one message in the session's transaction; it is sent only if that commits."""
    await defer(
        session,
        send,
        options={"schedule_in": {"seconds": delay_seconds}} if delay_seconds > 0 else None,
        tenant_id=str(draft.tenant_id),
        kind=draft.kind,
        key=draft.key,
        params=draft.params,
    )


@queue.task(
    name="notifications.send", pass_context=True, retry=DEFAULT_RETRY, queue=NOTIFICATIONS_QUEUE
)
async def send(
    context: JobContext, tenant_id: str, kind: str, key: str, params: dict[str, Any]
) -> None:
    """Build one message from the current data and hand it to the configured mailer."""
    settings = worker_state(context).settings
    draft = Draft(tenant_id=uuid.UUID(tenant_id), kind=kind, key=key, params=params)
    async with job_unit_of_work(context, tenant_id=draft.tenant_id) as session:
        message = await build(session, settings, draft)
    if message is None:
        return
    # Outside the transaction: a slow mail server holds no database connection.
    try:
        await mailer_for(settings).send(message)
    except UndeliverableMessage as exc:
        logger.warning("notification_undeliverable", kind=kind, error=str(exc))
        return
    logger.info("notification_sent", kind=kind, message_id=message["Message-ID"])


@queue.task(
    name="notifications.send_account",
    pass_context=True,
    retry=DEFAULT_RETRY,
    queue=NOTIFICATIONS_QUEUE,
)
async def send_account(context: JobContext, kind: str, user_id: str) -> None:
    """Write one message about a person's own account (its link made now) and send it."""
    settings = worker_state(context).settings
    async with job_unit_of_work(context) as session:
        message = await build_account_message(session, settings, kind, uuid.UUID(user_id))
    if message is None:
        return
    try:
        await mailer_for(settings).send(message)
    except UndeliverableMessage as exc:
        logger.warning("notification_undeliverable", kind=kind, error=str(exc))
        return
    logger.info("notification_sent", kind=kind, message_id=message["Message-ID"])


async def enqueue_account(session: AsyncSession, kind: str, user_id: uuid.UUID) -> None:
    """Queue a message to a person about their account, sent only if the session commits."""
    await defer(session, send_account, kind=kind, user_id=str(user_id))


def _application_facts(event: DomainEvent) -> dict[str, Any]:
    return {name: event.payload[name] for name in ("application_id", "candidate_id", "job_id")}


def _tenant(event: DomainEvent) -> uuid.UUID:
    if event.tenant_id is None:
        raise ValueError(f"event {event.id} ({event.type}) belongs to no tenant")
    return event.tenant_id


async def _tell_candidate(event: DomainEvent, session: AsyncSession, kind: str) -> None:
    """Queue the message `kind` about an application event to its candidate."""
    facts = _application_facts(event)
    await enqueue(
        session,
        Draft(
            tenant_id=_tenant(event),
            kind=kind,
            key=event_key(event, kind, facts["candidate_id"]),
            params=facts,
        ),
    )


@events.on(CandidateEvent.APPLICATION_CREATED, name="notifications.application_received")
async def tell_candidate_application_received(event: DomainEvent, session: AsyncSession) -> None:
    """The candidate hears that their application arrived (not when a recruiter added them)."""
    if event.payload.get("added_by_hand") is True:
        return
    await _tell_candidate(event, session, APPLICATION_RECEIVED)


@events.on(CandidateEvent.APPLICATION_RESUBMITTED, name="notifications.already_applied")
async def tell_candidate_already_applied(event: DomainEvent, session: AsyncSession) -> None:
    """The candidate hears that their first application to the job still stands."""
    await _tell_candidate(event, session, ALREADY_APPLIED)


@events.on(CandidateEvent.APPLICATION_CREATED, name="notifications.new_application")
async def tell_hiring_team_new_application(event: DomainEvent, session: AsyncSession) -> None:
    """Each member of the job's hiring team hears that someone applied."""
    if event.payload.get("imported") is True:
        return  # history brought over from another system is not news, row by row
    tenant_id = _tenant(event)
    facts = _application_facts(event)
    try:
        job = await jobs.get(session, tenant_id, uuid.UUID(facts["job_id"]))
    except NotFound:  # deleted since: no team left to tell
        return
    for member in await jobs.team_of(session, job):
        await enqueue(
            session,
            Draft(
                tenant_id=tenant_id,
                kind=NEW_APPLICATION,
                key=event_key(event, NEW_APPLICATION, str(member.user_id)),
                params={**facts, "user_id": str(member.user_id)},
            ),
        )


@events.on(CandidateEvent.APPLICATION_REJECTED, name="notifications.application_rejected")
async def tell_candidate_application_rejected(event: DomainEvent, session: AsyncSession) -> None:
    """The candidate hears of the rejection, when the recruiter chose to tell them."""
    if event.payload.get("notify_candidate") is not True:
        return
    # Held back for a while, so that an undone rejection is never mailed (the message is
    # built when it is due and checks the application is still rejected).
    settings = job_settings(session)
    delay = settings.rejection_mail_delay_seconds if settings is not None else 0
    facts = _application_facts(event)
    await enqueue(
        session,
        Draft(
            tenant_id=_tenant(event),
            kind=APPLICATION_REJECTED,
            key=event_key(event, APPLICATION_REJECTED, facts["candidate_id"]),
            params=facts,
        ),
        delay_seconds=delay,
    )


@events.on(AnnotationEvent.NOTE_ADDED, name="notifications.note_mention")
async def tell_mentioned_members(event: DomainEvent, session: AsyncSession) -> None:
    """Each member a note mentions hears of it (the author does not mail themselves)."""
    author = event.payload.get("author_id")
    for user_id in event.payload.get("mentioned_user_ids", []):
        if user_id == author:
            continue
        await enqueue(
            session,
            Draft(
                tenant_id=_tenant(event),
                kind=NOTE_MENTION,
                key=event_key(event, NOTE_MENTION, user_id),
                params={"note_id": event.payload["note_id"], "user_id": user_id},
            ),
        )


@events.on(CandidateEvent.CANDIDATE_ERASED, name="notifications.forget_erased_candidate")
async def forget_erased_candidate(event: DomainEvent, session: AsyncSession) -> None:
    """Delete the mail files written about an erased person (file mailer only)."""
    settings = job_settings(session)
    if settings is None or event.tenant_id is None:
        return
    about = await candidates.events_about_erased(session, event)
    candidate_id = uuid.UUID(str(event.payload["candidate_id"]))
    mails = await forget_mail_about(session, settings, event.tenant_id, candidate_id, about)
    logger.info("erasure_mail_forgotten", mail_files=mails)
