"""What every resolver of one request shares: the principal, the unit of work, the loaders."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.fastapi import BaseContext

from hireline.core.errors import NotFound, PermissionDenied
from hireline.core.principal import Principal
from hireline.graphql.loaders import Loaders
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs

T = TypeVar("T")


class GraphQLContext(BaseContext):
    """One request's principal and session, and the loaders that batch its reads."""

    def __init__(self, session: AsyncSession, principal: Principal) -> None:
        super().__init__()
        self.session = session
        self.principal = principal
        # Strawberry resolves sibling fields concurrently, but a session runs one statement
        # at a time: every read of the request queues here.
        self._lock = asyncio.Lock()
        self._visible_jobs: tuple[frozenset[uuid.UUID] | None] | None = None
        self.loaders = Loaders(self)

    def require(self, action: Action) -> None:
        """Refuse the field unless the principal may do `action` (the REST routes' table)."""
        if not self.principal.can(action):
            raise PermissionDenied(f"This needs the {action.value!r} permission.")

    async def run(self, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """Run `work` on the request's session, alone."""
        async with self._lock:
            running = asyncio.ensure_future(work(self.session))
            try:
                return await asyncio.shield(running)
            except asyncio.CancelledError:
                # A statement cut off half-way breaks the connection for the whole request:
                # let it finish before giving up the session.
                await asyncio.wait([running])
                raise

    async def visible_jobs(self) -> frozenset[uuid.UUID] | None:
        """The jobs a team-scoped member may see (None: all), read once per request."""
        if self._visible_jobs is None:
            found = await self.run(lambda s: jobs.visible_job_ids(s, self.principal))
            self._visible_jobs = (found,)
        return self._visible_jobs[0]

    async def require_job_visible(self, job_id: uuid.UUID) -> None:
        """NotFound, as for another organisation's job, unless the principal may see it."""
        visible = await self.visible_jobs()
        if visible is not None and job_id not in visible:
            raise NotFound("No job with this id.")
