"""The baseline: the smallest ASGI app that answers with a fixed JSON body."""

from __future__ import annotations

from typing import Any

BODY = b'{"status":"ok","items":[]}'


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"26")],
        }
    )
    await send({"type": "http.response.body", "body": BODY})
