"""Each organisation's list of reasons to reject an application (built-in until it sets one).

Applications keep the key of their reason; a reason taken off the list later stays on the
applications rejected with it, with the label it had then (kept in their activity entry).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.models import RejectionReason
from hireline.candidates.repository import CandidateRepository
from hireline.core.errors import ValidationFailed
from hireline.core.principal import Principal
from hireline.identity.audit import service as audit

BUILT_IN = {
    "not_qualified": "Does not meet the requirements",
    "more_qualified_candidates": "Other candidates were a closer fit",
    "salary_expectations": "Salary expectations do not match",
    "location": "Location or work authorisation does not fit",
    "position_filled": "The position has been filled",
    "no_show": "Did not attend an interview",
    "culture_add": "Not the right fit for the team at this time",
    "candidate_declined": "The candidate withdrew or declined",
}


@dataclass(frozen=True)
class Reasons:
    """An organisation's reasons, in their order, and whether it chose them."""

    labels: dict[str, str]
    customised: bool


async def reasons_of(session: AsyncSession, tenant_id: uuid.UUID) -> Reasons:
    own = await CandidateRepository.working_for(session, tenant_id).rejection_reasons()
    return Reasons(own, customised=True) if own else Reasons(dict(BUILT_IN), customised=False)


async def label_of(session: AsyncSession, tenant_id: uuid.UUID, key: str) -> str:
    """The label of a reason on the organisation's list; 422 naming the valid keys otherwise."""
    reasons = await reasons_of(session, tenant_id)
    label = reasons.labels.get(key)
    if label is None:
        raise ValidationFailed(
            "That rejection reason is not on your organisation's list.",
            errors=[
                {
                    "loc": ["body", "reason"],
                    "msg": f"unknown reason; use one of {', '.join(reasons.labels)}",
                    "type": "rejection_reason",
                }
            ],
        )
    return label


async def replace(session: AsyncSession, principal: Principal, labels: dict[str, str]) -> Reasons:
    """Make `labels` (in order) the organisation's list."""
    await CandidateRepository.working_for(session, principal.tenant_id).clear_rejection_reasons()
    session.add_all(
        RejectionReason(tenant_id=principal.tenant_id, key=key, label=label, position=index)
        for index, (key, label) in enumerate(labels.items())
    )
    await session.flush()
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="rejection_reasons.replaced",
        target_type="rejection_reasons",
        details={"keys": list(labels)},
    )
    return Reasons(dict(labels), customised=True)
