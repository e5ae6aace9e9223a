"""Opaque cursors for keyset pagination, stable under inserts."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import orjson

from hireline.core.errors import ValidationFailed

MAX_PAGE_SIZE = 200


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
