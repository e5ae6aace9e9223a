"""Text the application reads: no NUL character gets past the door.

PostgreSQL refuses U+0000 in `text` and `jsonb`, so a NUL that reached a query used to end
as a 500 on whatever route it was sent to. One app-wide dependency refuses it before any
route's own code runs, in every path parameter, query parameter, header, form field and
JSON body string or key, with a 422 naming each place.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute
from starlette.requests import HTTPConnection

from hireline.core.errors import ValidationFailed

NUL = "\x00"
NUL_ERROR_TYPE = "nul_character"
NUL_MESSAGE = "Text may not contain the NUL character (U+0000)."
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# The only way JSON text can carry a NUL: raw control characters are invalid JSON.
_JSON_NUL_ESCAPE = b"\\u0000"

Location = tuple[str | int, ...]


def _error(loc: Location) -> dict[str, Any]:
    # A key holding the NUL is named with it spelled out, so the answer stays printable.
    shown = [part.replace(NUL, "\\u0000") if isinstance(part, str) else part for part in loc]
    return {"loc": shown, "msg": NUL_MESSAGE, "type": NUL_ERROR_TYPE}


def nul_character_errors(value: Any, loc: Location) -> list[dict[str, Any]]:
    """Validation errors (API 422 shape) for each string or key holding a NUL in `value`."""
    if isinstance(value, str):
        return [_error(loc)] if NUL in value else []
    errors: list[dict[str, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and NUL in key:
                errors.append(_error((*loc, key)))
            errors.extend(nul_character_errors(item, (*loc, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            errors.extend(nul_character_errors(item, (*loc, index)))
    return errors


def without_nul_characters(value: Any) -> Any:
    """`value` with every NUL removed from its strings and keys (for text the server itself
    extracts, from a file say, where refusing is not an option)."""
    if isinstance(value, str):
        return value.replace(NUL, "")
    if isinstance(value, dict):
        return {without_nul_characters(k): without_nul_characters(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul_characters(item) for item in value]
    return value


def raise_if_nul_characters(errors: list[dict[str, Any]]) -> None:
    """The 422 problem for `errors`, when there are any."""
    if errors:
        raise ValidationFailed("Text may not contain NUL characters.", errors=errors)


def _pairs_errors(section: str, pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    errors = []
    for name, value in pairs:
        if NUL in name or NUL in value:
            errors.append(_error((section, name)))
    return errors


async def _body_errors(request: Request) -> list[dict[str, Any]]:
    route = request.scope.get("route")
    # A route that declares no body never reads one: nothing of it reaches the database.
    if not isinstance(route, APIRoute) or route.body_field is None:
        return []
    content_type = request.headers.get("content-type", "").lower()
    if content_type.startswith(_FORM_TYPES):
        # FastAPI parsed the form before solving dependencies; this is that cached form.
        form = await request.form()
        # Uploaded files are bytes (a PDF holds NULs) and their names are sanitised on use.
        fields = [(name, value) for name, value in form.multi_items() if isinstance(value, str)]
        return _pairs_errors("body", fields)
    body = await request.body()
    if _JSON_NUL_ESCAPE not in body:
        return []
    try:
        parsed = json.loads(body)
    except ValueError:
        return []  # not JSON: FastAPI has already answered or passes the bytes on as they are
    return nul_character_errors(parsed, ("body",))


async def refuse_nul_characters(request: HTTPConnection) -> None:
    """App-wide dependency: 422 when any text the route may read holds a NUL character.

    Typed as a connection, not a request, so that it also runs before WebSocket routes
    (which have no body to read)."""
    errors = [
        _error(("path", name))
        for name, value in request.path_params.items()
        if isinstance(value, str) and NUL in value
    ]
    errors.extend(_pairs_errors("query", request.query_params.multi_items()))
    errors.extend(_pairs_errors("header", request.headers.items()))
    if isinstance(request, Request):
        errors.extend(await _body_errors(request))
    raise_if_nul_characters(errors)
