"""HTTP layer of matching: why an application scores what it does."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Request

from hireline.candidates import service as candidates
from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.matching import service
from hireline.matching.schemas import MatchParts, MatchRead
from hireline.matching.scoring import SEMANTIC_WEIGHT, WEIGHTS

router = APIRouter(prefix="/v1", tags=["matching"])

Reader = Annotated[Principal, require(Action.CANDIDATES_READ)]


@router.get(
    "/applications/{application_id}/match",
    summary="The application's match score and its explanation",
)
async def application_match(
    application_id: uuid.UUID, session: DbSession, principal: Reader, request: Request
) -> MatchRead:
    await candidates.require_application_visible(session, principal, application_id)
    match = await service.get(
        session,
        principal.tenant_id,
        application_id,
        semantic=request.app.state.settings.semantic_matching,
    )
    parts = MatchParts.model_validate(match.explanation.get("parts", {}))
    base_weights = dict(WEIGHTS)
    if parts.semantic is not None:
        base_weights["semantic"] = SEMANTIC_WEIGHT
    return MatchRead(
        application_id=match.application_id,
        job_id=match.job_id,
        candidate_id=match.candidate_id,
        score=match.score,
        computed_at=match.computed_at,
        base_weights=base_weights,
        parts=parts,
    )
