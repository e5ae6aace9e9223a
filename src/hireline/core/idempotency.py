"""`Idempotency-Key` on POST: the first response is kept for 24 h and replayed to retries.

Two halves. `claim_idempotency_key`, called once the principal is known, records the key
in a transaction of its own that commits at once, so that a concurrent request with the
same key sees it and gets 409 instead of doing the work twice. `IdempotencyMiddleware`
then stores the response in that row before sending it; a 5xx or a crash deletes the row
instead, so the client may try again. Requests without the header pass the middleware
untouched.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import structlog
from fastapi import FastAPI, Request
from sqlalchemy import delete, func, null, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hireline.core.db import unit_of_work
from hireline.core.errors import Conflict, ValidationFailed
from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.identity.models import IdempotencyRecord

logger = structlog.get_logger(__name__)

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
RETENTION = timedelta(hours=24)
_HEADER_RAW = b"idempotency-key"
_VALID_KEY = re.compile(r"[\x20-\x7e]{1,255}")
# Keys in the ASGI scope's state, which `request.state` shares.
_BODY_STATE = "hireline.idempotency.body"
_CLAIM_STATE = "hireline.idempotency.claim"
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
_CLAIM_ATTEMPTS = 3


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
    sessions: async_sessionmaker[AsyncSession]
    tenant_id: uuid.UUID
    principal: str
    key: str
    request_digest: str


class _RequestDigest:
    """sha256 over method, path, query and body, fed as the body streams in."""

    __slots__ = ("_hash", "complete")

    def __init__(self, scope: Scope) -> None:
        self._hash = hashlib.sha256()
        self._hash.update(scope["method"].encode() + b" " + scope["path"].encode())
        self._hash.update(b"?" + scope.get("query_string", b"") + b"\n")
        self.complete = False

    def feed(self, message: Message) -> None:
        if message["type"] == "http.request":
            self._hash.update(message.get("body", b""))
            self.complete = not message.get("more_body", False)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def _key_problem(detail: str, error_type: str) -> ValidationFailed:
    return ValidationFailed(
        detail, errors=[{"loc": ["header", HEADER], "msg": detail, "type": error_type}]
    )


async def claim_idempotency_key(request: Request, principal: Principal) -> None:
    """Reserve the request's `Idempotency-Key` for `principal`, or answer from it.

    Does nothing for other methods than POST or without the header. Raises
    `IdempotentReplay` when the key already has a response, `ValidationFailed` (422) when
    the key is malformed or was used for a different request, and `Conflict` (409) while
    another request with the key is still being processed.
    """
    if request.method != "POST":
        return
    key = request.headers.get(HEADER)
    if key is None:
        return
    if not _VALID_KEY.fullmatch(key):
        raise _key_problem(f"{HEADER} must be 1 to 255 printable ASCII characters.", "value_error")
    digest: _RequestDigest | None = request.scope.get("state", {}).get(_BODY_STATE)
    if digest is None:
        raise RuntimeError("IdempotencyMiddleware is not installed on this application")
    if not digest.complete:
        await request.body()  # flows through the middleware's receive, which hashes it
    claim = _Claim(
        sessions=request.app.state.sessions,
        tenant_id=principal.tenant_id,
        principal=principal.key,
        key=key,
        request_digest=digest.hexdigest(),
    )
    stored = await _take(claim)
    if stored is not None:
        raise IdempotentReplay(stored)
    setattr(request.state, _CLAIM_STATE, claim)


def _record_of(claim: _Claim) -> tuple[Any, ...]:
    return (
        IdempotencyRecord.tenant_id == claim.tenant_id,
        IdempotencyRecord.principal == claim.principal,
        IdempotencyRecord.key == claim.key,
    )


async def _take(claim: _Claim) -> StoredResponse | None:
    """Insert the claim (replacing an expired one); else the live record's response."""
    new_claim = insert(IdempotencyRecord).values(
        tenant_id=claim.tenant_id,
        principal=claim.principal,
        key=claim.key,
        request_digest=claim.request_digest,
        expires_at=func.now() + RETENTION,
    )
    insert_claim = new_claim.on_conflict_do_update(
        index_elements=[
            IdempotencyRecord.tenant_id,
            IdempotencyRecord.principal,
            IdempotencyRecord.key,
        ],
        set_={
            "request_digest": new_claim.excluded.request_digest,
            "response_status": null(),
            "response_headers": null(),
            "response_body": null(),
            "created_at": func.now(),
            "expires_at": new_claim.excluded.expires_at,
        },
        where=IdempotencyRecord.expires_at <= func.now(),
    ).returning(IdempotencyRecord.key)
    read_record = select(
        IdempotencyRecord.request_digest,
        IdempotencyRecord.response_status,
        IdempotencyRecord.response_headers,
        IdempotencyRecord.response_body,
    ).where(*_record_of(claim))
    # A record can vanish between the two statements (its request failed and released
    # it), in which case the claim is simply tried again.
    for _ in range(_CLAIM_ATTEMPTS):
        async with unit_of_work(claim.sessions) as session:
            await enter_tenant(session, claim.tenant_id)
            if (await session.execute(insert_claim)).first() is not None:
                return None
            record = (await session.execute(read_record)).one_or_none()
        if record is None:
            continue
        request_digest, status, headers, body = record
        if request_digest != claim.request_digest:
            raise _key_problem(
                f"This {HEADER} was already used for a different request; "
                "use a new key for a new request.",
                "idempotency_key_reused",
            )
        if status is None:
            raise Conflict(
                f"A request with this {HEADER} is still being processed; retry shortly.",
                headers={"Retry-After": "1"},
            )
        return StoredResponse(
            status=status,
            headers=[(str(name), str(value)) for name, value in headers or []],
            body=body or b"",
        )
    raise Conflict(f"The {HEADER} is being claimed and released concurrently; retry shortly.")


