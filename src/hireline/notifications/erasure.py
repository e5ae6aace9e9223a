"""Forgetting the mail written about an erased candidate.

With `HIRELINE_SMTP_URL` unset, every message is kept as an `.eml` file under
`<data dir>/mail`; those about a candidate (their confirmation and rejection, the hiring
team's notices) hold their name and address. A message's file is named by its Message-ID,
which is derived from the event and the recipient, so the files can be found again from the
candidate's events without keeping an index of them. Mail sent through an SMTP server has
left this system and is not reachable from here.
"""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.events import DomainEvent
from hireline.identity.members import service as members
from hireline.notifications.compose import message_id
from hireline.notifications.mailer import FileMailer, mailer_for
from hireline.notifications.messages import (
    APPLICATION_RECEIVED,
    APPLICATION_REJECTED,
    NEW_APPLICATION,
    event_key,
    mail_domain,
)
from hireline.settings import Settings

_TO_CANDIDATE = (APPLICATION_RECEIVED, APPLICATION_REJECTED)


async def forget_mail_about(
    session: AsyncSession,
    settings: Settings,
    tenant_id: uuid.UUID,
    candidate_id: uuid.UUID,
    events: list[DomainEvent],
) -> int:
    """Delete the mail files written about the candidate; returns how many were deleted."""
    mailer = mailer_for(settings)
    if not isinstance(mailer, FileMailer) or not events:
        return 0
    # Every member that could have been on a hiring team told of the application.
    user_ids = [str(member.user_id) for member in await members.list_members(session, tenant_id)]
    domain = mail_domain(settings)
    keys = []
    for event in events:
        keys += [event_key(event, kind, str(candidate_id)) for kind in _TO_CANDIDATE]
        keys += [event_key(event, NEW_APPLICATION, user_id) for user_id in user_ids]
    ids = {message_id(key, domain=domain) for key in keys}
    return await asyncio.to_thread(mailer.forget, ids)
