"""Interviewers' weekly hours (in their own time zones) and free slots for a panel."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import ValidationFailed
from hireline.core.principal import Principal
from hireline.interviews.models import AvailabilityWindow
from hireline.interviews.repository import InterviewRepository
from hireline.interviews.scheduling import user_id_of
from hireline.interviews.schemas import AvailabilityWrite, WeeklyWindow

STEP = timedelta(minutes=30)
HORIZON = timedelta(days=21)
# Someone who has not said when they interview: weekdays, nine to five, UTC.
DEFAULT_HOURS = [(day, time(9), time(17)) for day in range(1, 6)]
DEFAULT_ZONE = "UTC"


@dataclass(frozen=True)
class Hours:
    user_id: uuid.UUID
    time_zone: str | None
    windows: list[WeeklyWindow]


async def hours_of(session: AsyncSession, user_id: uuid.UUID) -> Hours:
    rows = await InterviewRepository(session).availability([user_id])
    return Hours(
        user_id,
        rows[0].time_zone if rows else None,
        [WeeklyWindow(weekday=r.weekday, starts=r.starts, ends=r.ends) for r in rows],
    )


async def set_own(session: AsyncSession, principal: Principal, body: AvailabilityWrite) -> Hours:
    """Replace the caller's weekly hours."""
    user_id = user_id_of(principal)
    if user_id is None:
        raise ValidationFailed("Only people have working hours; sign in as a user.")
    errors = [
        {"loc": ["body", "windows", i, "ends"], "msg": "must be after starts", "type": "range"}
        for i, w in enumerate(body.windows)
        if w.ends <= w.starts
    ]
    if len({(w.weekday, w.starts) for w in body.windows}) != len(body.windows):
        errors.append({"loc": ["body", "windows"], "msg": "duplicate window", "type": "unique"})
    if errors:
        raise ValidationFailed("The weekly hours are not valid.", errors=errors)
    repo = InterviewRepository(session)
    await repo.clear_availability(user_id)
    session.add_all(
        AvailabilityWindow(
            tenant_id=repo.tenant_id,
            user_id=user_id,
            weekday=w.weekday,
            starts=w.starts,
            ends=w.ends,
            time_zone=body.time_zone,
        )
        for w in body.windows
    )
    await session.flush()
    return await hours_of(session, user_id)


def _free(
    windows: list[tuple[int, time, time]], zone: ZoneInfo, start: datetime, end: datetime
) -> bool:
    local_start = start.astimezone(zone)
    local_end = end.astimezone(zone)
    if local_start.date() != local_end.date() and local_end.time() != time(0):
        return False
    day = local_start.isoweekday()
    ends = local_end.time() if local_end.time() != time(0) else time(23, 59, 59)
    return any(d == day and s <= local_start.time() and ends <= e for d, s, e in windows)


async def suggest(
    session: AsyncSession,
    user_ids: list[uuid.UUID],
    *,
    minutes: int,
    after: datetime | None,
    count: int,
) -> list[tuple[datetime, datetime]]:
    """The next `count` slots of `minutes` when every panelist is within their hours and has
    no other Hireline interview, on half hours, within three weeks."""
    repo = InterviewRepository(session)
    rows = await repo.availability(user_ids)
    hours: dict[uuid.UUID, tuple[ZoneInfo, list[tuple[int, time, time]]]] = {}
    for user_id in user_ids:
        own = [r for r in rows if r.user_id == user_id]
        zone = ZoneInfo(own[0].time_zone if own else DEFAULT_ZONE)
        hours[user_id] = (zone, [(r.weekday, r.starts, r.ends) for r in own] or DEFAULT_HOURS)
    begin = (after or datetime.now(UTC)).astimezone(UTC)
    begin = begin.replace(second=0, microsecond=0)
    begin += timedelta(minutes=(-begin.minute) % 30)
    busy = [(i.starts_at, i.ends_at) for i, _ in await repo.busy(user_ids, begin, begin + HORIZON)]
    length = timedelta(minutes=minutes)
    found: list[tuple[datetime, datetime]] = []
    cursor = begin
    while cursor < begin + HORIZON and len(found) < count:
        end = cursor + length
        if all(_free(w, z, cursor, end) for z, w in hours.values()) and not any(
            s < end and e > cursor for s, e in busy
        ):
            found.append((cursor, end))
            cursor = end
            continue
        cursor += STEP
    return found
