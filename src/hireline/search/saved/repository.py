"""The only place saved searches are queried: always the tenant's and the user's own."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from hireline.core.repositories import Repository
from hireline.search.saved.models import SavedSearch


class SavedSearchRepository(Repository):
    async def of_user(self, user_id: uuid.UUID) -> list[SavedSearch]:
        rows = await self.session.execute(
            select(SavedSearch)
            .where(SavedSearch.tenant_id == self.tenant_id, SavedSearch.user_id == user_id)
            .order_by(SavedSearch.name)
        )
        return list(rows.scalars())

    async def get(self, user_id: uuid.UUID, search_id: uuid.UUID) -> SavedSearch | None:
        found = await self.session.get(SavedSearch, (self.tenant_id, search_id))
        return found if found is not None and found.user_id == user_id else None

    async def named(self, user_id: uuid.UUID, name: str) -> SavedSearch | None:
        rows = await self.session.execute(
            select(SavedSearch).where(
                SavedSearch.tenant_id == self.tenant_id,
                SavedSearch.user_id == user_id,
                SavedSearch.name == name,
            )
        )
        return rows.scalar_one_or_none()

    async def add(self, search: SavedSearch) -> SavedSearch:
        self.session.add(search)
        await self.session.flush()
        return search

    async def remove(self, search: SavedSearch) -> None:
        await self.session.delete(search)
        await self.session.flush()
