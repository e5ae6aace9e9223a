"""The application factory: middleware, routers and the lifespan that owns the engine."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta

import structlog
from fastapi import Depends, FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp

from hireline import __version__
from hireline.analytics.routes import router as analytics_router
from hireline.api_document import OPERATION_IDS, document_rules
from hireline.board.apply import api_router as apply_api_router
from hireline.board.apply import page_router as apply_page_router
from hireline.board.branding import CAREERS_CHANGED_TOPIC
from hireline.board.cache import BoardCache, BoardCacheMiddleware
from hireline.board.careers import router as careers_router
from hireline.board.routes import router as board_router
from hireline.board.syndication import feed_router as syndication_feed_router
from hireline.board.syndication import router as syndication_router
from hireline.candidates.annotations.routes import router as annotations_router
from hireline.candidates.routes import router as candidates_router
from hireline.changes.routes import router as changes_router
from hireline.core import background, embedded_postgres, event_signal, heap, tracing
from hireline.core.change_feed import ChangeListener
from hireline.core.database_url import libpq_url
from hireline.core.db import create_app_engine, create_sessionmaker
from hireline.core.errors import install_error_handlers
from hireline.core.http_guards import (
    BodySizeLimitMiddleware,
    RequestHeadLimitMiddleware,
    SecurityHeadersMiddleware,
)
from hireline.core.idempotency import IdempotencyMiddleware, install_idempotency
from hireline.core.migrations import head_revisions
from hireline.core.observability import RequestContextMiddleware, configure_logging
from hireline.core.openapi import install_openapi, operation_id_function
from hireline.core.queue import WorkerState, run_worker
from hireline.core.rate_limit import RateLimiter, RateLimitHeadersMiddleware
from hireline.core.signing_key import signing_key
from hireline.core.storage import storage_for
from hireline.core.system_routes import router as system_router
from hireline.core.text_input import refuse_nul_characters
from hireline.graphql.router import graphql_router
from hireline.guides.questions.routes import router as questions_router
from hireline.guides.rendering.routes import router as render_router
from hireline.guides.salaries.routes import router as salary_router
from hireline.guides.templates.routes import router as guides_router
from hireline.identity.audit.routes import router as audit_router
from hireline.identity.auth.revocation import AccessTokenRevocations
from hireline.identity.auth.routes import router as auth_router
from hireline.identity.auth.tokens import TokenIssuer
from hireline.identity.credentials.routes import router as credentials_router
from hireline.identity.dependencies import require
from hireline.identity.members.routes import router as members_router
from hireline.identity.organization.routes import router as organization_router
from hireline.identity.permissions import Action
from hireline.identity.usage.routes import router as usage_router
from hireline.identity.usage.service import UsageRecorder
from hireline.imports.routes import router as imports_router
from hireline.interviews.routes import router as interviews_router
from hireline.jobs.events import JOBS_CHANGED_TOPIC
from hireline.jobs.routes import router as jobs_router
from hireline.matching import semantic
from hireline.matching.routes import router as matching_router
from hireline.offers.public import router as offers_public_router
from hireline.offers.routes import router as offers_router
from hireline.outbox.relay import running_relay
from hireline.outbox.routes import router as asyncapi_router
from hireline.retention.routes import router as retention_router
from hireline.search.routes import router as search_router
from hireline.search.saved.routes import router as saved_searches_router
from hireline.settings import Settings, get_settings
from hireline.stream.hub import EVENTS_TOPIC, StreamHub
from hireline.stream.routes import router as stream_router
from hireline.web.app import install_web_app
from hireline.webhooks.routes import router as webhooks_router

logger = structlog.get_logger(__name__)

API_DESCRIPTION = """
Hireline is a multi-tenant applicant tracking system with a hiring-guide generator.