async def _store(claim: _Claim, response: StoredResponse) -> None:
    async with unit_of_work(claim.sessions) as session:
        await enter_tenant(session, claim.tenant_id)
        await session.execute(
            update(IdempotencyRecord)
            .where(
                *_record_of(claim),
                IdempotencyRecord.request_digest == claim.request_digest,
                IdempotencyRecord.response_status.is_(None),
            )
            .values(
                response_status=response.status,
                response_headers=[list(pair) for pair in response.headers],
                response_body=response.body,
            )
        )


async def _release(claim: _Claim) -> None:
    """Delete the claim so that a retry runs the request; never raises."""
    try:
        async with unit_of_work(claim.sessions) as session:
            await enter_tenant(session, claim.tenant_id)
            await session.execute(
                delete(IdempotencyRecord).where(
                    *_record_of(claim),
                    IdempotencyRecord.request_digest == claim.request_digest,
                    IdempotencyRecord.response_status.is_(None),
                )
            )
    except Exception:
        # The key then answers 409 until it expires; the client can use a new key.
        logger.exception("idempotency_release_failed", key=claim.key)


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


class IdempotencyMiddleware:
    """Stores the response of a request whose key was claimed, or releases the claim.

    Add it innermost (before the other middleware in `create_app`), so that the response
    it stores is the application's own, without per-delivery headers.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not _has_key(scope):
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        digest = _RequestDigest(scope)
        state[_BODY_STATE] = digest
        start: Message | None = None
        chunks: list[bytes] = []

        async def hashing_receive() -> Message:
            message = await receive()
            digest.feed(message)
            return message

        async def holding_send(message: Message) -> None:
            nonlocal start
            if _CLAIM_STATE not in state:
                await send(message)
            elif message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            else:
                await send(message)

        try:
            await self.app(scope, hashing_receive, holding_send)
        except Exception:
            claim = state.get(_CLAIM_STATE)
            if isinstance(claim, _Claim):
                await _release(claim)
            raise
        claim = state.get(_CLAIM_STATE)
        if not isinstance(claim, _Claim):
            return
        if start is None:
            await _release(claim)
            return
        body = b"".join(chunks)
        await self._keep_or_release(claim, start, body)
        # Only now, so that a retry arriving after this response finds it stored.
        await send(start)
        await send({"type": "http.response.body", "body": body})

    async def _keep_or_release(self, claim: _Claim, start: Message, body: bytes) -> None:
        status: int = start["status"]
        if status >= 500 or status in _TRANSIENT_STATUSES:
            await _release(claim)
            return
        headers = [
            (name.decode("latin-1"), value.decode("latin-1"))
            for name, value in start.get("headers", ())
            if name.lower() not in _UNSTORED_HEADERS
        ]
        try:
            await _store(claim, StoredResponse(status, headers, body))
        except Exception:
            logger.exception("idempotency_store_failed", key=claim.key)
            await _release(claim)
