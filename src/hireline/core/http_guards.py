"""Security headers on every response, and caps on the size of requests."""

from __future__ import annotations

import orjson
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hireline.core.errors import (
    HEADERS_TOO_LARGE,
    PAYLOAD_TOO_LARGE,
    URI_TOO_LONG,
    ProblemType,
    problem_body,
)

_ALWAYS = [(b"x-content-type-options", b"nosniff")]
# Only documents can be framed or open windows; every header costs on the hot board path
# (bench/board.py), so none that says what browsers already do: no X-Frame-Options (the CSP's
# `frame-ancestors 'none'` obsoletes it) and no Referrer-Policy (browsers default to
# `strict-origin-when-cross-origin`, which the careers pages also state in a <meta> tag).
_HTML_ONLY = [(b"cross-origin-opener-policy", b"same-origin")]
# Our HTML (careers pages, API docs) loads nothing from third parties but the docs UI's CDN.
HTML_CSP = (
    b"default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com; "
    b"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
HSTS = (b"strict-transport-security", b"max-age=63072000; includeSubDomains")


def _is_tls(scope: Scope, trust_proxy_headers: bool) -> bool:
    if scope.get("scheme") == "https":
        return True
    if trust_proxy_headers:
        for name, value in scope.get("headers", ()):
            if name == b"x-forwarded-proto":
                return bool(value.split(b",")[0].strip().lower() == b"https")
    return False


class SecurityHeadersMiddleware:
    """Adds the headers every response needs; HSTS only when the request came over TLS."""

    def __init__(self, app: ASGIApp, *, trust_proxy_headers: bool = False) -> None:
        self.app = app
        self.trust_proxy_headers = trust_proxy_headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tls = _is_tls(scope, self.trust_proxy_headers)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(item for item in _ALWAYS if item[0] not in present)
                content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                if content_type.startswith(b"text/html"):
                    headers.extend(item for item in _HTML_ONLY if item[0] not in present)
                    if b"content-security-policy" not in present:
                        headers.append((b"content-security-policy", HTML_CSP))
                if tls:
                    headers.append(HSTS)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(HTTPException):
    """The client sent more bytes than the limit after claiming (or not saying) less.

    An HTTPException so that FastAPI, which turns other errors raised while it reads a body
    into 400, lets it through to the problem+json handler as a 413.
    """

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"The request body exceeds the limit of {max_bytes} bytes.")


class BodySizeLimitMiddleware:
    """Refuses bodies over `max_bytes` with 413, before or while they are read."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await self._refuse(send)
                return
        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not response_started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = orjson.dumps(
            problem_body(
                PAYLOAD_TOO_LARGE,
                detail=f"The request body exceeds the limit of {self.max_bytes} bytes.",
            )
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


# Below uvicorn's own limit (httptools refuses a request target of 64 KiB or more with a
# plain-text 400 before the app sees it), so that clients get a problem document instead.
MAX_TARGET_BYTES = 8 * 1024
# uvicorn (httptools) sets no limit on headers at all.
MAX_HEADER_BYTES = 32 * 1024
MAX_HEADERS = 100


class RequestHeadLimitMiddleware:
    """Refuses an overlong path and query (414) or oversized headers (431) as problems."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            target = len(scope.get("raw_path") or scope["path"].encode()) + len(
                scope.get("query_string", b"")
            )
            headers = scope.get("headers", ())
            if target > MAX_TARGET_BYTES:
                detail = f"The path and query exceed {MAX_TARGET_BYTES} bytes."
                await _refuse(send, URI_TOO_LONG, detail)
                return
            size = sum(len(name) + len(value) for name, value in headers)
            if len(headers) > MAX_HEADERS or size > MAX_HEADER_BYTES:
                detail = f"At most {MAX_HEADERS} headers of {MAX_HEADER_BYTES} bytes in all."
                await _refuse(send, HEADERS_TOO_LARGE, detail)
                return
        await self.app(scope, receive, send)


async def _refuse(send: Send, problem: ProblemType, detail: str) -> None:
    body = orjson.dumps(problem_body(problem, detail=detail))
    await send(
        {
            "type": "http.response.start",
            "status": problem.status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
