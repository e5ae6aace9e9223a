"""The queries of API keys and OAuth clients, each starting from the session's tenant."""

from __future__ import annotations

import uuid
from typing import TypeVar

from hireline.core.repositories import Repository
from hireline.identity.models import ApiKey, OAuthClient

Credential = TypeVar("Credential", ApiKey, OAuthClient)


class CredentialRepository(Repository):
    """The session's tenant's API keys and OAuth clients."""

    async def add(self, credential: ApiKey | OAuthClient) -> None:
        """Store a new credential; its id is known on return."""
        self.session.add(credential)
        await self.session.flush()

    async def newest(self, model: type[Credential], limit: int) -> list[Credential]:
        """Credentials of one kind, revoked ones included, newest first."""
        rows = await self.session.execute(
            self.owned(model).order_by(model.created_at.desc(), model.id).limit(limit)
        )
        return list(rows.scalars())

    async def get(self, model: type[Credential], credential_id: uuid.UUID) -> Credential | None:
        """One credential of the tenant by id."""
        query = self.owned(model).where(model.id == credential_id)
        return (await self.session.execute(query)).scalar_one_or_none()
