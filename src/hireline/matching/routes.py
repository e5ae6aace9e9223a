"""HTTP layer of matching: why an application scores what it does."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.matching import service
from hireline.matching.schemas import MatchParts, MatchRead

router = APIRouter(prefix="/v1", tags=["matching"])

Reader = Annotated[Principal, require(Action.CANDIDATES_READ)]


@router.get(
    "/applications/{application_id}/match",
    summary="The application's match score and its explanation",
)
async def application_match(
    application_id: uuid.UUID, session: DbSession, principal: Reader
) -> MatchRead:
    match = await service.get(session, principal.tenant_id, application_id)
    return MatchRead(
        application_id=match.application_id,
        job_id=match.job_id,
        candidate_id=match.candidate_id,
        score=match.score,
        computed_at=match.computed_at,
        parts=MatchParts.model_validate(match.explanation.get("parts", {})),
    )
