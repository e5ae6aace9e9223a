"""What a team leaves on candidates while it works: notes mentioning colleagues, tags, and a
recruiter's saved searches (each through the product's own services)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hireline.candidates import service as candidates
from hireline.candidates.annotations import service as notes
from hireline.core.db import unit_of_work
from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.search.saved import service as saved
from hireline.search.saved.schemas import SavedSearchCreate

NOTES: tuple[tuple[str, list[str]], ...] = (
    (
        "Strong systems answers on the phone screen. @priya.raman, worth a deeper round?",
        ["strong-screen", "python"],
    ),
    (
        "Asked about working from Lisbon; fine for the hybrid role? @marcus.okafor",
        ["relocation"],
    ),
    ("Great portfolio, thin on testing. Pairing exercise next.", ["portfolio"]),
    ("Referred by a former colleague; keep warm for the next opening.", ["silver-medallist"]),
)
SEARCHES: tuple[tuple[str, str, dict[str, list[str]]], ...] = (
    ("Python with PostgreSQL", "python postgresql", {"skills": ["Python"]}),
    ("Kubernetes, not Java", "kubernetes -java", {}),
)


async def annotate(
    sessions: async_sessionmaker[AsyncSession], tenant_id: uuid.UUID, recruiter: Principal
) -> None:
    """Notes and tags on the newest candidates; the recruiter's saved searches."""
    async with unit_of_work(sessions) as session:
        await enter_tenant(session, tenant_id)
        newest, _ = await candidates.page(
            session, tenant_id, q=None, tag=None, cursor=None, limit=len(NOTES)
        )
        for candidate, (body, tags) in zip(newest, NOTES, strict=False):
            await notes.add_note(session, recruiter, candidate.id, body)
            await notes.add_tags(session, recruiter, candidate.id, tags)
        for name, query, filters in SEARCHES:
            await saved.save(
                session, recruiter, SavedSearchCreate(name=name, query=query, filters=filters)
            )