Every error is an RFC 9457 `application/problem+json` document whose `type` is stable;
`GET /problems/{slug}` explains each one. Every response carries `X-Request-ID`
(send your own to correlate logs).
"""


@asynccontextmanager
async def _worker_in_process(url: str, app: FastAPI, settings: Settings) -> AsyncIterator[None]:
    """Work the queue beside the API, for one-machine setups; stopped with the app."""
    state = WorkerState(sessions=app.state.sessions, settings=settings, owner_url=url)
    task = asyncio.create_task(
        run_worker(
            libpq_url(url),
            state,
            concurrency=settings.worker_concurrency,
            install_signal_handlers=False,
        ),
        name="in-process-worker",
    )
    try:
        async with running_relay(settings, url):
            yield
    finally:
        await background.cancel(task)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the ASGI application for `settings` (the environment's by default)."""
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            if settings.database_url is not None:
                url = settings.database_url.get_secret_value()
            else:
                server = embedded_postgres.start(settings.data_dir)
                stack.callback(server.stop)
                url = server.url
            engine = create_app_engine(
                settings,
                url,
                pool_size=settings.db_pool_size,
                max_overflow=settings.db_max_overflow,
            )
            stack.push_async_callback(engine.dispose)
            tracing.instrument_engine(engine)
            if settings.semantic_matching:
                async with engine.connect() as connection:
                    await semantic.check_ready(connection)
            app.state.engine = engine
            signal_url = event_signal.signal_redis_url(settings)
            publisher = await stack.enter_async_context(event_signal.publishing(signal_url))
            app.state.sessions = create_sessionmaker(
                engine, info=event_signal.session_info(publisher)
            )
            app.state.rate_limiter = RateLimiter.from_settings(settings)
            stack.push_async_callback(app.state.rate_limiter.close)
            app.state.token_revocations = AccessTokenRevocations(
                redis_url=settings.redis_url.get_secret_value() if settings.redis_url else None
            )
            stack.push_async_callback(app.state.token_revocations.close)
            app.state.usage = UsageRecorder()
            await stack.enter_async_context(app.state.usage.flushing(app.state.sessions))
            app.state.migration_heads = head_revisions()
            if settings.run_worker_in_api:
                await stack.enter_async_context(_worker_in_process(url, app, settings))
            listener = ChangeListener(libpq_url(url))
            listener.subscribe(JOBS_CHANGED_TOPIC, board_cache.invalidate_tenant)
            listener.subscribe(CAREERS_CHANGED_TOPIC, board_cache.invalidate_tenant)
            app.state.stream_hub = StreamHub(
                app.state.sessions, poll_seconds=settings.stream_poll_seconds
            )
            await app.state.stream_hub.start()
            stack.push_async_callback(app.state.stream_hub.stop)
            if signal_url is None:
                listener.subscribe(EVENTS_TOPIC, app.state.stream_hub.signal)
            else:
                await stack.enter_async_context(
                    event_signal.subscribed(signal_url, app.state.stream_hub.signal)
                )
            await listener.start()
            stack.push_async_callback(listener.stop)
            heap.freeze_startup_objects()
            logger.info("started", version=__version__, environment=settings.environment)
            yield

    # FastAPI's built-in OpenTelemetry instrumentation costs more per request than the
    # board's whole cache hit; tracing is opt-in (HIRELINE_OTEL_ENABLED or
    # OTEL_EXPORTER_OTLP_ENDPOINT, with the `otel` extra: `hireline.core.tracing`).
    tracer_provider = tracing.configure(settings)
    app = FastAPI(
        telemetry={
            "tracing": tracer_provider is not None,
            "tracer_provider": tracer_provider,
            "metrics": settings.otel_enabled,
            "logs": settings.otel_enabled,
        },
        title="Hireline API",
        version=__version__,
        description=API_DESCRIPTION,
        license_info={"name": "Apache-2.0", "identifier": "Apache-2.0"},
        lifespan=lifespan,
        # Before every route's own dependencies: no NUL reaches a query, a log or a file.
        dependencies=[Depends(refuse_nul_characters)],
        openapi_url="/openapi.json",
        # `/docs` and `/redoc` are the web app's pages over vendored files (works offline).
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id_function(OPERATION_IDS),
    )
    app.state.settings = settings
    board_cache = BoardCache()
    app.state.storage = storage_for(
        settings.storage_url, settings.s3_endpoint_url, settings.data_dir
    )
    app.state.board_cache = board_cache
    app.state.token_issuer = TokenIssuer(
        key=signing_key(settings),
        access_ttl=timedelta(seconds=settings.access_token_ttl_seconds),
        refresh_ttl=timedelta(days=settings.refresh_token_ttl_days),
    )
    install_error_handlers(app)
    install_idempotency(app)
    install_openapi(app, document_rules(settings))
    app.include_router(system_router)
    app.include_router(auth_router)
    app.include_router(audit_router)
    app.include_router(members_router)
    app.include_router(organization_router)
    app.include_router(credentials_router)
    app.include_router(usage_router)
    app.include_router(salary_router)
    app.include_router(guides_router)
    app.include_router(questions_router)
    app.include_router(render_router)
    app.include_router(jobs_router)
    app.include_router(board_router)
    app.include_router(careers_router)
    app.include_router(apply_api_router)
    app.include_router(apply_page_router)
    app.include_router(search_router)
    app.include_router(candidates_router)
    app.include_router(matching_router)
    app.include_router(webhooks_router)
    app.include_router(asyncapi_router)
    app.include_router(changes_router)
    app.include_router(stream_router)
    app.include_router(syndication_router)
    app.include_router(syndication_feed_router)
    app.include_router(interviews_router)
    app.include_router(offers_router)
    app.include_router(offers_public_router)
    app.include_router(analytics_router)
    app.include_router(annotations_router)
    app.include_router(saved_searches_router)
    # The REST guard, with the one action every principal holds: it authenticates, rate
    # limits, counts and claims the Idempotency-Key; each GraphQL field checks its own action.
    app.include_router(graphql_router(require(Action.PROFILE_READ)))
    app.include_router(imports_router)
    app.include_router(retention_router)
    install_web_app(app)

    # Starlette runs the last-added middleware first: request context wraps everything.
    # Idempotency is innermost so that it stores only what the app itself answered.
    app.add_middleware(IdempotencyMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "Idempotency-Key",
                "X-API-Key",
                "X-Request-ID",
                "If-None-Match",
            ],
            expose_headers=[
                "X-Request-ID",
                "ETag",
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
                "Retry-After",
                "Idempotent-Replayed",
            ],
        )
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestHeadLimitMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, trust_proxy_headers=settings.trust_proxy_headers)
    app.add_middleware(RequestContextMiddleware)
    # Outside the idempotency layer, so that a replay reports today's remaining quota.
    app.add_middleware(RateLimitHeadersMiddleware)
    return app


def with_edge_cache(app: FastAPI) -> ASGIApp:
    """The app behind the public board's cache, which answers hits before FastAPI runs.

    Misses go through the whole app, so the cache stores responses with every header the
    middleware added (security headers included).
    """
    return BoardCacheMiddleware(app, cache=app.state.board_cache)


def create_asgi_app(settings: Settings | None = None) -> ASGIApp:
    """What `hireline serve` runs: the app with the board cache in front."""
    return with_edge_cache(create_app(settings))
