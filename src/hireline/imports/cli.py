"""`hireline import greenhouse|lever|csv`: an import from a terminal, with a progress bar
and the report."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from hireline.core.db import create_app_engine, create_sessionmaker, unit_of_work
from hireline.core.errors import NotFound
from hireline.core.principal import Principal
from hireline.core.storage import storage_for
from hireline.identity.organization import service as organization
from hireline.imports.export import ExportUnreadable, SourceSystem
from hireline.imports.reading import read_export
from hireline.imports.service import run_in_own_transaction
from hireline.settings import Settings

# Who the audit log and the activity say did it: the command, not a person.
IMPORTER_ID = "hireline-import"


async def run(
    url: str,
    settings: Settings,
    system: SourceSystem,
    path: Path,
    organisation: str,
    *,
    mapping: Path | None,
    dry_run: bool,
) -> int:
    """Import for the organisation and print the report; returns the exit code."""
    try:
        export = read_export(system, path, mapping)
    except ExportUnreadable as exc:
        typer.echo(f"error: {exc}; nothing was imported", err=True)
        return 2
    engine = create_app_engine(settings, url, pool_size=1)
    sessions = create_sessionmaker(engine)
    storage = storage_for(settings.storage_url, settings.s3_endpoint_url, settings.data_dir)
    try:
        async with unit_of_work(sessions) as session:
            tenant = await organization.enter_by_slug(session, organisation)
        principal = Principal(
            kind="client", id=IMPORTER_ID, tenant_id=tenant.id, actions=frozenset(), role="owner"
        )
        with Progress(
            TextColumn("importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=True,
            # The report goes to standard output; the bar is for the person watching.
            console=Console(stderr=True),
        ) as bar:
            task = bar.add_task("records", total=export.size)
            report = await run_in_own_transaction(
                sessions,
                principal,
                storage,
                export,
                dry_run=dry_run,
                progress=lambda done: bar.advance(task, done),
            )
    except NotFound:
        typer.echo(f"error: no organisation has the slug {organisation!r}", err=True)
        return 2
    finally:
        await engine.dispose()
    for line in report.lines():
        typer.echo(line)
    return 1 if report.errors else 0
