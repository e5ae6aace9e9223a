"""Opaque cursors for keyset pagination, stable under inserts."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import orjson

from hireline.core.errors import ValidationFailed

MAX_PAGE_SIZE = 200
T = TypeVar("T")


def encode_cursor(*values: Any) -> str:
    """An opaque cursor holding the sort key of the last row of a page."""
    return base64.urlsafe_b64encode(orjson.dumps(values, default=str)).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list[Any]:
    """The values of a cursor made by `encode_cursor`; a 422 problem if it was tampered with."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = orjson.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, orjson.JSONDecodeError):
        values = None
    if not isinstance(values, list) or len(values) != arity:
        raise invalid_cursor()
    return values


def invalid_cursor() -> ValidationFailed:
    """The error for a cursor that does not decode to what the endpoint expects."""
    return ValidationFailed(
        "The cursor is not one this API issued.",
        errors=[{"loc": ["query", "cursor"], "msg": "invalid cursor", "type": "cursor"}],
    )


def id_after(cursor: str | None) -> uuid.UUID | None:
    """The id a cursor of an id-ordered (UUIDv7) listing continues after."""
    if cursor is None:
        return None
    (last,) = decode_cursor(cursor, 1)
    try:
        return uuid.UUID(str(last))
    except ValueError:
        raise invalid_cursor() from None


def cut_page(
    rows: list[T], limit: int, last_id: Callable[[T], uuid.UUID]
) -> tuple[list[T], str | None]:
    """Trim a `limit + 1` fetch to one page and the cursor for the next, if any."""
    if len(rows) <= limit:
        return rows, None
    page = rows[:limit]
    return page, encode_cursor(str(last_id(page[-1])))
