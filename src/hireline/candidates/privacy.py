"""A candidate's rights: a copy of everything held on them, and erasure."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service
from hireline.candidates.models import Activity, Application, Resume
from hireline.core import events
from hireline.core.db import on_commit
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage
from hireline.identity import audit


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
    candidate = await service.get(session, principal.tenant_id, candidate_id)
    resumes = await service.resumes_of(session, candidate)
    keys = [r.storage_key for r in resumes]
    await session.execute(
        delete(Resume).where(
            Resume.tenant_id == candidate.tenant_id, Resume.candidate_id == candidate.id
        )
    )
    await session.execute(
        update(Application)
        .where(
            Application.tenant_id == candidate.tenant_id, Application.candidate_id == candidate.id
        )
        .values(answers={}, consent_text="(erased)")
    )
    await session.execute(
        update(Activity)
        .where(Activity.tenant_id == candidate.tenant_id, Activity.candidate_id == candidate.id)
        .values(details={})
    )
    for name in (
        "email_normalized",
        "email",
        "name",
        "phone",
        "location",
        "headline",
        "notes",
        "years_experience",
    ):
        setattr(candidate, name, None)
    candidate.links = []
    candidate.skills = []
    candidate.tags = []
    candidate.edited_fields = []
    candidate.erased_at = datetime.now(UTC)
    await session.flush()
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="candidate.erased",
        target_type="candidate",
        target_id=candidate.id,
        details={"files": len(keys)},
    )
    await events.record(
        session,
        type="candidate.erased",
        payload={"candidate_id": str(candidate.id)},
        tenant_id=principal.tenant_id,
    )

    async def delete_files() -> None:
        for key in keys:
            await storage.delete(key)

    # Only once the erasure is committed: a rolled-back erasure must keep its files.
    on_commit(session, delete_files)
