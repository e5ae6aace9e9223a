"""Response bodies of API usage figures."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel


class PrincipalUsageRead(BaseModel):
    principal_type: str
    principal_id: str
    requests: int


class DailyUsageRead(BaseModel):
    day: date
    requests: int
    principals: list[PrincipalUsageRead]
