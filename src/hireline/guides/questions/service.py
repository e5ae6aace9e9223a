"""The interview question bank: built-in questions from every template plus a tenant's own."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.principal import Principal
from hireline.guides.questions.models import TenantQuestion
from hireline.guides.questions.repository import QuestionRepository
from hireline.guides.templates import service as templates
from hireline.guides.templates.content import QuestionCategory
from hireline.identity.audit import service as audit


@dataclass(frozen=True)
class BankQuestion:
    """A question as the bank lists it, whatever its origin."""

    id: str
    origin: str
    role: str | None
    category: str
    topic: str
    question: str
    strong_answer: str
    skills: tuple[str, ...]
    levels: tuple[str, ...]


@dataclass(frozen=True)
class QuestionFilter:
    category: QuestionCategory | None = None
    topic: str | None = None
    skill: str | None = None
    level: str | None = None
    role: str | None = None

    def matches(self, question: BankQuestion) -> bool:
        lowered = {s.lower() for s in question.skills}
        return (
            (self.category is None or question.category == self.category)
            and (self.topic is None or self.topic.lower() in question.topic.lower())
            and (self.skill is None or self.skill.lower() in lowered)
            and (self.level is None or self.level in question.levels)
            and (self.role is None or question.role == self.role)
        )


async def search(
    session: AsyncSession, tenant_id: uuid.UUID, wanted: QuestionFilter
) -> list[BankQuestion]:
    """Questions of every template the tenant sees (its forks included) and its own."""
    found: list[BankQuestion] = []
    for resolved in await templates.list_templates(session, tenant_id):
        template = resolved.template
        bank = template.interview_questions
        for category, questions in (
            ("technical", bank.technical),
            ("behavioral", bank.behavioral),
            ("culture", bank.culture),
        ):
            for q in questions:
                found.append(
                    BankQuestion(
                        id=f"{resolved.origin}:{template.key}:{q.key}",
                        origin=resolved.origin,
                        role=template.key,
                        category=category,
                        topic=q.topic,
                        question=q.question,
                        strong_answer=q.strong_answer,
                        skills=q.skills,
                        levels=q.levels,
                    )
                )
    found.extend(_own(row) for row in await QuestionRepository(session).own_questions())
    return [q for q in found if wanted.matches(q)]


async def add(
    session: AsyncSession,
    principal: Principal,
    *,
    category: QuestionCategory,
    topic: str,
    question: str,
    strong_answer: str,
    skills: list[str],
    levels: list[str],
    role: str | None,
) -> BankQuestion:
    """Add a question to the tenant's own bank (a level named twice counts once)."""
    row = TenantQuestion(
        tenant_id=principal.tenant_id,
        category=category,
        topic=topic,
        question=question,
        strong_answer=strong_answer,
        skills=skills,
        levels=list(dict.fromkeys(levels)),
        role=role,
        created_by=principal.id,
    )
    await QuestionRepository(session).add(row)
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="question.created",
        target_type="interview_question",
        target_id=row.id,
    )
    return _own(row)


def _own(row: TenantQuestion) -> BankQuestion:
    return BankQuestion(
        id=str(row.id),
        origin="own",
        role=row.role,
        category=row.category,
        topic=row.topic,
        question=row.question,
        strong_answer=row.strong_answer,
        skills=tuple(row.skills),
        levels=tuple(row.levels),
    )
