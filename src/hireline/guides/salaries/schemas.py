"""Response bodies of salary bands and imports."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class AdjustmentRead(BaseModel):
    key: str
    label: str
    kind: str
    unit: Literal["percent", "usd"]
    low: int
    high: int
    min_delta: int
    max_delta: int
    basis: str
    explanation: str


class Band(BaseModel):
    min: int
    max: int


class SalaryBandRead(BaseModel):
    """A salary band: the base figure, its origin, and what each adjustment added."""

    role: str
    level: str
    location: str
    location_name: str
    currency: str
    base: Band
    origin: Literal["tenant", "built-in"]
    source: str
    as_of: str
    basis: str
    adjustments: list[AdjustmentRead]
    adjusted: Band
    notes: list[str]


class RejectionRead(BaseModel):
    row: int
    reason: str


class ImportReportRead(BaseModel):
    """What an import did; `rejections` lists at most the first 1 000 rejected rows."""

    rows_read: int
    inserted: int
    updated: int
    unchanged: int
    rejected: int
    rejections: list[RejectionRead]
