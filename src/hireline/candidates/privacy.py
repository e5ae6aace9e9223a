"""A candidate's rights: a copy of everything held on them, and erasure.

Erasure runs in two steps. In the request's transaction: the person's fields, résumés,
answers and activity details are emptied and their events reduced to ids and codes (so
the pipeline's statistics survive); their files are deleted once that commits. Then, in the
worker (`candidates.tasks.finish_erasure`): webhook deliveries made from their events are
rewritten from the reduced events, the mail written about them to `<data dir>/mail` is
deleted, and the touched tables are vacuumed, so that the old row versions holding their
data are not left in the table files until autovacuum comes by (see the README's security
section for what remains in PostgreSQL's write-ahead log until it is recycled).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service
from hireline.candidates.annotations import service as notes
from hireline.candidates.events import CandidateEvent
from hireline.candidates.repository import CandidateRepository
from hireline.core import events
from hireline.core.database_url import libpq_url
from hireline.core.db import on_commit
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage
from hireline.identity.audit import service as audit

# Event payload keys that are codes, not free text: kept when events are reduced.
_EVENT_CODES = frozenset({"reason", "notify_candidate", "fields", "source", "status"})
# The tables an erasure changes, vacuumed after it (those missing on this server are skipped).
ERASURE_TABLES = (
    "candidates",
    "candidate_search",
    "candidate_embeddings",
    "applications",
    "resumes",
    "activities",
    "candidate_notes",
    "domain_events",
    "webhook_deliveries",
    "webhook_attempts",
    "match_scores",
)


def kept_in_events(key: str) -> bool:
    """Whether an event payload keeps `key`: ids and codes, never free text or contacts."""
    return key.endswith(("_id", "_ids")) or key in _EVENT_CODES


def _row(obj: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        column.key: getattr(obj, column.key)
        for column in obj.__table__.columns
        if column.key not in exclude
    }


async def export(session: AsyncSession, principal: Principal, candidate_id: Any) -> dict[str, Any]:
    """Every record held on the person, as one JSON-ready document (and audited)."""
    candidate = await service.get(session, principal.tenant_id, candidate_id)
    document = {
        "candidate": _row(candidate, exclude=("tenant_id", "resume_text", "search_document")),
        "applications": [
            _row(a, exclude=("tenant_id",))
            for a in await service.applications_of(session, candidate)
        ],
        "resumes": [
            _row(r, exclude=("tenant_id", "storage_key"))
            for r in await service.resumes_of(session, candidate)
        ],
        "activity": [
            _row(a, exclude=("tenant_id",)) for a in await service.activities_of(session, candidate)
        ],
        "notes": [
            _row(view.note, exclude=("tenant_id",))
            for view in await notes.notes_of(session, principal.tenant_id, candidate.id)
        ],
        "exported_at": datetime.now(UTC),
    }
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="candidate.exported",
        target_type="candidate",
        target_id=candidate.id,
    )
    return document


async def erase(
    session: AsyncSession, principal: Principal, storage: FileStorage, candidate_id: Any
) -> None:
    """Remove the person's data and files; keep anonymised applications for the statistics."""
    await _erase(session, principal.tenant_id, storage, candidate_id, actor=principal)


async def erase_by_policy(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    storage: FileStorage,
    candidate_id: uuid.UUID,
    *,
    policy: dict[str, Any],
) -> None:
    """The same erasure, decided by a retention policy (audited as the system's, with it)."""
    await _erase(session, tenant_id, storage, candidate_id, actor=None, policy=policy)


async def _erase(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    storage: FileStorage,
    candidate_id: Any,
    *,
    actor: Principal | None,
    policy: dict[str, Any] | None = None,
) -> None:
    candidate = await service.get(session, tenant_id, candidate_id)
    resumes = await service.resumes_of(session, candidate)
    keys = [r.storage_key for r in resumes]
    await CandidateRepository.working_for(session, candidate.tenant_id).erase_traces(candidate.id)
    for name in (
        "email_normalized",
        "email",
        "name",
        "phone",
        "location",
        "headline",
        "notes",
        "referred_by",
        "years_experience",
    ):
        setattr(candidate, name, None)
    await notes.forget_notes(session, candidate.id)
    candidate.links = []
    candidate.skills = []
    candidate.tags = []
    candidate.edited_fields = []
    candidate.erased_at = datetime.now(UTC)
    await session.flush()
    await audit.record(
        session,
        tenant_id=tenant_id,
        actor=actor,
        actor_type="system" if actor is None else None,
        actor_id="retention_policy" if actor is None else None,
        action="candidate.erased",
        target_type="candidate",
        target_id=candidate.id,
        details={"files": len(keys)} | ({"policy": policy} if policy else {}),
    )
    await events.scrub_payloads(
        session, candidate.tenant_id, about=("candidate_id", str(candidate.id)), keep=kept_in_events
    )
    await events.record(
        session,
        type=CandidateEvent.CANDIDATE_ERASED,
        payload={"candidate_id": str(candidate.id)},
        tenant_id=tenant_id,
    )

    async def delete_files() -> None:
        for key in keys:
            await storage.delete(key)

    # Only once the erasure is committed: a rolled-back erasure must keep its files.
    on_commit(session, delete_files)


async def vacuum_erased(owner_url: str) -> list[str]:
    """VACUUM the tables an erasure touched, as the schema owner; returns those vacuumed.

    VACUUM cannot run in a transaction, and only a table's owner may run it: this takes a
    connection of its own with the migrating user's URL, not the app role's.
    """
    vacuumed = []
    async with await psycopg.AsyncConnection.connect(libpq_url(owner_url), autocommit=True) as db:
        for table in ERASURE_TABLES:
            found = await db.execute("SELECT to_regclass(%s)", (table,))
            row = await found.fetchone()
            if row is None or row[0] is None:
                continue
            await db.execute(sql.SQL("VACUUM {}").format(sql.Identifier(table)))
            vacuumed.append(table)
    return vacuumed
