"""Request ids on every response and Prometheus metrics by route template."""

from __future__ import annotations

import re

import httpx
import pytest


async def test_request_id_is_generated_when_absent(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


async def test_caller_request_id_is_echoed(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": "abc-123.def"})
    assert response.headers["x-request-id"] == "abc-123.def"


async def test_unsafe_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert response.headers["x-request-id"] != "bad id\twith spaces"
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"])


def _counter(metrics: str, route: str, status: str, method: str = "GET") -> float:
    labels = f'method="{re.escape(method)}",route="{re.escape(route)}",status="{status}"'
    pattern = r"^hireline_http_requests_total\{" + labels + r"\} (\S+)$"
    match = re.search(pattern, metrics, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


async def test_metrics_count_requests_by_route_template_and_status(
    client: httpx.AsyncClient,
) -> None:
    before = (await client.get("/metrics")).text
    await client.get("/problems/not-found")
    await client.get("/problems/conflict")
    await client.get("/definitely/missing")
    after = (await client.get("/metrics")).text

    assert (
        _counter(after, "/problems/{slug}", "200") - _counter(before, "/problems/{slug}", "200")
        == 2
    )
    assert _counter(after, "<unmatched>", "404") - _counter(before, "<unmatched>", "404") == 1
    assert "hireline_http_request_duration_seconds_bucket" in after
    assert "/definitely/missing" not in after  # raw paths would explode cardinality


async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["database"] == "ok"


def test_auto_log_format_follows_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from hireline.core.observability import resolve_log_format

    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert resolve_log_format("auto") == "console"
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    assert resolve_log_format("auto") == "json"
    assert resolve_log_format("console") == "console"


def test_queue_chatter_shows_only_when_debugging() -> None:
    import logging

    from hireline.core.observability import configure_logging

    try:
        configure_logging("INFO", "json")
        assert not logging.getLogger("procrastinate.worker").isEnabledFor(logging.INFO)
        assert logging.getLogger("hireline.queue").isEnabledFor(logging.INFO)
        configure_logging("DEBUG", "json")
        assert logging.getLogger("procrastinate.worker").isEnabledFor(logging.DEBUG)
    finally:
        configure_logging("WARNING", "console")
