"""OpenTelemetry traces: requests, SQL, queue jobs and outgoing HTTP, off unless configured.

On when `HIRELINE_OTEL_ENABLED=true` or `OTEL_EXPORTER_OTLP_ENDPOINT` is set, and the `otel`
extra is installed; spans then go over OTLP/HTTP to the collector the standard `OTEL_*`
variables name (endpoint, headers, service name, sampler). The API's request spans are
FastAPI's own (`hireline.main`); this module adds the rest and keeps one trace across the
queue: `defer` puts the W3C trace context (and the request id) in the job's arguments, and
every task runs inside a span continuing it, so an API request, the jobs it queued and the
webhook deliveries they made read as one trace.

Only the OpenTelemetry API is imported at module level (FastAPI depends on it); the SDK, the
exporter and the instrumentations come from the extra, imported when tracing is turned on.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import structlog
from opentelemetry import propagate, trace
from opentelemetry.metrics import NoOpMeterProvider
from opentelemetry.trace import SpanKind

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from procrastinate import App
    from sqlalchemy.ext.asyncio import AsyncEngine

    from hireline.settings import Settings

logger = structlog.get_logger(__name__)

# The job argument that carries the trace context (and request id) from `defer` to the job.
TRACE_ARGUMENT = "_trace"
REQUEST_ID_ATTRIBUTE = "hireline.request_id"
_REQUEST_ID_KEY = "hireline-request-id"
_SERVICE_NAME = "hireline"
_TRACED = "_hireline_traced"


@dataclass
class _Tracing:
    provider: TracerProvider
    undo: list[Callable[[], None]] = field(default_factory=list)


_active: _Tracing | None = None


def wanted(settings: Settings) -> bool:
    """Whether the settings ask for traces."""
    return settings.otel_enabled or settings.otel_exporter_otlp_endpoint is not None


def configure(settings: Settings, *, exporter: SpanExporter | None = None) -> TracerProvider | None:
    """Start tracing for this process, once (later calls return the same provider); None
    when it is not wanted or the `otel` extra is missing. `exporter` replaces OTLP (tests)."""
    global _active
    if _active is not None:
        return _active.provider
    if exporter is None and not wanted(settings):
        return None
    try:
        from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
    except ImportError:
        logger.warning("tracing_unavailable", reason="install the `otel` extra")
        return None
    resource = Resource.create()  # OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES first
    if str(resource.attributes.get("service.name", "")).startswith("unknown_service"):
        resource = resource.merge(Resource({"service.name": _SERVICE_NAME}))
    provider = TracerProvider(resource=resource)
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        # The exporter reads OTEL_EXPORTER_OTLP_* (endpoint, headers, timeout) itself.
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    else:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    _active = _Tracing(provider)
    httpx_instrumentor = HTTPXClientInstrumentor()
    httpx_instrumentor.instrument(tracer_provider=provider, async_request_hook=_on_http_request)
    _active.undo.append(httpx_instrumentor.uninstrument)
    logger.info("tracing_started")
    return provider


def shutdown() -> None:
    """Flush the spans and undo every instrumentation (end of process, or of a test)."""
    global _active
    if _active is None:
        return
    for undo in reversed(_active.undo):
        undo()
    _active.provider.shutdown()
    _active = None


def instrument_engine(engine: AsyncEngine) -> None:
    """A span per SQL statement run through `engine` (no-op while tracing is off)."""
    if _active is None:
        return
    from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer

    tracer = _active.provider.get_tracer(__name__)
    # Traces only: the pool's usage goes to Prometheus (`core.observability`), not OTLP.
    usage = NoOpMeterProvider().get_meter(__name__).create_up_down_counter("unused")
    EngineTracer(tracer, engine.sync_engine, connections_usage=usage)  # type: ignore[no-untyped-call]


def annotate_request(request_id: str) -> None:
    """Name the request id on the current (request) span: logs and traces then meet."""
    trace.get_current_span().set_attribute(REQUEST_ID_ATTRIBUTE, request_id)


def _current_request_id() -> str | None:
    value = structlog.contextvars.get_contextvars().get("request_id")
    return str(value) if value is not None else None


async def _on_http_request(span: trace.Span, request: Any) -> None:
    request_id = _current_request_id()
    if request_id is not None and span.is_recording():
        span.set_attribute(REQUEST_ID_ATTRIBUTE, request_id)


def job_arguments(task_func: Callable[..., Any], arguments: dict[str, Any]) -> dict[str, Any]:
    """`arguments` with the current trace context added, when tracing is on and the task
    is one a traced worker runs (a coroutine)."""
    if _active is None or not inspect.iscoroutinefunction(task_func):
        return arguments
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    request_id = _current_request_id()
    if request_id is not None:
        carrier[_REQUEST_ID_KEY] = request_id
    return {**arguments, TRACE_ARGUMENT: carrier} if carrier else arguments


def trace_tasks(app: App) -> None:
    """Run every async task inside a span continuing the trace its job was deferred in.

    Installed whether or not this process traces: a job deferred by a traced API carries
    `_trace`, and an untraced worker must still accept it (it drops it)."""
    for task in app.tasks.values():
        if inspect.iscoroutinefunction(task.func) and not hasattr(task.func, _TRACED):
            task.func = _traced(task.name, task.queue, task.func)


def _traced(
    name: str, queue_name: str, func: Callable[..., Awaitable[Any]]
) -> Callable[..., Awaitable[Any]]:
    @functools.wraps(func)
    async def run(*args: Any, **kwargs: Any) -> Any:
        carrier = kwargs.pop(TRACE_ARGUMENT, None) or {}
        if _active is None:
            return await func(*args, **kwargs)
        request_id = carrier.get(_REQUEST_ID_KEY)
        attributes = {
            "messaging.system": "procrastinate",
            "messaging.operation.type": "process",
            "messaging.destination.name": queue_name,
            "hireline.job.task": name,
        }
        if request_id is not None:
            attributes[REQUEST_ID_ATTRIBUTE] = request_id
        tracer = _active.provider.get_tracer(__name__)
        with (
            structlog.contextvars.bound_contextvars(request_id=request_id)
            if request_id is not None
            else contextlib.nullcontext(),
            tracer.start_as_current_span(
                f"job {name}",
                context=propagate.extract(carrier),
                kind=SpanKind.CONSUMER,
                attributes=attributes,
            ),
        ):
            return await func(*args, **kwargs)

    setattr(run, _TRACED, True)
    return run
