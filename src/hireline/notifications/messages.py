"""Each kind of notification: whom it goes to, what it says, built from the data as it is now.

A message is built when it is sent, not when it was asked for: a candidate erased or a member
removed in between gets nothing, and the message shows current names.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from typing import Any, Protocol
from urllib.parse import urlsplit

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import pipeline
from hireline.candidates import service as candidates
from hireline.candidates.annotations import service as notes
from hireline.core.errors import NotFound
from hireline.core.events import DomainEvent
from hireline.identity import password_reset
from hireline.identity.members import service as members
from hireline.identity.organization import service as tenants
from hireline.jobs import service as jobs
from hireline.notifications.compose import (
    InvalidAddress,
    address,
    compose,
    message_id,
    one_line,
    render,
    sender,
)
from hireline.notifications.custom_templates import render_custom
from hireline.notifications.repository import EmailTemplateRepository
from hireline.settings import Settings

logger = structlog.get_logger(__name__)

APPLICATION_RECEIVED = "application_received"
ALREADY_APPLIED = "already_applied"
APPLICATION_REJECTED = "application_rejected"
NEW_APPLICATION = "new_application"
NOTE_MENTION = "note_mention"
RECRUITER_MESSAGE = "recruiter_message"
NOTE_EXCERPT_LIMIT = 2000
WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint_disabled"
INVITATION = "invitation"
# Sent to a person, not on behalf of an organisation: `build_account_message` builds it.
PASSWORD_RESET = "password_reset"  # noqa: S105  (a kind of message, not a secret)

LAST_ERROR_LIMIT = 500
# Webhook URLs often carry their secret in the path (Slack's do): show enough to recognise
# the endpoint, not enough to post to it.
SHOWN_ENDPOINT_PATH = 16


@dataclass(frozen=True)
class Draft:
    """What to send: the kind, its facts (JSON, ids as strings) and its idempotency key."""

    tenant_id: uuid.UUID
    kind: str
    key: str
    params: dict[str, Any]


Builder = Callable[[AsyncSession, Settings, Draft], Awaitable[EmailMessage | None]]
_BUILDERS: dict[str, Builder] = {}


def _builds(kind: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        _BUILDERS[kind] = builder
        return builder

    return register


async def build(session: AsyncSession, settings: Settings, draft: Draft) -> EmailMessage | None:
    """The message, or None when there is no one (left) to send it to."""
    builder = _BUILDERS.get(draft.kind)
    if builder is None:
        # Queued by a version that knew this kind; this one cannot write it.
        logger.warning("notification_kind_unknown", kind=draft.kind)
        return None
    try:
        return await builder(session, settings, draft)
    except NotFound as exc:
        logger.info("notification_recipient_gone", kind=draft.kind, reason=str(exc))
        return None
    except _InvalidRecipient:
        # Retrying cannot make it valid; the address is not logged (personal data).
        logger.warning("notification_address_invalid", kind=draft.kind)
        return None


def event_key(event: DomainEvent, kind: str, recipient: str) -> str:
    """The idempotency key (and so the Message-ID) of the message of `kind` about `event`
    to `recipient` (a candidate's or a user's id)."""
    return f"{kind}:{event.id}:{recipient}"


class _InvalidRecipient(Exception):
    """The recipient's address is unusable (unlike a wrong `mail_from`, which must fail)."""


def _recipient(email: str, name: str | None) -> Address:
    try:
        return address(email, name)
    except InvalidAddress:
        raise _InvalidRecipient from None


async def _organization(session: AsyncSession, tenant_id: uuid.UUID) -> str:
    return one_line((await tenants.get(session, tenant_id)).name)


