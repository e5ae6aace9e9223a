"""The public board's response cache: a pure-ASGI layer that answers hits before FastAPI.

A hit costs a dictionary lookup and two `send` calls, which is what lets a shared posting
take thousands of visitors a minute. Entries live in each process and are dropped when a
tenant's jobs change: the change announces itself through PostgreSQL NOTIFY on commit
(`hireline.core.change_feed`), which reaches every API process, so a published change
shows at once everywhere.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import OrderedDict
from dataclasses import dataclass

from prometheus_client import Counter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIXES = ("/v1/boards/", "/careers/")
MAX_ENTRIES_PER_TENANT = 512
MAX_TENANTS = 10_000
# A bound on staleness even if a notification were ever lost (e.g. during a reconnect).
TTL_SECONDS = 300.0

LOOKUPS = Counter(
    "hireline_board_cache_lookups_total", "Board cache lookups by outcome.", ["outcome"]
)
_HIT = LOOKUPS.labels("hit")
_NOT_MODIFIED = LOOKUPS.labels("not_modified")
_MISS = LOOKUPS.labels("miss")


@dataclass(frozen=True, slots=True)
class Entry:
    """A cached 200 response."""

    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    stored_at: float
    # The headers a hit sends, built once when stored rather than on every hit.
    hit_headers: tuple[tuple[bytes, bytes], ...] = ()


def _entry(headers: list[tuple[bytes, bytes]], body: bytes, etag: bytes) -> Entry:
    # No `x-cache: hit`: every header costs the server's own per-header work on each hit
    # (bench/board.py), and hits are counted in `hireline_board_cache_lookups_total`.
    hit_headers = (*headers, (b"etag", etag))
    return Entry(headers, body, etag, time.monotonic(), hit_headers)


# A hit writes no log line, so an id of its own would name nothing: a hit echoes the
# caller's id (for their own correlation) when it looks like one, and sends none otherwise.
_SAFE_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._:-]{1,128}$")


class BoardCache:
    """Responses per tenant slug, with per-slug generations to refuse stale stores."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, OrderedDict[bytes, Entry]] = OrderedDict()
        self._generations: dict[str, int] = {}
        self._slug_of_tenant: dict[str, str] = {}

    def generation(self, slug: str) -> int:
        return self._generations.get(slug, 0)

    def get(self, slug: str, key: bytes) -> Entry | None:
        partition = self._entries.get(slug)
        if partition is None:
            return None
        entry = partition.get(key)
        if entry is None or time.monotonic() - entry.stored_at > TTL_SECONDS:
            return None
        return entry

    def put(
        self, slug: str, tenant_id: str | None, key: bytes, entry: Entry, generation: int
    ) -> None:
        """Store unless the slug was invalidated since the response began rendering."""
        if generation != self.generation(slug):
            return
        if tenant_id:
            self._slug_of_tenant[tenant_id] = slug
        partition = self._entries.get(slug)
        if partition is None:
            if len(self._entries) >= MAX_TENANTS:
                self._entries.popitem(last=False)
            partition = self._entries[slug] = OrderedDict()
        partition[key] = entry
        partition.move_to_end(key)
        if len(partition) > MAX_ENTRIES_PER_TENANT:
            partition.popitem(last=False)

    def invalidate_tenant(self, tenant_id: str) -> None:
        """Forget a tenant's responses; `*` forgets everything."""
        if tenant_id == "*":
            for cached_slug in list(self._entries):
                self._drop(cached_slug)
            return
        slug = self._slug_of_tenant.get(tenant_id)
        if slug is not None:
            self._drop(slug)

    def _drop(self, slug: str) -> None:
        self._entries.pop(slug, None)
        self._generations[slug] = self.generation(slug) + 1


# Headers that belong to one response or one client, never to a cached page.
_PER_RESPONSE = (b"etag", b"x-request-id", b"x-hireline-tenant", b"retry-after", b"set-cookie")


