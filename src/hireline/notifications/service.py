"""Notifications other domains ask for: the door into this package."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import bulk
from hireline.core.errors import NotFound
from hireline.core.principal import Principal
from hireline.identity.audit import service as audit
from hireline.identity.members import service as members
from hireline.identity.permissions import Role
from hireline.notifications import compose, custom_templates, messages
from hireline.notifications.compose import Body
from hireline.notifications.custom_templates import KINDS as KINDS
from hireline.notifications.mailer import UndeliverableMessage, mailer_for
from hireline.notifications.messages import (
    INVITATION,
    PASSWORD_RESET,
    RECRUITER_MESSAGE,
    WEBHOOK_ENDPOINT_DISABLED,
    Builder,
    MailedCandidate,
    MailedJob,
    mail_domain,
)
from hireline.notifications.messages import Draft as Draft
from hireline.notifications.models import EmailTemplate
from hireline.notifications.repository import EmailTemplateRepository
from hireline.notifications.retention_messages import RETENTION_NOTICE
from hireline.notifications.tasks import enqueue, enqueue_account
from hireline.settings import Settings

ADMINISTRATORS = frozenset({Role.OWNER, Role.ADMIN})


async def notify_webhook_endpoint_disabled(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    endpoint_url: str,
    failing_since: datetime,
    last_error: str | None,
) -> None:
    """Tell the organisation's owners and admins that an endpoint was disabled.

    The messages are queued in the session's transaction (the one that disables the
    endpoint, scoped to `tenant_id`), so they go out only if the endpoint really is disabled.
    """
    for member in await members.list_members(session, tenant_id):
        if member.role not in ADMINISTRATORS:
            continue
        await enqueue(
            session,
            Draft(
                tenant_id=tenant_id,
                kind=WEBHOOK_ENDPOINT_DISABLED,
                # The same outage told twice (a retried caller) is one message per person.
                key=(
                    f"{WEBHOOK_ENDPOINT_DISABLED}:{endpoint_url}:{failing_since.isoformat()}"
                    f":{member.user_id}"
                ),
                params={
                    "user_id": str(member.user_id),
                    "endpoint_url": endpoint_url,
                    "failing_since": failing_since.isoformat(),
                    "last_error": last_error,
                },
            ),
        )


async def notify_retention_notice(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    candidate_id: uuid.UUID,
    *,
    noticed_at: datetime,
    erase_on: date,
) -> None:
    """Tell a candidate the day a retention policy will erase them, once per notice (its
    time is in the key: a later notice, after new activity, is another message)."""
    await enqueue(
        session,
        Draft(
            tenant_id=tenant_id,
            kind=RETENTION_NOTICE,
            key=f"{RETENTION_NOTICE}:{candidate_id}:{noticed_at.isoformat()}",
            params={"candidate_id": str(candidate_id), "erase_on": erase_on.isoformat()},
        ),
    )


async def send_password_reset(session: AsyncSession, user_id: uuid.UUID) -> None:
    """Mail the person a link to set a new password (the link is made when it is sent)."""
    await enqueue_account(session, PASSWORD_RESET, user_id)


async def send_invitation(
    session: AsyncSession, tenant_id: uuid.UUID, invitation_id: uuid.UUID
) -> None:
    """Mail an invitee the link to join (made when it is sent; older links stop working)."""
    await enqueue(
        session,
        Draft(
            tenant_id=tenant_id,
            kind=INVITATION,
            key=f"{INVITATION}:{invitation_id}",
            params={"invitation_id": str(invitation_id)},
        ),
    )


# Every invitation, made by the API or the app, is mailed through `send_invitation`.
members.mail_invitations_with(send_invitation)


async def email_templates(session: AsyncSession) -> dict[str, EmailTemplate]:
    """The session's organisation's own templates, by kind (the others use the built-in)."""
    return {template.kind: template for template in await EmailTemplateRepository(session).all()}


async def save_email_template(
    session: AsyncSession, principal: Principal, kind: str, subject: str, body: str
) -> EmailTemplate:
    """Use this wording for `kind` from now on; ValidationFailed naming the field if unusable."""
    subject, body = custom_templates.check(kind, subject, body)
    saved = await EmailTemplateRepository(session).save(kind, subject, body)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="email_template.saved",
        target_type="email_template",
        target_id=kind,
    )
    return saved


async def reset_email_template(session: AsyncSession, principal: Principal, kind: str) -> None:
    """Go back to the built-in wording for `kind`."""
    if kind not in custom_templates.KINDS:
        raise NotFound("There is no message of that kind.")
    await EmailTemplateRepository(session).remove(kind)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="email_template.reset",
        target_type="email_template",
        target_id=kind,
    )


def preview_email_template(kind: str, subject: str, body: str) -> tuple[str, Body]:
    """The message as sent, filled with sample facts; ValidationFailed when unusable."""
    return custom_templates.preview(kind, subject, body)


@dataclass(frozen=True)
class Attachment:
    """A file to attach: its bytes, MIME type (`text/calendar`), name and type parameters."""

    content: bytes
    mime_type: str
    filename: str
    params: dict[str, str]


def compose_message(
    settings: Settings,
    *,
    to_email: str,
    to_name: str | None,
    subject: str,
    text: str,
    html: str,
    key: str,
    from_name: str | None = None,
    attachments: tuple[Attachment, ...] = (),
) -> EmailMessage | None:
    """A message from the configured sender to one person, its Message-ID derived from `key`
    (resent messages are recognisably one); None when the address is unusable."""
    try:
        to = compose.address(to_email, to_name)
    except compose.InvalidAddress:
        return None
    message = compose.compose(
        from_=compose.sender(settings.mail_from, display_name=from_name),
        to=to,
        subject=subject,
        body=compose.Body(text=text, html=html),
        message_id=compose.message_id(key, domain=mail_domain(settings)),
    )
    for attachment in attachments:
        maintype, _, subtype = attachment.mime_type.partition("/")
        message.add_attachment(
            attachment.content,
            maintype=maintype,
            subtype=subtype,
            filename=attachment.filename,
            params=attachment.params,
        )
    return message


async def deliver(settings: Settings, message: EmailMessage) -> bool:
    """Hand a message to the configured mailer; False when the server refused it for good."""
    try:
        await mailer_for(settings).send(message)
    except UndeliverableMessage:
        return False
    return True


def one_line(value: str) -> str:
    """Text made safe for a subject line (one line, no control characters)."""
    return compose.one_line(value)


async def notify_offer(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    kind: str,
    key: str,
    facts: dict[str, str],
) -> None:
    """Queue an offer e-mail (`offers/messages.py`: the candidate's offer, an approver's turn)."""
    await enqueue(session, Draft(tenant_id=tenant_id, kind=kind, key=key, params=facts))


async def message_applicants(
    session: AsyncSession,
    principal: Principal,
    job_id: uuid.UUID,
    application_ids: list[uuid.UUID],
    *,
    subject: str,
    body: str,
) -> tuple[int, int]:
    """E-mail the candidates of the chosen applications a recruiter's own message; how many
    were queued, and how many skipped (not of this job, or gone)."""
    outcome = await bulk.applications(session, principal, job_id, application_ids)
    batch = uuid.uuid4().hex
    for application in outcome.done:
        await enqueue(
            session,
            Draft(
                tenant_id=principal.tenant_id,
                kind=RECRUITER_MESSAGE,
                key=f"{RECRUITER_MESSAGE}:{batch}:{application.candidate_id}",
                params={
                    "application_id": str(application.id),
                    "candidate_id": str(application.candidate_id),
                    "job_id": str(application.job_id),
                    "subject": subject,
                    "body": body,
                },
            ),
        )
        await bulk.record_message(session, principal, application, subject)
    return len(outcome.done), len(outcome.skipped)


# --- For rooms that write e-mails of kinds of their own (offers registers its builders) ---


def builds(kind: str) -> Callable[[Builder], Builder]:
    """Register the builder of the e-mails of `kind`, run when a queued draft is sent."""
    return messages._builds(kind)


async def candidate_of(session: AsyncSession, draft: Draft) -> MailedCandidate:
    """The candidate the draft names (`candidate_id`); NotFound once erased."""
    return await messages._candidate(session, draft)


async def job_of(session: AsyncSession, draft: Draft) -> MailedJob:
    """The job the draft names (`job_id`)."""
    return await messages._job(session, draft)


async def organization_name(session: AsyncSession, tenant_id: uuid.UUID) -> str:
    """The organisation's name, fit for a header."""
    return await messages._organization(session, tenant_id)


def app_url(settings: Settings) -> str:
    """The web app's address, for links in e-mails."""
    return messages._app_url(settings)


def drafted_message(
    settings: Settings,
    draft: Draft,
    *,
    to: tuple[str, str | None],
    subject: str,
    facts: dict[str, Any],
    from_name: str | None = None,
) -> EmailMessage:
    """The e-mail of the draft's kind (its template) to `to` (address, name), from the
    configured sender (renamed `from_name`), its Message-ID derived from the draft's key.

    An unusable recipient address is the builder's refusal, as for notifications' own kinds.
    """
    return compose.compose(
        from_=compose.sender(settings.mail_from, display_name=from_name),
        to=messages._recipient(*to),
        subject=subject,
        body=compose.render(draft.kind, **facts),
        message_id=compose.message_id(draft.key, domain=mail_domain(settings)),
    )
