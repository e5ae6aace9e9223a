"""Response bodies of the audit log."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class AuditEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    actor_type: str
    actor_id: str | None
    action: str
    target_type: str | None
    target_id: str | None
    ip: str | None
    details: dict[str, object]
    occurred_at: datetime


class AuditPage(BaseModel):
    """Newest entries first; pass `next_cursor` as `cursor` for the page after."""

    items: list[AuditEntryRead]
    next_cursor: str | None