def strong_etag(body: bytes) -> bytes:
    """A strong validator: the same bytes always give the same tag."""
    return b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def _matches(if_none_match: bytes | None, etag: bytes) -> bool:
    if if_none_match is None:
        return False
    candidates = {tag.strip().removeprefix(b"W/") for tag in if_none_match.split(b",")}
    return b"*" in candidates or etag in candidates


class BoardCacheMiddleware:
    """Serves cached board pages and adds ETag / 304 handling to every board response."""

    def __init__(self, app: ASGIApp, cache: BoardCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if not path.startswith(CACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        parts = path.split("/", 4)
        slug = parts[3] if path.startswith("/v1/") else parts[2]
        key = path.encode() + b"?" + scope["query_string"]
        # One pass over the request headers for the two this layer reads.
        if_none_match = given_id = None
        for name, value in scope["headers"]:
            if name == b"if-none-match":
                if_none_match = value
            elif name == b"x-request-id":
                given_id = value

        entry = self.cache.get(slug, key)
        if entry is not None:
            echoed = (
                ((b"x-request-id", given_id),)
                if given_id is not None and _SAFE_REQUEST_ID.match(given_id)
                else ()
            )
            if if_none_match is not None and _matches(if_none_match, entry.etag):
                _NOT_MODIFIED.inc()
                await _send_not_modified(send, [*entry.headers, *echoed], entry.etag)
            else:
                _HIT.inc()
                # Sent here rather than through a helper: a hit is a few microseconds, and
                # another coroutine call is a noticeable share of them.
                await send(
                    {
                        "type": "http.response.start",
                        "status": 200,
                        "headers": (*entry.hit_headers, *echoed) if echoed else entry.hit_headers,
                    }
                )
                await send(
                    {
                        "type": "http.response.body",
                        "body": b"" if scope["method"] == "HEAD" else entry.body,
                    }
                )
            return

        _MISS.inc()
        generation = self.cache.generation(slug)
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await self._finish(
                        send, start, b"".join(chunks), slug, key, generation, if_none_match, scope
                    )
                return
            await send(message)

        await self.app(scope, receive, capture)

    async def _finish(
        self,
        send: Send,
        start: Message | None,
        body: bytes,
        slug: str,
        key: bytes,
        generation: int,
        if_none_match: bytes | None,
        scope: Scope,
    ) -> None:
        assert start is not None
        original: list[tuple[bytes, bytes]] = list(start.get("headers", []))
        # This response keeps its own per-client headers; the stored page keeps none.
        sent = [(n, v) for n, v in original if n.lower() not in (b"etag", b"x-hireline-tenant")]
        stored = [
            (n, v)
            for n, v in original
            if n.lower() not in _PER_RESPONSE and not n.lower().startswith(b"ratelimit-")
        ]
        tenant_id = next(
            (v.decode() for n, v in original if n.lower() == b"x-hireline-tenant"), None
        )
        if start["status"] != 200:
            await send({**start, "headers": sent})
            await send({"type": "http.response.body", "body": body})
            return
        etag = strong_etag(body)
        cacheable = any(n.lower() == b"cache-control" and b"public" in v.lower() for n, v in stored)
        if cacheable:
            self.cache.put(slug, tenant_id, key, _entry(stored, body, etag), generation)
        if _matches(if_none_match, etag):
            await _send_not_modified(send, sent, etag)
            return
        await send({**start, "headers": [*sent, (b"etag", etag)]})
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )


_KEPT_ON_304 = (b"cache-control", b"vary", b"x-request-id")


async def _send_not_modified(send: Send, headers: list[tuple[bytes, bytes]], etag: bytes) -> None:
    kept = [(n, v) for n, v in headers if n.lower() in _KEPT_ON_304]
    await send({"type": "http.response.start", "status": 304, "headers": [*kept, (b"etag", etag)]})
    await send({"type": "http.response.body", "body": b""})
