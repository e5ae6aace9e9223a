"""What a run of the retention policies does on a given day, decided before anything is done,
so that the preview and the daily job cannot disagree.

A candidate in a policy's scope, quiet for its months less its notice days, gets a notice
(once: the notice is kept while the erasure is pending). When the notice's day has come and
the candidate is still in scope and still quiet for the policy's months, they are erased. New
activity after the notice, a consent to be kept, or leaving the scope withdraws the notice;
should they go quiet again, the count starts over with a new notice.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.inactivity import service as inactivity
from hireline.retention.models import RetentionNotice, RetentionPolicy
from hireline.retention.repository import RetentionRepository

# The application statuses each scope covers: every application must have ended in one.
SCOPE_STATUSES: dict[str, tuple[str, ...]] = {
    "rejected": ("rejected",),
    "not_hired": ("rejected", "withdrawn"),
}


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day when
    that month is shorter)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def months_after(moment: datetime, months: int) -> datetime:
    return months_before(moment, -months)


@dataclass(frozen=True)
class NewNotice:
    candidate_id: uuid.UUID
    name: str | None
    policy: RetentionPolicy
    last_activity: datetime
    erase_after: datetime


@dataclass(frozen=True)
class DueErasure:
    notice: RetentionNotice
    name: str | None
    policy: RetentionPolicy
    last_activity: datetime


@dataclass(frozen=True)
class Withdrawal:
    notice: RetentionNotice
    reason: str  # "activity", "consent", "out_of_scope" or "erased" (by hand)
    last_activity: datetime | None


@dataclass
class RetentionPlan:
    now: datetime
    notices: list[NewNotice] = field(default_factory=list)
    erasures: list[DueErasure] = field(default_factory=list)
    withdrawals: list[Withdrawal] = field(default_factory=list)


async def plan(session: AsyncSession, now: datetime) -> RetentionPlan:
    """What the policies of the session's organisation call for at `now`."""
    repository = RetentionRepository(session)
    result = RetentionPlan(now=now)
    policies = {policy.id: policy for policy in await repository.policies()}
    if not policies:
        return result
    consented = await repository.consented()
    quiet: dict[uuid.UUID, dict[uuid.UUID, inactivity.QuietCandidate]] = {}
    for policy in policies.values():
        cutoff = months_before(now, policy.erase_after_months) + timedelta(days=policy.notice_days)
        found = await inactivity.quiet_since(session, SCOPE_STATUSES[policy.scope], cutoff)
        quiet[policy.id] = {candidate.candidate_id: candidate for candidate in found}

    pending = await repository.notices()
    last = await inactivity.last_activity(session, [n.candidate_id for n in pending])
    for notice in pending:
        policy = policies[notice.policy_id]
        seen = last.get(notice.candidate_id)
        candidate = quiet[policy.id].get(notice.candidate_id)
        if notice.candidate_id in consented:
            result.withdrawals.append(Withdrawal(notice, "consent", seen))
        elif seen is None:
            result.withdrawals.append(Withdrawal(notice, "erased", seen))
        elif seen > notice.noticed_at:
            result.withdrawals.append(Withdrawal(notice, "activity", seen))
        elif candidate is None:
            result.withdrawals.append(Withdrawal(notice, "out_of_scope", seen))
        elif notice.erase_after <= now:
            if candidate.last_activity < months_before(now, policy.erase_after_months):
                result.erasures.append(DueErasure(notice, candidate.name, policy, seen))
            else:  # the policy was made longer since the notice
                result.withdrawals.append(Withdrawal(notice, "out_of_scope", seen))

    handled = {notice.candidate_id for notice in pending} | consented
    for policy in sorted(policies.values(), key=lambda p: p.erase_after_months):
        for candidate in quiet[policy.id].values():
            if candidate.candidate_id in handled:
                continue
            handled.add(candidate.candidate_id)
            erase_after = max(
                months_after(candidate.last_activity, policy.erase_after_months),
                now + timedelta(days=policy.notice_days),
            )
            result.notices.append(
                NewNotice(
                    candidate.candidate_id,
                    candidate.name,
                    policy,
                    candidate.last_activity,
                    erase_after,
                )
            )
    return result
