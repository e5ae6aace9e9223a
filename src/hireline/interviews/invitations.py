"""The e-mails of an interview: invitations, updates and cancellations with an .ics file,
and reminders to score. Built when sent, from the facts the event recorded and the names and
addresses as they are now (an erased candidate or a removed member gets nothing)."""

from __future__ import annotations

import html
import uuid
from datetime import datetime
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.core.errors import NotFound
from hireline.identity.members import service as members
from hireline.identity.organization import service as tenants
from hireline.interviews import calendar
from hireline.jobs import service as jobs
from hireline.notifications import service as notifications
from hireline.settings import Settings

CANDIDATE = "candidate"


def _when(facts: dict[str, Any]) -> str:
    zone = ZoneInfo(facts["time_zone"])
    starts = datetime.fromisoformat(facts["starts_at"]).astimezone(zone)
    ends = datetime.fromisoformat(facts["ends_at"]).astimezone(zone)
    return f"{starts:%A %d %B %Y, %H:%M} to {ends:%H:%M} ({facts['time_zone']})"


def _body(lines: list[str]) -> tuple[str, str]:
    text = "\n\n".join(lines) + "\n"
    markup = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return text, f"<!doctype html><html><body>{markup}</body></html>"


async def invitation(
    session: AsyncSession,
    settings: Settings,
    tenant_id: uuid.UUID,
    facts: dict[str, Any],
    method: calendar.Method,
    recipient: str,
) -> EmailMessage | None:
    """The invitation (REQUEST) or cancellation (CANCEL) for one recipient (a user id, or
    `candidate`), with the .ics every attendee gets; None when they cannot be reached."""
    try:
        candidate = await candidates.get(session, tenant_id, uuid.UUID(facts["candidate_id"]))
        job = await jobs.get(session, tenant_id, uuid.UUID(facts["job_id"]))
    except NotFound:
        return None
    organization = (await tenants.get(session, tenant_id)).name
    panel: list[calendar.Person] = []
    for user_id in facts["interviewer_ids"]:
        try:
            member = await members.get_member(session, tenant_id, uuid.UUID(user_id))
        except NotFound:
            continue
        panel.append(calendar.Person(member.email, member.name))
    attendees = list(panel)
    if candidate.email:
        attendees.append(calendar.Person(candidate.email, candidate.name))
    if recipient == CANDIDATE:
        if not candidate.email:
            return None
        to = calendar.Person(candidate.email, candidate.name)
        title = f"Interview with {organization}: {job.title}"
    else:
        try:
            member = await members.get_member(session, tenant_id, uuid.UUID(recipient))
        except NotFound:
            return None
        to = calendar.Person(member.email, member.name)
        title = f"{facts['name']} interview: {candidate.name or 'a candidate'} ({job.title})"
    summary = notifications.one_line(title)
    where = facts.get("video_url") or facts.get("location") or "to be announced"
    cancelled = method == "CANCEL"
    verb = "cancelled" if cancelled else ("updated" if facts["sequence"] else "scheduled")
    lines = [
        f"{summary} is {verb}.",
        f"When: {_when(facts)}",
        f"Where: {where}",
        "The calendar file attached adds it to your calendar"
        + (" (or removes it)." if cancelled else "."),
    ]
    description = "\n".join(lines[:3])
    ics = calendar.render(
        calendar.Invitation(
            uid=facts["ical_uid"],
            sequence=facts["sequence"],
            method=method,
            summary=summary,
            description=description,
            starts_at=datetime.fromisoformat(facts["starts_at"]),
            ends_at=datetime.fromisoformat(facts["ends_at"]),
            time_zone=facts["time_zone"],
            location=facts.get("location"),
            url=facts.get("video_url"),
            organizer=calendar.Person(_sender_address(settings), organization),
            attendees=attendees,
        )
    )
    text, markup = _body(lines)
    prefix = {"cancelled": "Cancelled", "updated": "Updated", "scheduled": "Invitation"}[verb]
    return notifications.compose_message(
        settings,
        to_email=to.email,
        to_name=to.name,
        subject=f"{prefix}: {summary}",
        text=text,
        html=markup,
        key=f"interview:{facts['interview_id']}:{facts['sequence']}:{method}:{recipient}",
        from_name=organization,
        attachments=(
            notifications.Attachment(
                ics, "text/calendar", "invite.ics", {"method": method, "charset": "utf-8"}
            ),
        ),
    )


def _sender_address(settings: Settings) -> str:
    from email.utils import parseaddr

    return parseaddr(settings.mail_from)[1]


async def reminder(
    session: AsyncSession, settings: Settings, tenant_id: uuid.UUID, facts: dict[str, Any]
) -> EmailMessage | None:
    """To an interviewer whose scorecard is missing a day after the interview."""
    try:
        member = await members.get_member(session, tenant_id, uuid.UUID(facts["user_id"]))
        candidate = await candidates.get(session, tenant_id, uuid.UUID(facts["candidate_id"]))
    except NotFound:
        return None
    link = f"{settings.public_url.rstrip('/')}/app/interviews/{facts['interview_id']}/scorecard"
    lines = [
        f"Your scorecard for the {facts['name']} interview with "
        f"{candidate.name or 'the candidate'} is still missing.",
        "Feedback is best written while the interview is fresh, and the hiring team is "
        "waiting for it.",
        f"Score it here: {link}",
    ]
    text, markup = _body(lines)
    return notifications.compose_message(
        settings,
        to_email=member.email,
        to_name=member.name,
        subject=notifications.one_line(
            f"Scorecard missing: {facts['name']} with {candidate.name or 'a candidate'}"
        ),
        text=text,
        html=markup,
        key=f"scorecard-reminder:{facts['interview_id']}:{facts['user_id']}",
    )
