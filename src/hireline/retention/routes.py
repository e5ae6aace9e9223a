"""HTTP layer of retention policies and candidates' consent to be kept."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.retention import service
from hireline.retention.models import RetentionConsent, RetentionPolicy
from hireline.retention.planning import RetentionPlan
from hireline.retention.schemas import (
    KeepConsentRead,
    KeepConsentWrite,
    RetentionPoliciesUpdate,
    RetentionPolicyList,
    RetentionPolicyRead,
    RetentionPreview,
    RetentionPreviewItem,
)

router = APIRouter(prefix="/v1", tags=["retention"])

# Deciding how long to keep people is the organisation's call: owners and admins.
Administrator = Annotated[Principal, require(Action.ORGANIZATION_MANAGE)]
Writer = Annotated[Principal, require(Action.CANDIDATES_WRITE)]
Reader = Annotated[Principal, require(Action.CANDIDATES_READ)]


def _list(policies: list[RetentionPolicy]) -> RetentionPolicyList:
    return RetentionPolicyList(items=[RetentionPolicyRead.model_validate(p) for p in policies])


def _preview(plan: RetentionPlan) -> RetentionPreview:
    items = [
        RetentionPreviewItem(
            candidate_id=n.candidate_id,
            name=n.name,
            action="notice",
            policy_id=n.policy.id,
            last_activity=n.last_activity,
            erase_after=n.erase_after,
        )
        for n in plan.notices
    ]
    items += [
        RetentionPreviewItem(
            candidate_id=e.notice.candidate_id,
            name=e.name,
            action="erase",
            policy_id=e.policy.id,
            last_activity=e.last_activity,
            erase_after=e.notice.erase_after,
        )
        for e in plan.erasures
    ]
    items += [
        RetentionPreviewItem(
            candidate_id=w.notice.candidate_id,
            name=None,
            action="withdraw_notice",
            policy_id=w.notice.policy_id,
            last_activity=w.last_activity,
            erase_after=w.notice.erase_after,
        )
        for w in plan.withdrawals
    ]
    return RetentionPreview(as_of=plan.now, items=items)


def _consent(candidate_id: uuid.UUID, consent: RetentionConsent | None) -> KeepConsentRead:
    return KeepConsentRead(
        candidate_id=candidate_id, consented_at=consent.consented_at if consent else None
    )


@router.get("/retention-policies", summary="How long the organisation keeps candidates")
async def list_retention_policies(
    session: DbSession, principal: Administrator
) -> RetentionPolicyList:
    return _list(await service.policies(session))


@router.put("/retention-policies", summary="Replace the organisation's retention policies")
async def replace_retention_policies(
    body: RetentionPoliciesUpdate, session: DbSession, principal: Administrator
) -> RetentionPolicyList:
    return _list(await service.replace_policies(session, principal, body.policies))


@router.get(
    "/retention-policies/preview",
    summary="Who the next daily run would notify, erase, or stop counting down for",
)
async def preview_retention(session: DbSession, principal: Administrator) -> RetentionPreview:
    return _preview(await service.preview(session, datetime.now(UTC)))


@router.get(
    "/candidates/{candidate_id}/keep-consent",
    summary="Whether the candidate agreed to be kept past the retention policies",
)
async def get_keep_consent(
    candidate_id: uuid.UUID, session: DbSession, principal: Reader
) -> KeepConsentRead:
    return _consent(candidate_id, await service.keep_consent(session, principal, candidate_id))


@router.put(
    "/candidates/{candidate_id}/keep-consent",
    summary="Record or withdraw the candidate's consent to be kept",
)
async def put_keep_consent(
    candidate_id: uuid.UUID, body: KeepConsentWrite, session: DbSession, principal: Writer
) -> KeepConsentRead:
    consent = await service.set_keep_consent(session, principal, candidate_id, body.consented)
    return _consent(candidate_id, consent)
