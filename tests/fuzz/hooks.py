"""Schemathesis hooks of the CI fuzz run (loaded through SCHEMATHESIS_HOOKS)."""

from __future__ import annotations

import uuid
from typing import Any

import schemathesis

IDEMPOTENCY_KEY = "Idempotency-Key"


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """A fresh Idempotency-Key per request, as a real client sends.

    Generated keys repeat ("0", "00", ...) across different bodies, which the API rightly
    refuses with 422 (a key reused for another request); that rule has its own tests.
    """
    headers = case.headers or {}
    if IDEMPOTENCY_KEY in headers:
        headers[IDEMPOTENCY_KEY] = uuid.uuid4().hex
        case.headers = headers
