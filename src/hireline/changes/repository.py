"""Queries of the change feed: the tenant's changes past a position, in commit order."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import exists, select

from hireline.changes.models import Change
from hireline.core import commit_order
from hireline.core.commit_order import Position
from hireline.core.repositories import Repository


class ChangeRepository(Repository):
    async def after(
        self, position: Position, entities: Collection[str], limit: int
    ) -> list[Change]:
        """Up to `limit` final changes of `entities` past `position`, oldest first."""
        query = (
            self.owned(Change)
            .where(
                commit_order.after(Change.xid, Change.seq, position),
                Change.entity.in_(list(entities)),
            )
            .order_by(Change.xid, Change.seq)
            .limit(limit)
        )
        return list((await self.session.execute(query)).scalars())

    async def any_held_back(self, position: Position, entities: Collection[str]) -> bool:
        """Whether committed changes past `position` wait for an older transaction to end."""
        query = select(
            exists(
                self.owned(Change).where(
                    commit_order.held_back(Change.xid, Change.seq, position),
                    Change.entity.in_(list(entities)),
                )
            )
        )
        return bool(await self.session.scalar(query))
