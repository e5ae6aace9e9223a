"""The notifications room's queries: its organisations' e-mail templates."""

from __future__ import annotations

from sqlalchemy import delete, select

from hireline.core.repositories import Repository
from hireline.notifications.models import EmailTemplate


class EmailTemplateRepository(Repository):
    """The session's organisation's own templates."""

    async def all(self) -> list[EmailTemplate]:
        rows = await self.session.scalars(
            select(EmailTemplate)
            .where(EmailTemplate.tenant_id == self.tenant_id)
            .order_by(EmailTemplate.kind)
        )
        return list(rows)

    async def get(self, kind: str) -> EmailTemplate | None:
        return await self.session.get(EmailTemplate, (self.tenant_id, kind))

    async def save(self, kind: str, subject: str, body: str) -> EmailTemplate:
        template = await self.get(kind)
        if template is None:
            template = EmailTemplate(
                tenant_id=self.tenant_id, kind=kind, subject=subject, body=body
            )
            self.session.add(template)
        else:
            template.subject = subject
            template.body = body
        await self.session.flush()
        return template

    async def remove(self, kind: str) -> None:
        await self.session.execute(
            delete(EmailTemplate).where(
                EmailTemplate.tenant_id == self.tenant_id, EmailTemplate.kind == kind
            )
        )