class MailedCandidate(Protocol):
    """What a message says of a candidate (the candidates service returns the whole row)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def email(self) -> str | None: ...
    @property
    def name(self) -> str | None: ...


class MailedJob(Protocol):
    """What a message says of a job."""

    @property
    def title(self) -> str: ...


async def _candidate(session: AsyncSession, draft: Draft) -> MailedCandidate:
    # service.get raises NotFound for erased candidates too.
    return await candidates.get(session, draft.tenant_id, uuid.UUID(draft.params["candidate_id"]))


async def _job(session: AsyncSession, draft: Draft) -> MailedJob:
    return await jobs.get(session, draft.tenant_id, uuid.UUID(draft.params["job_id"]))


def mail_domain(settings: Settings) -> str:
    """The domain of the Message-IDs (the sender's)."""
    return str(sender(settings.mail_from).domain)


def _app_url(settings: Settings) -> str:
    return settings.public_url.rstrip("/")


async def _to_candidate(
    session: AsyncSession, settings: Settings, draft: Draft, *, template: str, subject: str
) -> EmailMessage | None:
    candidate = await _candidate(session, draft)
    if not candidate.email:
        return None
    job = await _job(session, draft)
    organization = await _organization(session, draft.tenant_id)
    to = _recipient(candidate.email, candidate.name)
    facts = {
        "candidate_name": one_line(candidate.name) if candidate.name else None,
        "job_title": one_line(job.title),
        "organization": organization,
    }
    own = await EmailTemplateRepository(session).get(template)
    if own is not None:
        footer = f"You are receiving this because you applied for a job at {organization}."
        subject, body = render_custom(own.subject, own.body, facts, footer)
    else:
        subject, body = subject.format(**facts), render(template, **facts)
    return compose(
        # Candidates know the organisation they applied to, not the software it uses.
        from_=sender(settings.mail_from, display_name=organization),
        to=to,
        subject=subject,
        body=body,
        message_id=message_id(draft.key, domain=mail_domain(settings)),
    )


@_builds(APPLICATION_RECEIVED)
async def application_received(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To the candidate: their application arrived."""
    return await _to_candidate(
        session,
        settings,
        draft,
        template=APPLICATION_RECEIVED,
        subject="We received your application for {job_title}",
    )


@_builds(ALREADY_APPLIED)
async def already_applied(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To the candidate: someone (likely they) applied again; the first application stands.

    The careers site answered the second submission like a first one, so that it does not
    tell anyone whether this address had applied; the person learns it here instead.
    """
    return await _to_candidate(
        session,
        settings,
        draft,
        template=ALREADY_APPLIED,
        subject="You have already applied for {job_title}",
    )


@_builds(APPLICATION_REJECTED)
async def application_rejected(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To the candidate: the organisation will not go further (never saying why); nothing
    when the rejection was undone before the message was due."""
    if not await pipeline.is_rejected(
        session, draft.tenant_id, uuid.UUID(draft.params["application_id"])
    ):
        return None
    return await _to_candidate(
        session,
        settings,
        draft,
        template=APPLICATION_REJECTED,
        subject="Your application for {job_title} at {organization}",
    )


@_builds(NEW_APPLICATION)
async def new_application(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To one member of the job's hiring team: someone applied."""
    member = await members.get_member(session, draft.tenant_id, uuid.UUID(draft.params["user_id"]))
    candidate = await _candidate(session, draft)
    job = await _job(session, draft)
    facts = {
        "recipient_name": one_line(member.name) or "there",
        "candidate_name": one_line(candidate.name or "") or "A candidate",
        "job_title": one_line(job.title),
        "organization": await _organization(session, draft.tenant_id),
        "application_url": f"{_app_url(settings)}/applications/{draft.params['application_id']}",
    }
    return compose(
        from_=sender(settings.mail_from),
        to=_recipient(member.email, member.name),
        subject="New application for {job_title}: {candidate_name}".format(**facts),
        body=render(NEW_APPLICATION, **facts),
        message_id=message_id(draft.key, domain=mail_domain(settings)),
    )


@_builds(WEBHOOK_ENDPOINT_DISABLED)
async def webhook_endpoint_disabled(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To one owner or admin: a webhook endpoint kept failing and was turned off."""
    member = await members.get_member(session, draft.tenant_id, uuid.UUID(draft.params["user_id"]))
    failing_since = datetime.fromisoformat(draft.params["failing_since"])
    if failing_since.tzinfo is not None:
        failing_since = failing_since.astimezone(UTC)
    last_error = draft.params.get("last_error")
    endpoint = shown_endpoint(draft.params["endpoint_url"])
    facts = {
        "recipient_name": one_line(member.name) or "there",
        "organization": await _organization(session, draft.tenant_id),
        "endpoint": endpoint,
        "failing_since": failing_since.strftime("%Y-%m-%d %H:%M %Z").strip(),
        "last_error": one_line(last_error, limit=LAST_ERROR_LIMIT) if last_error else None,
        "app_url": _app_url(settings),
    }
    return compose(
        from_=sender(settings.mail_from),
        to=_recipient(member.email, member.name),
        subject=f"Webhook endpoint disabled: {_host(draft.params['endpoint_url'])}",
        body=render(WEBHOOK_ENDPOINT_DISABLED, **facts),
        message_id=message_id(draft.key, domain=mail_domain(settings)),
    )


def shown_endpoint(url: str) -> str:
    """The endpoint's scheme, host and the start of its path; no credentials, no query."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{_host(url)}"
    path = parts.path
    if len(path) > SHOWN_ENDPOINT_PATH:
        path = path[:SHOWN_ENDPOINT_PATH] + "…"
    return one_line(origin + path)


def _host(url: str) -> str:
    # The netloc without "user:password@"; `hostname` would drop an IPv6 literal's brackets.
    return urlsplit(url).netloc.rpartition("@")[2]


@_builds(NOTE_MENTION)
async def note_mention(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To a member a colleague @mentioned in a note on a candidate."""
    member = await members.get_member(session, draft.tenant_id, uuid.UUID(draft.params["user_id"]))
    view = await notes.get_note(session, draft.tenant_id, uuid.UUID(draft.params["note_id"]))
    candidate = await candidates.get(session, draft.tenant_id, view.note.candidate_id)
    facts = {
        "recipient_name": one_line(member.name) or "there",
        "author_name": one_line(view.author.name) if view.author else "A colleague",
        "candidate_name": one_line(candidate.name or "") or "a candidate",
        "note": view.note.body[:NOTE_EXCERPT_LIMIT],
        "organization": await _organization(session, draft.tenant_id),
        "candidate_url": f"{_app_url(settings)}/app/candidates/{candidate.id}",
    }
    return compose(
        from_=sender(settings.mail_from),
        to=_recipient(member.email, member.name),
        subject="{author_name} mentioned you on {candidate_name}".format(**facts),
        body=render(NOTE_MENTION, **facts),
        message_id=message_id(draft.key, domain=mail_domain(settings)),
    )


@_builds(RECRUITER_MESSAGE)
async def recruiter_message(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To a candidate: a recruiter's own words about their application."""
    candidate = await _candidate(session, draft)
    if not candidate.email:
        return None
    job = await _job(session, draft)
    organization = await _organization(session, draft.tenant_id)
    facts = {
        "candidate_name": one_line(candidate.name) if candidate.name else None,
        "job_title": one_line(job.title),
        "organization": organization,
        "message": str(draft.params["body"]),
    }
    return compose(
        from_=sender(settings.mail_from, display_name=organization),
        to=_recipient(candidate.email, candidate.name),
        subject=one_line(str(draft.params["subject"])),
        body=render(RECRUITER_MESSAGE, **facts),
        message_id=message_id(draft.key, domain=mail_domain(settings)),
    )


@_builds(INVITATION)
async def invitation(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To an invitee: the link to join, with a token made now (None once it cannot be used)."""
    reissued = await members.reissue_invitation_token(
        session, draft.tenant_id, uuid.UUID(draft.params["invitation_id"])
    )
    if reissued is None:
        return None
    invited, token = reissued
    organization = await _organization(session, draft.tenant_id)
    facts = {
        "organization": organization,
        "role": invited.role.replace("_", " "),
        "link": f"{_app_url(settings)}/app/invitations/{token}",
    }
    own = await EmailTemplateRepository(session).get(INVITATION)
    footer = "You are receiving this because a member of the organisation invited you."
    if own is not None:
        subject, body = render_custom(own.subject, own.body, facts, footer)
    else:
        subject = "You are invited to join {organization} on Hireline".format(**facts)
        body = render(INVITATION, **facts)
    return compose(
        from_=sender(settings.mail_from, display_name=organization),
        to=_recipient(invited.email, None),
        subject=subject,
        body=body,
        # A fresh Message-ID per attempt: each carries its own link, only the last one works.
        message_id=message_id(f"{draft.key}:{token}", domain=mail_domain(settings)),
    )


async def build_account_message(
    session: AsyncSession, settings: Settings, kind: str, user_id: uuid.UUID
) -> EmailMessage | None:
    """A message to a person about their own account (no organisation involved)."""
    if kind != PASSWORD_RESET:
        logger.warning("notification_kind_unknown", kind=kind)
        return None
    token = await password_reset.issue(session, user_id)
    user = await members.user_by_id(session, user_id)
    if token is None or user is None:
        return None
    facts = {
        "recipient_name": one_line(user.name) or "there",
        "link": f"{_app_url(settings)}/app/password-reset/{token}",
        "minutes": int(password_reset.RESET_TTL.total_seconds() // 60),
    }
    try:
        to = _recipient(user.email, user.name)
    except _InvalidRecipient:
        logger.warning("notification_address_invalid", kind=kind)
        return None
    return compose(
        from_=sender(settings.mail_from),
        to=to,
        subject="Set a new Hireline password",
        body=render(PASSWORD_RESET, **facts),
        message_id=message_id(f"{kind}:{token}", domain=mail_domain(settings)),
    )
