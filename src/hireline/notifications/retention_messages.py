"""The notice a candidate gets before a retention policy erases them."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.notifications.compose import compose, message_id, one_line, render, sender
from hireline.notifications.messages import (
    Draft,
    _builds,
    _candidate,
    _organization,
    _recipient,
    mail_domain,
)
from hireline.settings import Settings

RETENTION_NOTICE = "retention_notice"


@_builds(RETENTION_NOTICE)
async def retention_notice(
    session: AsyncSession, settings: Settings, draft: Draft
) -> EmailMessage | None:
    """To the candidate: their details will be erased on a given day unless they ask to be
    kept (nothing for a candidate erased, or without an address, by then)."""
    candidate = await _candidate(session, draft)
    if not candidate.email:
        return None
    organization = await _organization(session, draft.tenant_id)
    erase_on = date.fromisoformat(draft.params["erase_on"])
    facts = {
        "candidate_name": one_line(candidate.name) if candidate.name else None,
        "organization": organization,
        "erase_on": f"{erase_on.day} {erase_on:%B %Y}",
    }
    return compose(
        from_=sender(settings.mail_from, display_name=organization),
        to=_recipient(candidate.email, candidate.name),
        subject=f"{organization} will delete your application details",
        body=render(RETENTION_NOTICE, **facts),
        message_id=message_id(draft.key, domain=mail_domain(settings)),
    )
