"""Response bodies of the change feed."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

Entity = Literal["job", "candidate", "application", "interview", "scorecard", "offer"]
Operation = Literal["create", "update", "delete"]


class ChangeRead(BaseModel):
    """One change: read the record at its URL for its state; `delete` is a tombstone."""

    cursor: str = Field(description="Send as `since` to continue after this change.")
    type: Entity
    id: uuid.UUID
    operation: Operation
    changed_at: datetime


class ChangePage(BaseModel):
    """Changes in commit order, and where to continue."""

    items: list[ChangeRead]
    next_cursor: str = Field(
        description="Send as `since` next time; it stays put when there is nothing new."
    )
    has_more: bool = Field(description="More changes are ready: ask again at once.")
    pending: bool = Field(
        description="Changes have committed that an older running transaction still holds "
        "back (to keep the order); they appear once it ends."
    )
