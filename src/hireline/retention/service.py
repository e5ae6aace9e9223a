"""Retention policies: the door into this room."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import privacy
from hireline.candidates import service as candidates
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage
from hireline.identity.audit import service as audit
from hireline.notifications import service as notifications
from hireline.retention.models import RetentionConsent, RetentionNotice, RetentionPolicy
from hireline.retention.planning import RetentionPlan, plan
from hireline.retention.repository import RetentionRepository
from hireline.retention.schemas import RetentionPolicyWrite

# Audit entries written by the daily job carry this actor.
SYSTEM_ACTOR_TYPE, SYSTEM_ACTOR_ID = "system", "retention_policy"


def _described(policy: RetentionPolicy | RetentionPolicyWrite) -> dict[str, Any]:
    return {
        "scope": policy.scope,
        "erase_after_months": policy.erase_after_months,
        "notice_days": policy.notice_days,
    }


async def policies(session: AsyncSession) -> list[RetentionPolicy]:
    """The organisation's policies, by scope."""
    return await RetentionRepository(session).policies()


async def replace_policies(
    session: AsyncSession, principal: Principal, wanted: list[RetentionPolicyWrite]
) -> list[RetentionPolicy]:
    """Make the organisation's policies these (one per scope); audited with before and after.

    A policy kept (same scope) keeps its id and its pending notices; one removed takes its
    notices with it, so no one is erased under a policy that no longer exists."""
    repository = RetentionRepository(session)
    existing = {policy.scope: policy for policy in await repository.policies()}
    before = [_described(policy) for policy in existing.values()]
    now = datetime.now(UTC)
    for scope, policy in existing.items():
        if scope not in {item.scope for item in wanted}:
            await repository.remove(policy)
    for item in wanted:
        kept = existing.get(item.scope)
        if kept is None:
            await repository.add(
                RetentionPolicy(tenant_id=principal.tenant_id, **_described(item), updated_at=now)
            )
        else:
            kept.erase_after_months = item.erase_after_months
            kept.notice_days = item.notice_days
            kept.updated_at = now
    result = await repository.policies()
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="retention_policies.updated",
        target_type="tenant",
        target_id=principal.tenant_id,
        details={"from": before, "to": [_described(policy) for policy in result]},
    )
    return result


async def _visible(session: AsyncSession, principal: Principal, candidate_id: uuid.UUID) -> None:
    await candidates.get(session, principal.tenant_id, candidate_id)  # erased ones too
    await candidates.require_candidate_visible(session, principal, candidate_id)


async def set_keep_consent(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID, consented: bool
) -> RetentionConsent | None:
    """Record (or withdraw) a candidate's consent to be kept; NotFound for an unknown or
    erased candidate. A consent withdraws a pending notice at the next run."""
    await _visible(session, principal, candidate_id)
    repository = RetentionRepository(session)
    consent = await repository.consent(candidate_id)
    if consented and consent is None:
        consent = RetentionConsent(
            tenant_id=principal.tenant_id,
            candidate_id=candidate_id,
            consented_at=datetime.now(UTC),
            recorded_by=principal.key[:80],
        )
        await repository.add(consent)
    elif not consented and consent is not None:
        await repository.remove(consent)
        consent = None
    else:
        return consent  # nothing changed: nothing to audit
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="candidate.keep_consent_given" if consented else "candidate.keep_consent_withdrawn",
        target_type="candidate",
        target_id=candidate_id,
    )
    return consent


async def keep_consent(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID
) -> RetentionConsent | None:
    """The candidate's consent to be kept, if given; NotFound for an unknown candidate."""
    await _visible(session, principal, candidate_id)
    return await RetentionRepository(session).consent(candidate_id)


async def preview(session: AsyncSession, now: datetime) -> RetentionPlan:
    """What a run at `now` would do, doing nothing."""
    return await plan(session, now)


@dataclass(frozen=True)
class RetentionRun:
    noticed: int
    erased: int
    withdrawn: int


async def apply(
    session: AsyncSession, tenant_id: uuid.UUID, storage: FileStorage, now: datetime
) -> RetentionRun:
    """Send the notices due, erase the candidates whose notice ran out, withdraw the notices
    that no longer hold; each audited, all in the caller's transaction."""
    repository = RetentionRepository(session)
    decided = await plan(session, now)
    for withdrawal in decided.withdrawals:
        await repository.remove(withdrawal.notice)
        await audit.record(
            session,
            tenant_id=tenant_id,
            actor_type=SYSTEM_ACTOR_TYPE,
            actor_id=SYSTEM_ACTOR_ID,
            action="candidate.retention_notice_withdrawn",
            target_type="candidate",
            target_id=withdrawal.notice.candidate_id,
            details={"reason": withdrawal.reason},
        )
    for erasure in decided.erasures:
        await repository.remove(erasure.notice)
        await privacy.erase_by_policy(
            session,
            tenant_id,
            storage,
            erasure.notice.candidate_id,
            policy={"id": str(erasure.policy.id), **_described(erasure.policy)},
        )
    for notice in decided.notices:
        await repository.add(
            RetentionNotice(
                tenant_id=tenant_id,
                candidate_id=notice.candidate_id,
                policy_id=notice.policy.id,
                noticed_at=now,
                erase_after=notice.erase_after,
            )
        )
        await notifications.notify_retention_notice(
            session,
            tenant_id,
            notice.candidate_id,
            noticed_at=now,
            erase_on=notice.erase_after.date(),
        )
        await audit.record(
            session,
            tenant_id=tenant_id,
            actor_type=SYSTEM_ACTOR_TYPE,
            actor_id=SYSTEM_ACTOR_ID,
            action="candidate.retention_noticed",
            target_type="candidate",
            target_id=notice.candidate_id,
            details={
                "policy_id": str(notice.policy.id),
                "erase_after": notice.erase_after.isoformat(),
            },
        )
    return RetentionRun(
        noticed=len(decided.notices),
        erased=len(decided.erasures),
        withdrawn=len(decided.withdrawals),
    )
