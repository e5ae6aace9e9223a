"""Scheduling interviews: panels, times in a time zone, conflicts, reschedules, cancels.

Each change records an event; its handler (`tasks`) mails the panel and the candidate an
invitation, an update (same UID, higher SEQUENCE) or a cancellation.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.core import events
from hireline.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from hireline.core.ids import uuid7
from hireline.core.principal import Principal
from hireline.identity.permissions import Action
from hireline.interviews import plans
from hireline.interviews.events import InterviewEvent
from hireline.interviews.models import Interview
from hireline.interviews.repository import InterviewRepository
from hireline.interviews.schemas import InterviewCreate, InterviewUpdate

UID_DOMAIN = "interviews.hireline"
UPCOMING_GRACE = timedelta(days=7)
MY_INTERVIEWS_LIMIT = 200


def user_id_of(principal: Principal) -> uuid.UUID | None:
    """The signed-in user behind the principal (None for API keys and clients)."""
    if principal.kind != "user":
        return None
    try:
        return uuid.UUID(principal.id)
    except ValueError:
        return None


def in_zone(moment: datetime, zone: str) -> datetime:
    """A time given without an offset is wall-clock time in `zone`; stored in UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC)


async def visible(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID
) -> Interview:
    """The interview, if the principal manages interviews or sits on its panel; else 404."""
    interview = (await visible_among(session, principal, [interview_id])).get(interview_id)
    if interview is None:
        raise NotFound("No interview with this id.")
    return interview


async def visible_among(
    session: AsyncSession, principal: Principal, interview_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Interview]:
    """Those of the interviews the principal manages or sits on the panel of, by id."""
    repo = InterviewRepository(session)
    found = await repo.interviews(interview_ids)
    if principal.can(Action.INTERVIEWS_MANAGE):
        return {interview.id: interview for interview in found}
    user_id = user_id_of(principal)
    if user_id is None:
        return {}
    panels = await repo.panels(interview.id for interview in found)
    return {interview.id: interview for interview in found if user_id in panels[interview.id]}


async def _check_panel(
    session: AsyncSession, user_ids: list[uuid.UUID], loc: list[str | int]
) -> None:
    await plans._check_members(session, InterviewRepository(session).tenant_id, set(user_ids), loc)


async def _refuse_conflicts(
    session: AsyncSession,
    panel: list[uuid.UUID],
    starts_at: datetime,
    ends_at: datetime,
    excluding: uuid.UUID | None,
) -> None:
    busy = await InterviewRepository(session).busy(panel, starts_at, ends_at, excluding=excluding)
    if busy:
        raise Conflict(
            "An interviewer has another interview at that time; pick another or force it.",
            conflicts=[
                {
                    "interviewer_id": str(user_id),
                    "interview_id": str(other.id),
                    "starts_at": other.starts_at.isoformat(),
                    "ends_at": other.ends_at.isoformat(),
                }
                for other, user_id in busy
            ],
        )


def _payload(interview: Interview, panel: list[uuid.UUID]) -> dict[str, Any]:
    return {
        "interview_id": str(interview.id),
        "application_id": str(interview.application_id),
        "candidate_id": str(interview.candidate_id),
        "job_id": str(interview.job_id),
        "name": interview.name,
        "starts_at": interview.starts_at.isoformat(),
        "ends_at": interview.ends_at.isoformat(),
        "time_zone": interview.time_zone,
        "sequence": interview.sequence,
        "ical_uid": interview.ical_uid,
        "location": interview.location,
        "video_url": interview.video_url,
        "interviewer_ids": [str(u) for u in panel],
    }


async def schedule(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID, body: InterviewCreate
) -> Interview:
    """Schedule an interview of the application's job plan; 409 on a panel conflict."""
    repo = InterviewRepository(session)
    application = await candidates.get_application(session, repo.tenant_id, application_id)
    await plans.ensure(session, principal, application.job_id)
    planned = await repo.plan_interview(body.plan_interview_id)
    if planned is None or planned.job_id != application.job_id:
        raise ValidationFailed(
            "Pick an interview of this job's plan.",
            errors=[{"loc": ["body", "plan_interview_id"], "msg": "not in the plan", "type": "id"}],
        )
    panel = list(dict.fromkeys(body.interviewer_ids or planned.interviewer_ids))
    if not panel:
        raise ValidationFailed(
            "Name at least one interviewer.",
            errors=[
                {"loc": ["body", "interviewer_ids"], "msg": "no interviewer", "type": "missing"}
            ],
        )
    await _check_panel(session, panel, ["body", "interviewer_ids"])
    starts_at = in_zone(body.starts_at, body.time_zone)
    ends_at = (
        in_zone(body.ends_at, body.time_zone)
        if body.ends_at is not None
        else starts_at + timedelta(minutes=planned.duration_minutes)
    )
    _check_order(starts_at, ends_at)
    if not body.force:
        await _refuse_conflicts(session, panel, starts_at, ends_at, None)
    interview_id = uuid7()
    interview = Interview(
        tenant_id=repo.tenant_id,
        id=interview_id,
        application_id=application.id,
        job_id=application.job_id,
        candidate_id=application.candidate_id,
        plan_interview_id=planned.id,
        name=planned.name,
        kit=planned.kit,
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=body.time_zone,
        location=body.location,
        video_url=body.video_url,
        status="scheduled",
        ical_uid=f"{interview_id}@{UID_DOMAIN}",
        sequence=0,
        created_by=principal.id,
    )
    session.add(interview)
    await session.flush()
    await repo.set_panel(interview.id, panel)
    await events.record(
        session,
        type=InterviewEvent.SCHEDULED,
        payload=_payload(interview, panel),
        tenant_id=repo.tenant_id,
    )
    return interview


