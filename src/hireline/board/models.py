"""How an organisation's careers pages look: its logo, colour and introduction."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, Text, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from hireline.core.db import Base


class CareersBranding(Base):
    """One organisation's branding; each part optional (the default look stands in)."""

    __tablename__ = "careers_branding"

    tenant_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    # "#rrggbb", lower case: checked before it is stored and again by the table.
    colour: Mapped[str | None] = mapped_column(String(7))
    intro: Mapped[str | None] = mapped_column(Text)
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    logo_type: Mapped[str | None] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
