"""The baseline: the smallest ASGI app that answers with a fixed JSON body."""

from __future__ import annotations

import os
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


def _replayed() -> tuple[list[tuple[bytes, bytes]], bytes]:
    """The response recorded in BENCH_REPLAY (headers and body of a cached board page)."""
    import json
    from pathlib import Path

    recorded = json.loads(Path(os.environ["BENCH_REPLAY"]).read_text())
    headers = [(name.encode(), value.encode()) for name, value in recorded["headers"]]
    return headers, recorded["body"].encode()


async def replay(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The same bytes and headers as a cached board response, with no logic at all."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": REPLAY_HEADERS})
    await send({"type": "http.response.body", "body": REPLAY_BODY})


REPLAY_HEADERS, REPLAY_BODY = (
    _replayed() if __import__("os").environ.get("BENCH_REPLAY") else ([], b"")
)
