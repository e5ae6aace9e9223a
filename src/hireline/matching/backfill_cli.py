"""`hireline semantic-backfill`: queue the embedding of what predates semantic matching."""

from __future__ import annotations

import typer

from hireline.core.db import create_app_engine, create_sessionmaker, unit_of_work
from hireline.core.queue import defer
from hireline.core.tenancy import enter_tenant
from hireline.identity.organization import service as organization
from hireline.matching import semantic
from hireline.matching.tasks import semantic_backfill
from hireline.settings import Settings


async def queue_backfill(url: str, settings: Settings, tenant_slug: str | None) -> int:
    """Queue one back-fill per organisation (or for `tenant_slug`); returns an exit code."""
    if not settings.semantic_matching:
        typer.echo(
            "error: HIRELINE_SEMANTIC_MATCHING is off; turn it on (for the workers too) first",
            err=True,
        )
        return 2
    engine = create_app_engine(settings, url, pool_size=1)
    try:
        async with engine.connect() as connection:
            await semantic.check_ready(connection)
        async with unit_of_work(create_sessionmaker(engine)) as session:
            tenants = await organization.ids_and_slugs(session, tenant_slug)
            if tenant_slug is not None and not tenants:
                typer.echo(f"error: no organisation has the slug {tenant_slug!r}", err=True)
                return 2
            for tenant_id, slug in tenants:
                # The job is the tenant's: deferred in its context, as its other jobs are.
                await enter_tenant(session, tenant_id)
                await defer(session, semantic_backfill, tenant_id=str(tenant_id))
                typer.echo(f"queued the semantic back-fill of {slug!r}")
    except semantic.SemanticMatchingUnavailable as exc:
        typer.echo(f"error: {exc}", err=True)
        return 2
    finally:
        await engine.dispose()
    return 0
