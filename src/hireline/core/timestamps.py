"""Timestamps as the API takes them: ISO 8601 text, never a bare number.

Pydantic reads a number (`applied_to=0.5`) as seconds since 1970, so a typo or a value
meant for another field became a date in January 1970 instead of an error.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _is_number(value: Any) -> bool:
    return isinstance(value, bool | int | float) or (
        isinstance(value, str) and _NUMBER.fullmatch(value.strip()) is not None
    )


def _iso_text_only(value: Any) -> Any:
    if _is_number(value):
        raise ValueError("expected an ISO 8601 date-time such as 2026-01-31T09:00:00Z")
    return value


def _iso_day_only(value: Any) -> Any:
    if _is_number(value):
        raise ValueError("expected an ISO 8601 date such as 2026-01-31")
    return value


Timestamp = Annotated[datetime, BeforeValidator(_iso_text_only)]
"""A date-time input: ISO 8601 (`2026-01-31T09:00:00Z`, `2026-01-31`), never a number."""

Day = Annotated[date, BeforeValidator(_iso_day_only)]
"""A day input: ISO 8601 (`2026-01-31`), never a number."""
