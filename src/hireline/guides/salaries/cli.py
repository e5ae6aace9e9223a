"""`hireline import-salaries`: the salary ETL from a terminal, with progress."""

from __future__ import annotations

import time
from pathlib import Path
from typing import cast

import anyio
import typer

from hireline.core.db import create_app_engine, create_sessionmaker, unit_of_work
from hireline.core.errors import HirelineError, NotFound
from hireline.guides.salaries import importing as salary_import
from hireline.guides.salaries import service as salaries
from hireline.identity.audit import service as audit
from hireline.identity.organization import service as organization
from hireline.settings import Settings


async def run_import(
    url: str, settings: Settings, file: Path, tenant_slug: str, fmt: str | None, source: str
) -> int:
    """Import `file` for the tenant; prints progress and the report; returns an exit code."""
    payload = await anyio.Path(file).read_bytes()
    engine = create_app_engine(settings, url, pool_size=1)
    started = time.perf_counter()

    def progress(stage: str, rows: int) -> None:
        typer.echo(
            f"  {stage:>9} {rows:>9,} rows  ({time.perf_counter() - started:5.1f} s)", err=True
        )

    try:
        async with unit_of_work(create_sessionmaker(engine)) as session:
            try:
                tenant_id = (await organization.enter_by_slug(session, tenant_slug)).id
            except NotFound:
                typer.echo(f"error: no organisation has the slug {tenant_slug!r}", err=True)
                return 2
            chosen = fmt or ("json" if file.suffix.lower() == ".json" else "csv")
            try:
                report = await salaries.import_benchmarks(
                    session,
                    tenant_id,
                    payload,
                    cast(salary_import.ImportFormat, chosen),
                    default_source=source,
                    progress=progress,
                )
            except HirelineError as exc:
                typer.echo(f"error: {exc.detail}", err=True)
                return 1
            await audit.record(
                session,
                tenant_id=tenant_id,
                action="salaries.imported",
                actor_type="cli",
                details={"file": file.name, "rows_read": report.rows_read},
            )
    finally:
        await engine.dispose()
    elapsed = time.perf_counter() - started
    typer.echo(
        f"read {report.rows_read:,} rows in {elapsed:.2f} s: {report.inserted:,} inserted, "
        f"{report.updated:,} updated, {report.unchanged:,} unchanged, "
        f"{report.rejected:,} rejected"
    )
    for rejection in report.rejections[:20]:
        typer.echo(f"  row {rejection.row}: {rejection.reason}")
    if report.rejected > 20:
        typer.echo(f"  ... and {report.rejected - 20:,} more")
    return 0
