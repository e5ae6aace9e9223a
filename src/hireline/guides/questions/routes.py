"""HTTP layer of the interview question bank."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.guides.questions import service as questions
from hireline.guides.templates.content import Level, QuestionCategory, Slug
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1/questions", tags=["guides"])

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]


class QuestionRead(BaseModel):
    id: str
    origin: str = Field(description="built-in, tenant (from your forked template) or own")
    role: str | None
    category: str
    topic: str
    question: str
    strong_answer: str
    skills: list[str]
    levels: list[str]


class QuestionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: QuestionCategory
    topic: Label
    question: Text
    strong_answer: Text = Field(description="What a strong answer shows.")
    skills: list[Label] = Field(default_factory=list, max_length=30)
    levels: list[Level] = Field(min_length=1)
    role: Slug | None = None


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
    return [
        QuestionRead(
            id=q.id,
            origin=q.origin,
            role=q.role,
            category=q.category,
            topic=q.topic,
            question=q.question,
            strong_answer=q.strong_answer,
            skills=list(q.skills),
            levels=list(q.levels),
        )
        for q in found
    ]


@router.post("", status_code=status.HTTP_201_CREATED, summary="Add a question to your bank")
async def create_question(
    body: QuestionCreate,
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_WRITE)],
) -> QuestionRead:
    row = await questions.add(
        session,
        principal,
        category=body.category,
        topic=body.topic,
        question=body.question,
        strong_answer=body.strong_answer,
        skills=body.skills,
        levels=list(dict.fromkeys(body.levels)),
        role=body.role,
    )
    return QuestionRead(
        id=str(row.id),
        origin="own",
        role=row.role,
        category=row.category,
        topic=row.topic,
        question=row.question,
        strong_answer=row.strong_answer,
        skills=row.skills,
        levels=row.levels,
    )
