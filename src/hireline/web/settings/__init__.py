"""The organisation's settings under /app/settings/: one module per section."""

from __future__ import annotations

from fastapi import APIRouter

from hireline.web.settings import (
    careers,
    credentials,
    emails,
    members,
    plan,
    reasons,
    webhooks,
)

router = APIRouter(include_in_schema=False)
for section in (members, credentials, webhooks, reasons, emails, careers, plan):
    router.include_router(section.router)
