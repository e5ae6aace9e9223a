"""`Idempotency-Key` on POST: the first response is kept for 24 h and replayed to retries.

The key is recorded in the request's own transaction, before the work and together with
it: `IdempotencyMiddleware` opens that transaction around the app (`hold_unit_of_work`),
`claim_idempotency_key` inserts the key's row into it once the principal is known, and the
middleware writes the response into the row and commits only then, before sending the
response. So the key, the work and the answer commit together or not at all: a request
killed half-way (SIGKILL, a lost connection, a cancelled task) leaves no trace, and its
retry simply runs again; a retry after a commit replays the stored answer. Only one
connection is ever used per request, whatever the headers.

While a request with a key runs, it holds a transaction-scoped advisory lock on the key; a
concurrent request with the same key gets 409 at once instead of doing the work twice.

Retries are recognised by what the request means, not its bytes: form fields in a
canonical order with each file's SHA-256, or JSON with sorted keys. HTTP clients pick a new
multipart boundary on each try, and a retry must replay, not be refused as a different
request. Requests without the header pass the middleware untouched.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import timedelta

import orjson
import structlog
from fastapi import FastAPI, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hireline.core.db import held_unit_of_work, hold_unit_of_work
from hireline.core.errors import Conflict, ValidationFailed
from hireline.core.principal import Principal
from hireline.core.repository import IdempotencyRepository
from hireline.core.tenancy import enter_tenant

logger = structlog.get_logger(__name__)

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
RETENTION = timedelta(hours=24)
_HEADER_RAW = b"idempotency-key"
_VALID_KEY = re.compile(r"[\x20-\x7e]{1,255}")
# Key in the ASGI scope's state, which `request.state` shares.
_CLAIM_STATE = "hireline.idempotency.claim"
_FORM_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})
_FILE_CHUNK = 1 << 16
# Headers that describe this delivery rather than the result: the layers around the app
# add fresh ones to a replay. Content-Length is recomputed from the stored body.
_UNSTORED_HEADERS = frozenset(
    {
        b"content-length",
        b"transfer-encoding",
        b"connection",
        b"date",
        b"server",
        b"set-cookie",
        b"x-request-id",
        b"retry-after",
        b"ratelimit-limit",
        b"ratelimit-remaining",
        b"ratelimit-reset",
    }
)
# A refusal for being too fast says nothing about the request; its retry must run it.
_TRANSIENT_STATUSES = frozenset({429})


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A response as first sent, kept to answer retries."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes


class IdempotentReplay(Exception):
    """Raised by the claim when the key already has a response; rendered as that response."""

    def __init__(self, response: StoredResponse) -> None:
        super().__init__("idempotent replay")
        self.response = response


@dataclass(frozen=True, slots=True)
class _Claim:
    tenant_id: uuid.UUID
    principal: str
    key: str
    request_digest: str

    def lock_id(self) -> int:
        """A signed 64-bit id for the key's advisory lock."""
        name = f"idempotency\0{self.tenant_id}\0{self.principal}\0{self.key}".encode()
        return int.from_bytes(hashlib.sha256(name).digest()[:8], "big", signed=True)


def _key_problem(detail: str, error_type: str) -> ValidationFailed:
    return ValidationFailed(
        detail, errors=[{"loc": ["header", HEADER], "msg": detail, "type": error_type}]
    )


async def _file_digest(upload: UploadFile) -> str:
    digest = hashlib.sha256()
    await upload.seek(0)
    while chunk := await upload.read(_FILE_CHUNK):
        digest.update(chunk)
    await upload.seek(0)  # the handler reads it next
    return digest.hexdigest()


async def request_fingerprint(request: Request) -> str:
    """sha256 over what the request means: method, path, query, and the body parsed.

    Forms count by their fields, sorted by name (a repeated name keeps its values' order),
    and each file by its name and SHA-256, so the multipart boundary and the order of the
    parts do not matter. JSON counts with its keys sorted. Other bodies count byte for byte.
    """
    digest = hashlib.sha256()
    digest.update(f"{request.method} {request.url.path}?{request.url.query}\n".encode())
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in _FORM_TYPES:
        fields: list[tuple[str, str, str]] = []
        # FastAPI has parsed the form already for the route; Starlette keeps that parse.
        for name, value in (await request.form()).multi_items():
            if isinstance(value, UploadFile):
                fields.append((name, f"file:{value.filename or ''}", await _file_digest(value)))
            else:
                fields.append((name, "field", value))
        fields.sort(key=lambda field: field[0])
        digest.update(b"form\n" + orjson.dumps(fields))
        return digest.hexdigest()
    body = await request.body()
    if media_type == "application/json" or media_type.endswith("+json"):
        # Not JSON after all: then its bytes are its meaning.
        with contextlib.suppress(orjson.JSONDecodeError):
            body = orjson.dumps(orjson.loads(body), option=orjson.OPT_SORT_KEYS)
        digest.update(b"json\n")
    digest.update(body)
    return digest.hexdigest()