def _check_order(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at or ends_at - starts_at > timedelta(hours=12):
        raise ValidationFailed(
            "An interview ends after it starts, within 12 hours.",
            errors=[{"loc": ["body", "ends_at"], "msg": "not after the start", "type": "range"}],
        )


async def reschedule(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID, body: InterviewUpdate
) -> Interview:
    """Move an interview or change its panel; everyone gets an update (same UID)."""
    repo = InterviewRepository(session)
    interview = await visible(session, principal, interview_id)
    if interview.status != "scheduled":
        raise Conflict("A cancelled interview cannot be changed; schedule a new one.")
    changes = body.model_dump(exclude_unset=True)
    panel = (await repo.panels([interview.id]))[interview.id]
    old_panel = list(panel)
    if body.interviewer_ids is not None:
        panel = list(dict.fromkeys(body.interviewer_ids))
        await _check_panel(session, panel, ["body", "interviewer_ids"])
    zone = body.time_zone or interview.time_zone
    length = interview.ends_at - interview.starts_at
    starts_at = in_zone(body.starts_at, zone) if body.starts_at else interview.starts_at
    ends_at = in_zone(body.ends_at, zone) if body.ends_at else starts_at + length
    _check_order(starts_at, ends_at)
    if not body.force:
        await _refuse_conflicts(session, panel, starts_at, ends_at, interview.id)
    interview.starts_at = starts_at
    interview.ends_at = ends_at
    interview.time_zone = zone
    if "location" in changes:
        interview.location = body.location
    if "video_url" in changes:
        interview.video_url = body.video_url
    interview.sequence += 1
    interview.updated_at = datetime.now(UTC)
    await session.flush()
    await repo.set_panel(interview.id, panel)
    payload = _payload(interview, panel)
    # Who left the panel gets a cancellation rather than an update.
    payload["removed_interviewer_ids"] = [str(u) for u in old_panel if u not in panel]
    await events.record(
        session, type=InterviewEvent.RESCHEDULED, payload=payload, tenant_id=repo.tenant_id
    )
    return interview


async def cancel(session: AsyncSession, principal: Principal, interview_id: uuid.UUID) -> Interview:
    """Cancel an interview; everyone gets METHOD:CANCEL for it."""
    if not principal.can(Action.INTERVIEWS_MANAGE):
        raise PermissionDenied("Only recruiters and hiring managers cancel interviews.")
    repo = InterviewRepository(session)
    interview = await visible(session, principal, interview_id)
    if interview.status == "cancelled":
        raise Conflict("The interview is already cancelled.")
    interview.status = "cancelled"
    interview.sequence += 1
    interview.updated_at = datetime.now(UTC)
    await session.flush()
    panel = (await repo.panels([interview.id]))[interview.id]
    await events.record(
        session,
        type=InterviewEvent.CANCELLED,
        payload=_payload(interview, panel),
        tenant_id=repo.tenant_id,
    )
    return interview


async def of_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> list[Interview]:
    """The application's interviews the principal may see."""
    found = await of_applications(session, principal, [application_id])
    if application_id not in found:
        raise NotFound("No application with this id.")
    return found[application_id]


async def of_applications(
    session: AsyncSession, principal: Principal, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[Interview]]:
    """Each application's interviews the principal may see (all of them for those who manage
    interviews, else those they sit on the panel of), in start order; applications that are
    not the tenant's are left out. A fixed number of statements, however many applications."""
    repo = InterviewRepository(session)
    existing = await candidates.applications_by_ids(session, repo.tenant_id, application_ids)
    found = await repo.interviews_of_applications(list(existing))
    if not principal.can(Action.INTERVIEWS_MANAGE):
        user_id = user_id_of(principal)
        panels = await repo.panels([i.id for i in found])
        found = [i for i in found if user_id in panels[i.id]]
    grouped: dict[uuid.UUID, list[Interview]] = {i: [] for i in application_ids if i in existing}
    for interview in found:
        grouped[interview.application_id].append(interview)
    return grouped


async def mine(
    session: AsyncSession, principal: Principal, *, include_past: bool = False
) -> list[Interview]:
    """The caller's interviews: from a week ago on (all of them with `include_past`)."""
    user_id = user_id_of(principal)
    if user_id is None:
        return []
    since = None if include_past else datetime.now(UTC) - UPCOMING_GRACE
    return await InterviewRepository(session).interviews_of_user(
        user_id, since=since, limit=MY_INTERVIEWS_LIMIT
    )
