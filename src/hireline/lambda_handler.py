"""AWS Lambda entry point: `hireline.lambda_handler.handler`, behind API Gateway (HTTP API,
payload 2.0, or REST API, payload 1.0) or an Application Load Balancer, through Mangum.

The app starts once per Lambda container, at the first invocation (the cold start), and stays
started while the container lives: Mangum's own lifespan handling would build and close the
database engine, the Redis pools and the listeners around every single request. There is no
embedded PostgreSQL on Lambda, so DATABASE_URL must be set (and HIRELINE_SECRET_KEY, as in
any production setting). The task queue is worked elsewhere: run `hireline worker` in a
container; the API only defers jobs to the database.
"""

from __future__ import annotations

import os
from typing import Any, cast

from mangum import Mangum
from mangum.protocols import LifespanCycle
from mangum.types import ASGI

from hireline.settings import ConfigurationError, get_settings

# Lambda's file system is read-only but for /tmp.
DEFAULT_DATA_DIR = "/tmp/hireline"  # noqa: S108

_adapter: Mangum | None = None
_lifespan: LifespanCycle | None = None


def _cold_start() -> Mangum:
    global _lifespan
    os.environ.setdefault("HIRELINE_DATA_DIR", DEFAULT_DATA_DIR)
    settings = get_settings()
    if settings.database_url is None:
        raise ConfigurationError(
            "DATABASE_URL must be set on AWS Lambda: the embedded PostgreSQL is not started there"
        )
    from hireline.main import create_asgi_app

    # Starlette types an app's call as returning an Awaitable, Mangum as a Coroutine.
    app = cast(ASGI, create_asgi_app(settings))
    # Mangum sets up the event loop it keeps for the container's life; the app's lifespan
    # starts on it and is never shut down (Lambda freezes, then discards, the container).
    adapter = Mangum(app, lifespan="off")
    _lifespan = LifespanCycle(app, "on")
    _lifespan.__enter__()
    return adapter


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer one API Gateway or load balancer event."""
    global _adapter
    if _adapter is None:
        _adapter = _cold_start()
    return _adapter(event, context)


def reset() -> None:
    """Shut the started app down and forget it, as a new container would (for tests; call
    it on the thread that invoked the handler)."""
    global _adapter, _lifespan
    if _lifespan is not None:
        _lifespan.__exit__(None, None, None)
    _adapter = _lifespan = None
