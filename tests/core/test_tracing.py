"""One trace follows a request through the queue to the webhook it causes (OpenTelemetry,
spans kept in memory by the SDK's own exporter)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.core import tracing
from hireline.core.queue import WorkerState
from hireline.main import create_app, with_edge_cache
from hireline.settings import Settings
from tests.conftest import truncate_all
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import create_job
from tests.queue_tasks import drain
from tests.webhooks.receiver import Receiver, private_addresses_allowed, running_receiver


@pytest.fixture
async def traced(
    settings: Settings, engine: AsyncEngine
) -> AsyncIterator[tuple[FastAPI, InMemorySpanExporter]]:
    """An app (and its worker) built with tracing on, exporting to memory."""
    exporter = InMemorySpanExporter()
    tracing.configure(settings, exporter=exporter)
    app = create_app(settings)
    try:
        async with app.router.lifespan_context(app):
            yield app, exporter
    finally:
        tracing.shutdown()
        await truncate_all(engine)


def _of_trace(spans: tuple[ReadableSpan, ...], trace_id: int) -> list[ReadableSpan]:
    return [s for s in spans if s.context is not None and s.context.trace_id == trace_id]


async def test_a_request_its_jobs_and_its_webhook_are_one_trace(
    traced: tuple[FastAPI, InMemorySpanExporter], engine: AsyncEngine, database_url: str
) -> None:
    app, exporter = traced
    transport = httpx.ASGITransport(app=with_edge_cache(app))
    with running_receiver() as receiver, private_addresses_allowed(app) as allowed:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            owner = bearer((await sign_up(client, "traced"))["access_token"])
            hooked = await client.post(
                "/v1/webhooks/endpoints",
                json={"url": receiver.url, "event_types": ["job.published"]},
                headers=owner,
            )
            assert hooked.status_code == 201, hooked.text
            job = await create_job(client, owner)
            exporter.clear()
            created = await client.post(f"/v1/jobs/{job['id']}/publish", headers=owner)
            assert created.status_code == 200, created.text
        state = WorkerState(sessions=app.state.sessions, settings=allowed, owner_url=database_url)
        await drain(engine, state)
        delivered = _received(receiver)

    spans = exporter.get_finished_spans()
    request_id = created.headers["x-request-id"]
    [server] = [
        s
        for s in spans
        if s.kind == SpanKind.SERVER
        and s.attributes
        and s.attributes.get(tracing.REQUEST_ID_ATTRIBUTE) == request_id
    ]
    assert server.context is not None
    trace = _of_trace(spans, server.context.trace_id)
    jobs = [s.name for s in trace if s.kind == SpanKind.CONSUMER]
    assert "job events.dispatch" in jobs
    assert any(name.startswith("job webhooks.") for name in jobs), jobs
    assert any(
        s.attributes
        and s.attributes.get("db.system.name", s.attributes.get("db.system")) == "postgresql"
        for s in trace
    )
    [outgoing] = [
        s
        for s in trace
        if s.kind == SpanKind.CLIENT
        and s.attributes
        and str(s.attributes.get("url.full", s.attributes.get("http.url", ""))) == receiver.url
    ]
    assert outgoing.attributes is not None
    assert outgoing.attributes[tracing.REQUEST_ID_ATTRIBUTE] == request_id
    for span in trace:
        if span.kind == SpanKind.CONSUMER:
            assert span.attributes is not None
            assert span.attributes[tracing.REQUEST_ID_ATTRIBUTE] == request_id
    # The receiver can continue the trace too (W3C traceparent).
    assert f"{server.context.trace_id:032x}" in delivered["traceparent"]


def _received(receiver: Receiver) -> dict[str, Any]:
    [request] = receiver.wait_for(1)
    return request.headers


async def test_tracing_is_off_unless_configured(settings: Settings) -> None:
    assert not tracing.wanted(settings)
    assert tracing.configure(settings) is None
    on = settings.model_copy(update={"otel_exporter_otlp_endpoint": "http://collector:4318"})
    assert tracing.wanted(on)
