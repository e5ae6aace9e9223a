"""One résumé file to the facts Hireline keeps about it: text first, then fields from the text."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from hireline.resumes.extract import extract_text
from hireline.resumes.fields import extract_fields


def parse_resume(
    data: bytes,
    content_type: str,
    *,
    today: date,
    default_region: str | None = None,
    home_region: str | None = None,
) -> dict[str, Any]:
    """The résumé's text and fields as JSON-ready data; `UnreadableResume` if it has no text.

    Runs in a parser child process (see `sandbox`), so it must not touch the database.
    """
    text = extract_text(data, content_type)
    fields = extract_fields(
        text, today=today, default_region=default_region, home_region=home_region
    )
    return {"text": text, **_jsonable(dataclasses.asdict(fields))}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
