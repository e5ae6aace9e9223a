"""The queries of a tenant's own interview questions."""

from __future__ import annotations

from hireline.core.repositories import Repository
from hireline.guides.questions.models import TenantQuestion


class QuestionRepository(Repository):
    """The session's tenant's own questions."""

    async def own_questions(self) -> list[TenantQuestion]:
        """Every question the tenant added, oldest first."""
        query = self.owned(TenantQuestion).order_by(TenantQuestion.created_at)
        return list((await self.session.execute(query)).scalars())

    async def add(self, question: TenantQuestion) -> TenantQuestion:
        """Store a new question; its id is known on return."""
        self.session.add(question)
        await self.session.flush()
        return question
