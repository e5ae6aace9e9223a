"""The queries of browser sessions kept in PostgreSQL (the `web_sessions` table).

Row-level security shows a row only to a transaction that presents its digest, so every call
here follows `allow_credential_lookup` with that digest (ADR 0014); the rows belong to an
account rather than to one tenant.
"""

from __future__ import annotations

from sqlalchemy import delete

from hireline.core.repositories import Repository
from hireline.web.models import WebSession


class WebSessionRepository(Repository):
    """Browser sessions by the digest of their cookie."""

    async def add(self, web_session: WebSession) -> None:
        """Store a new session."""
        self.session.add(web_session)
        await self.session.flush()

    async def by_digest(self, id_digest: str) -> WebSession | None:
        """The session whose cookie has this digest."""
        return await self.session.get(WebSession, id_digest)

    async def delete(self, id_digest: str) -> None:
        """Delete the session whose cookie has this digest, if any."""
        await self.session.execute(delete(WebSession).where(WebSession.id_digest == id_digest))

    async def remove(self, web_session: WebSession) -> None:
        """Delete a session already read (an expired or stale one)."""
        await self.session.delete(web_session)
        await self.session.flush()
