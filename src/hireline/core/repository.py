"""Core's own queries: domain events and idempotency keys.

`core/repositories.py` is the base every room's repository builds on; this module is core's
repository, over the tables of `core/models.py`.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import ColumnElement, bindparam, func, null, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.models import DomainEvent, IdempotencyRecord
from hireline.core.repositories import Repository


class EventRepository(Repository):
    async def about(self, key: str, value: str) -> list[DomainEvent]:
        """The tenant's events whose payload's `key` holds `value`, oldest first."""
        # The key is written into the SQL (a code constant, never input) so that the
        # expression is the indexed one (`payload ->> 'candidate_id'`) under generic plans too.
        field = DomainEvent.payload[bindparam("payload_key", key, literal_execute=True)].astext
        rows = await self.session.execute(
            self.owned(DomainEvent).where(field == value).order_by(DomainEvent.id)
        )
        return list(rows.scalars())

    async def load(self, event_id: int) -> DomainEvent | None:
        """The event by id, whatever its tenant (RLS decides what the job may see)."""
        return (
            await self.session.execute(select(DomainEvent).where(DomainEvent.id == event_id))
        ).scalar_one_or_none()


# What a key's record holds when it was found rather than claimed.
StoredRecord = tuple[str, int | None, list[list[str]] | None, bytes | None]


class IdempotencyRepository(Repository):
    """One principal's idempotency keys in the session's tenant."""

    def __init__(self, session: AsyncSession, principal: str) -> None:
        super().__init__(session)
        self.principal = principal

    def _record(self, key: str) -> tuple[ColumnElement[bool], ...]:
        return (
            IdempotencyRecord.tenant_id == self.tenant_id,
            IdempotencyRecord.principal == self.principal,
            IdempotencyRecord.key == key,
        )

    async def try_lock(self, lock_id: int) -> bool:
        """Take the key's transaction-scoped advisory lock, without waiting."""
        return bool(await self.session.scalar(select(func.pg_try_advisory_xact_lock(lock_id))))

    async def claim(self, key: str, request_digest: str, retention: timedelta) -> bool:
        """Insert the key's record, or replace an expired one; False when a live one exists."""
        new_claim = insert(IdempotencyRecord).values(
            tenant_id=self.tenant_id,
            principal=self.principal,
            key=key,
            request_digest=request_digest,
            expires_at=func.now() + retention,
        )
        insert_claim = new_claim.on_conflict_do_update(
            index_elements=[
                IdempotencyRecord.tenant_id,
                IdempotencyRecord.principal,
                IdempotencyRecord.key,
            ],
            set_={
                "request_digest": new_claim.excluded.request_digest,
                "response_status": null(),
                "response_headers": null(),
                "response_body": null(),
                "created_at": func.now(),
                "expires_at": new_claim.excluded.expires_at,
            },
            where=IdempotencyRecord.expires_at <= func.now(),
        ).returning(IdempotencyRecord.key)
        return (await self.session.execute(insert_claim)).first() is not None

    async def stored(self, key: str) -> StoredRecord | None:
        """The key's request digest and response (status, headers, body), if any."""
        record = (
            await self.session.execute(
                select(
                    IdempotencyRecord.request_digest,
                    IdempotencyRecord.response_status,
                    IdempotencyRecord.response_headers,
                    IdempotencyRecord.response_body,
                ).where(*self._record(key))
            )
        ).one_or_none()
        if record is None:
            return None
        digest, status, headers, body = record
        return digest, status, headers, body

    async def store(self, key: str, status: int, headers: list[list[str]], body: bytes) -> None:
        await self.session.execute(
            update(IdempotencyRecord)
            .where(*self._record(key))
            .values(response_status=status, response_headers=headers, response_body=body)
        )