async def claim_idempotency_key(
    request: Request, session: AsyncSession, principal: Principal
) -> None:
    """Record the request's `Idempotency-Key` for `principal` in `session`, or answer from it.

    `session` must be the request's unit of work (`DbSession`): the key commits with the
    work or not at all. Does nothing for other methods than POST or without the header.
    Raises `IdempotentReplay` when the key already has a response, `ValidationFailed` (422)
    when the key is malformed or was used for a different request, and `Conflict` (409)
    while another request with the key is still being processed.
    """
    if request.method != "POST":
        return
    key = request.headers.get(HEADER)
    if key is None:
        return
    if not _VALID_KEY.fullmatch(key):
        raise _key_problem(f"{HEADER} must be 1 to 255 printable ASCII characters.", "value_error")
    held = held_unit_of_work(request.scope)
    if held is None or held.session is not session:
        raise RuntimeError("IdempotencyMiddleware must hold the request's unit of work")
    claim = _Claim(
        tenant_id=principal.tenant_id,
        principal=principal.key,
        key=key,
        request_digest=await request_fingerprint(request),
    )
    stored = await _take(session, claim)
    if stored is not None:
        raise IdempotentReplay(stored)
    setattr(request.state, _CLAIM_STATE, claim)


def _still_running() -> Conflict:
    return Conflict(
        f"A request with this {HEADER} is still being processed; retry shortly.",
        headers={"Retry-After": "1"},
    )


async def _take(session: AsyncSession, claim: _Claim) -> StoredResponse | None:
    """Insert the claim (replacing an expired record); else the record's response."""
    await enter_tenant(session, claim.tenant_id)
    keys = IdempotencyRepository(session, claim.principal)
    # Held to the end of the transaction: a request still at work with the key is refused
    # at once rather than waited for, and a killed one lets go with its connection.
    if not await keys.try_lock(claim.lock_id()):
        raise _still_running()
    if await keys.claim(claim.key, claim.request_digest, RETENTION):
        return None
    record = await keys.stored(claim.key)
    if record is None:  # purged between the two statements
        raise _still_running()
    request_digest, status, headers, body = record
    if request_digest != claim.request_digest:
        raise _key_problem(
            f"This {HEADER} was already used for a different request; "
            "use a new key for a new request.",
            "idempotency_key_reused",
        )
    if status is None:  # only a record written by an older release can be without one
        raise _still_running()
    return StoredResponse(
        status=status,
        headers=[(str(name), str(value)) for name, value in headers or []],
        body=body or b"",
    )


async def _store(session: AsyncSession, claim: _Claim, response: StoredResponse) -> None:
    await enter_tenant(session, claim.tenant_id)
    await IdempotencyRepository(session, claim.principal).store(
        claim.key, response.status, [list(pair) for pair in response.headers], response.body
    )


async def render_replay(request: Request, exc: Exception) -> Response:
    """The exception handler that answers a replay with the stored response."""
    assert isinstance(exc, IdempotentReplay)
    stored = exc.response
    response = Response(status_code=stored.status)
    raw = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in stored.headers]
    if stored.status >= 200 and stored.status not in (204, 304):
        raw.append((b"content-length", str(len(stored.body)).encode()))
    raw.append((REPLAYED_HEADER.lower().encode(), b"true"))
    response.raw_headers = raw
    response.body = stored.body
    return response


def install_idempotency(app: FastAPI) -> None:
    """Let `IdempotentReplay` render as the stored response (add the middleware too)."""
    app.add_exception_handler(IdempotentReplay, render_replay)


def _has_key(scope: Scope) -> bool:
    return any(name == _HEADER_RAW for name, _ in scope.get("headers", ()))


class _Abandon(Exception):
    """Ends the held unit of work with a rollback, the response being sent all the same."""


class IdempotencyMiddleware:
    """Holds a keyed POST's unit of work, stores its response in it, then commits and sends.

    The response is held back until the commit: a retry arriving after the response finds
    it stored, and a failed commit becomes a 500, not a success the client was told about.
    A request that raised, answered 5xx or 429 is rolled back, key and work alike, so its
    retry runs again. Add it innermost (before the other middleware in `create_app`), so
    that the response it stores is the application's own, without per-delivery headers.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or not _has_key(scope)
            or held_unit_of_work(scope) is not None  # installed twice: the outer one holds
        ):
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def holding_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            else:
                await send(message)

        try:
            async with hold_unit_of_work(scope, scope["app"].state.sessions) as held:
                await self.app(scope, receive, holding_send)
                status = None if start is None else int(start["status"])
                if held.failed or status is None or status >= 500 or status in _TRANSIENT_STATUSES:
                    raise _Abandon
                claim = scope["state"].get(_CLAIM_STATE)
                if isinstance(claim, _Claim):
                    assert start is not None
                    await _store(held.session, claim, _kept(start, b"".join(chunks)))
        except _Abandon:
            pass
        if start is not None:
            await send(start)
            await send({"type": "http.response.body", "body": b"".join(chunks)})


def _kept(start: Message, body: bytes) -> StoredResponse:
    headers = [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, value in start.get("headers", ())
        if name.lower() not in _UNSTORED_HEADERS
    ]
    return StoredResponse(int(start["status"]), headers, body)
