"""HTTP layer of the interview question bank."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.guides.questions import service as questions
from hireline.guides.questions.schemas import QuestionCreate, QuestionRead
from hireline.guides.templates.content import Level, QuestionCategory
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1/questions", tags=["guides"])


@router.get("", summary="Search the question bank: built-in, from your templates, and your own")
async def list_questions(
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_READ)],
    category: QuestionCategory | None = None,
    topic: Annotated[str | None, Query(max_length=160)] = None,
    skill: Annotated[str | None, Query(max_length=160)] = None,
    level: Level | None = None,
    role: Annotated[str | None, Query(max_length=80)] = None,
) -> list[QuestionRead]:
    found = await questions.search(
        session,
        principal.tenant_id,
        questions.QuestionFilter(category, topic, skill, level, role),
    )
    return [QuestionRead.model_validate(q, from_attributes=True) for q in found]


@router.post("", status_code=status.HTTP_201_CREATED, summary="Add a question to your bank")
async def create_question(
    body: QuestionCreate,
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_WRITE)],
) -> QuestionRead:
    added = await questions.add(session, principal, **body.model_dump())
    return QuestionRead.model_validate(added, from_attributes=True)
