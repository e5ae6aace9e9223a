"""The `hireline` command: serve, work the queue, migrate and check the configuration."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from sqlalchemy.engine import make_url

# Matching plugs its scores into candidates' applicant lists when imported (ADR 0024); every
# command that reads or seeds applications needs it, as the API and the worker do.
import hireline.matching.service  # noqa: F401
from hireline.core import migrations
from hireline.runtime import database_url
from hireline.settings import ConfigurationError, Settings, get_settings

if TYPE_CHECKING:
    from hireline.demo import DemoLogin
    from hireline.imports.export import SourceSystem

app = typer.Typer(
    help="Hireline: a multi-tenant hiring platform.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
migrate_app = typer.Typer(help="Apply or inspect database migrations.", no_args_is_help=True)
app.add_typer(migrate_app, name="migrate")


def _settings() -> Settings:
    try:
        return get_settings()
    except ConfigurationError as exc:
        typer.echo(f"configuration error: {exc}", err=True)
        raise typer.Exit(2) from None


def _use_database_for_children(url: str) -> None:
    """Hand the resolved database to in-process and spawned app instances alike."""
    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()


def _masked(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface (default HIRELINE_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default HIRELINE_PORT).")] = None,
    workers: Annotated[int, typer.Option(min=1, help="API processes to run.")] = 1,
    migrate: Annotated[bool, typer.Option(help="Apply migrations before serving.")] = True,
    demo: Annotated[
        bool, typer.Option(help="Seed a demo organisation when the database has none.")
    ] = True,
) -> None:
    """Serve the HTTP API (starting the embedded PostgreSQL when DATABASE_URL is unset)."""
    import uvicorn

    settings = _settings()
    host = host or settings.host
    port = port or settings.port
    _refuse_a_taken_port(host, port)
    # systemd, `docker stop` and Kubernetes stop with SIGTERM: shut down as on Ctrl-C, so
    # the requests in flight finish and the embedded PostgreSQL stops with us.
    signal.signal(signal.SIGTERM, _interrupt)
    with database_url(settings) as url:
        if migrate:
            migrations.upgrade(url)
        login = _seed_demo(url, settings) if demo else None
        _use_database_for_children(url)
        if workers > 1:
            metrics_dir = settings.data_dir / "metrics"
            shutil.rmtree(metrics_dir, ignore_errors=True)
            metrics_dir.mkdir(parents=True)
            os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
            get_settings.cache_clear()
        base = f"http://{host}:{port}"
        database = (
            "embedded PostgreSQL in " + str(settings.data_dir)
            if settings.embedded_database
            else _masked(url)
        )
        banner = (
            f"Hireline is ready on {base}\n"
            f"  Web app:    {base}/app\n"
            f"  API docs:   {base}/docs\n"
            f"  OpenAPI:    {base}/openapi.json\n"
            f"  Health:     {base}/healthz  (ready: {base}/readyz)\n"
            f"  Metrics:    {base}/metrics\n"
            f"  Database:   {database}\n"
            + (_demo_banner(login, base) if login else _remembered_demo_login(settings, base))
            + "Press Ctrl-C to stop."
        )
        options: dict[str, Any] = {
            "factory": True,
            "host": host,
            "port": port,
            "workers": workers,
            "loop": "uvloop",
            "http": "httptools",
            "log_config": None,
            # Our middleware logs each request with its id; uvicorn's line would repeat it.
            "access_log": False,
            "proxy_headers": settings.trust_proxy_headers,
            "server_header": False,
            # Requests still running after a stop signal get this long to finish.
            "timeout_graceful_shutdown": 20,
        }
        if workers > 1:
            from hireline.core.observability import configure_logging
            from hireline.supervisor import run_supervised

            # The supervising process logs the deaths of API processes in the same format.
            configure_logging(settings.log_level, settings.log_format)
            typer.echo(banner)
            run_supervised(uvicorn.Config("hireline.main:create_asgi_app", **options))
        else:
            _serve_then_announce(uvicorn.Config("hireline.main:create_asgi_app", **options), banner)
    typer.echo("Hireline stopped.")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _refuse_a_taken_port(host: str, port: int) -> None:
    """Fail in one line, before starting anything, when the port cannot be had."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as exc:
        typer.echo(f"error: cannot listen on {host}:{port}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As uvicorn binds: a port left in TIME_WAIT by a previous run is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            typer.echo(
                f"error: cannot listen on {host}:{port}: {exc.strerror} "
                "(choose another port with --port or HIRELINE_PORT)",
                err=True,
            )
            raise typer.Exit(2) from None


def _serve_then_announce(config: Any, banner: str) -> None:
    """Run one API process and print the banner once it accepts connections, so that the
    addresses and the demo sign-ins are the last lines on the screen, not lost above the
    start-up logs."""
    import uvicorn

    class AnnouncingServer(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started:
                typer.echo(banner)

    server = AnnouncingServer(config)
    # A SIGTERM is re-raised by uvicorn after its graceful shutdown (see `_interrupt`).
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    if not server.started and not server.should_exit:
        typer.echo("error: the API did not start (see the log above)", err=True)
        raise typer.Exit(3)


def _seed_demo(
    url: str, settings: Settings, *, force: bool = False, reset: bool = False
) -> DemoLogin | None:
    import asyncio

    from hireline.demo import seed_if_empty

    typer.echo("Checking for the demo organisation...", err=True)
    return asyncio.run(seed_if_empty(url, settings, force=force, reset=reset))


def _sign_in_lines(lines: list[str]) -> str:
    return "".join(f"    {line}\n" for line in lines)


def _login_lines(login: DemoLogin) -> list[str]:
    from hireline.demo import login_lines

    return [*login_lines(login), *login.notes]


def _demo_banner(login: DemoLogin, base: str) -> str:
    return (
        f"  Careers:    {base}/careers/{login.slug}\n"
        f"  Demo organisation '{login.slug}', {login.applications} applications; sign in as:\n"
        + _sign_in_lines(_login_lines(login))
    )


def _remembered_demo_login(settings: Settings, base: str) -> str:
    from hireline.demo import DEMO_SLUG, remembered_login

    remembered = remembered_login(settings)
    if not remembered:
        return ""
    return f"  Careers:    {base}/careers/{DEMO_SLUG}\n  Demo sign-ins:\n" + _sign_in_lines(
        remembered.splitlines()
    )


@app.command("demo")
def demo_command(
    reset: Annotated[
        bool, typer.Option(help="Delete the demo organisation (and its team) and seed it anew.")
    ] = False,
) -> None:
    """Seed the demo organisation: a team, a job per template, 90 days of applicants."""
    settings = _settings()
    with database_url(settings) as url:
        migrations.upgrade(url)
        login = _seed_demo(url, settings, force=True, reset=reset)
    if login is None:
        typer.echo("The demo organisation already exists (rebuild it with --reset).")
        return
    typer.echo(
        f"Demo organisation '{login.slug}' with {login.applications} applications.\n"
        f"  Careers:  /careers/{login.slug}\n  Sign in as:\n"
        + _sign_in_lines(_login_lines(login)).rstrip("\n")
    )


def _files_dir(settings: Settings) -> Path | None:
    """The local file store, or None when files are kept in S3."""
    return None if settings.storage_url else settings.data_dir / "files"


@app.command("backup")
def backup_command(
    archive: Annotated[
        Path | None, typer.Argument(help="Where to write it (default: hireline-backup-<time>.tar).")
    ] = None,
) -> None:
    """Back up the database (pg_dump) and the uploaded files into one archive."""
    from datetime import UTC, datetime

    from hireline.core.backup import BackupError, backup

    settings = _settings()
    target = archive or Path(f"hireline-backup-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.tar")
    with database_url(settings) as url:
        try:
            summary = backup(url, _files_dir(settings), settings.data_dir, target)
        except BackupError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
    typer.echo(
        f"backed up the database (revision {summary.revision}) and {summary.files} files "
        f"to {summary.archive} ({summary.bytes / 1_048_576:.1f} MB; it holds personal data: "
        "keep it safe)"
    )


@app.command("restore")
def restore_command(
    archive: Annotated[Path, typer.Argument(help="A file written by `hireline backup`.")],
) -> None:
    """Restore a backup into an empty database (and its files into the file store)."""
    from hireline.core.backup import BackupError, restore

    settings = _settings()
    with database_url(settings) as url:
        try:
            summary = restore(
                archive, url, _files_dir(settings), settings.data_dir, settings.database_app_role
            )
        except BackupError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None
    typer.echo(
        f"restored the database (revision {summary.revision}) and {summary.files} files "
        f"from {summary.archive}; `hireline migrate upgrade` brings an older backup up to date"
    )


@app.command("purge")
def purge_command() -> None:
    """Delete expired transient records now (workers also do it daily at 03:17 UTC)."""
    import asyncio

    from hireline.maintenance.purge import purge

    with database_url(_settings()) as url:
        report = asyncio.run(purge(url))
    for table, count in report.deleted.items():
        typer.echo(f"{table:28} {count} deleted")


@migrate_app.command("upgrade")
def migrate_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply migrations up to REVISION (default: head)."""
    with database_url(_settings()) as url:
        migrations.upgrade(url, revision)
        typer.echo(f"database at {', '.join(sorted(migrations.current_revisions(url))) or 'base'}")


@migrate_app.command("downgrade")
def migrate_downgrade(revision: Annotated[str, typer.Argument(help="e.g. -1 or base")]) -> None:
    """Revert migrations down to REVISION."""
    with database_url(_settings()) as url:
        migrations.downgrade(url, revision)
        typer.echo(f"database at {', '.join(sorted(migrations.current_revisions(url))) or 'base'}")


@migrate_app.command("current")
def migrate_current() -> None:
    """Show the revision the database is at and whether it is the latest."""
    with database_url(_settings()) as url:
        current = migrations.current_revisions(url)
        heads = migrations.head_revisions()
        state = "up to date" if current == heads else f"behind (head: {', '.join(sorted(heads))})"
        typer.echo(f"{', '.join(sorted(current)) or 'base'} ({state})")


@app.command()
def check() -> None:
    """Print the effective configuration (secrets hidden) and check connectivity."""
    settings = _settings()
    for name, shown in _effective_settings(settings):
        typer.echo(f"{name:28} {shown}")
    healthy = True
    with database_url(settings) as url:
        try:
            current = migrations.current_revisions(url)
            heads = migrations.head_revisions()
            state = (
                "up to date" if current == heads else "NOT at head: run `hireline migrate upgrade`"
            )
            typer.echo(f"{'database':28} reachable, migrations {state}")
            healthy = healthy and current == heads
        except Exception as exc:
            typer.echo(f"{'database':28} UNREACHABLE: {exc}")
            healthy = False
        else:
            if settings.semantic_matching:
                problem = _semantic_problem(url, settings)
                typer.echo(f"{'semantic matching':28} {problem or 'ready'}")
                healthy = healthy and problem is None
    if settings.redis_url is not None:
        import redis

        try:
            redis.Redis.from_url(settings.redis_url.get_secret_value()).ping()
            typer.echo(f"{'redis':28} reachable")
        except Exception as exc:
            typer.echo(f"{'redis':28} UNREACHABLE: {exc}")
            healthy = False
    raise typer.Exit(0 if healthy else 1)


def _effective_settings(settings: Settings) -> list[tuple[str, str]]:
    """Every setting as `check` shows it: plain values as they are, database and Redis
    URLs without their password, other secrets only as set or not, and where the token
    signing key comes from."""
    from pydantic import SecretStr

    from hireline.core.signing_key import KEY_FILE

    shown: list[tuple[str, str]] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            text = value.get_secret_value()
            value = _masked(text) if name in {"database_url", "redis_url"} else "(set, hidden)"
        shown.append((name, "(not set)" if value is None else str(value)))
    key_source = (
        "HIRELINE_SECRET_KEY"
        if settings.secret_key is not None
        else f"generated once and kept in {settings.data_dir / KEY_FILE}"
    )
    shown.append(("secret key source", key_source))
    return shown


def _semantic_problem(url: str, settings: Settings) -> str | None:
    """Why semantic matching cannot run against `url`, or None when it can."""
    import asyncio

    from hireline.core.db import create_app_engine
    from hireline.matching import semantic

    async def probe() -> None:
        engine = create_app_engine(settings, url, pool_size=1)
        try:
            async with engine.connect() as connection:
                await semantic.check_ready(connection)
        finally:
            await engine.dispose()

    try:
        asyncio.run(probe())
    except semantic.SemanticMatchingUnavailable as exc:
        return str(exc)
    return None


def main() -> None:
    """Entry point that reports configuration errors without a traceback."""
    try:
        app()
    except ConfigurationError as exc:
        typer.echo(f"configuration error: {exc}", err=True)
        sys.exit(2)


@app.command("import-salaries")
def import_salaries(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    tenant: Annotated[str, typer.Option(help="Slug of the organisation the figures are for.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv or json (default: from the file name)")
    ] = None,
    source: Annotated[str, typer.Option(help="Source for rows that name none.")] = (
        "Imported benchmark"
    ),
) -> None:
    """Validate a CSV/JSON file of salary benchmarks and load its good rows for a tenant."""
    import asyncio

    from hireline.guides.salaries.cli import run_import

    if fmt not in (None, "csv", "json"):
        raise typer.BadParameter("must be csv or json", param_hint="--format")
    settings = _settings()
    with database_url(settings) as url:
        code = asyncio.run(run_import(url, settings, file, tenant, fmt, source))
    raise typer.Exit(code)


import_app = typer.Typer(
    help="Import jobs, candidates, applications and résumés from another tracking system.",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")

_Export = Annotated[
    Path,
    typer.Argument(exists=True, readable=True, help="The export: a directory or a .zip of one."),
]
_Organisation = Annotated[
    str, typer.Option("--organisation", "--organization", help="Slug of the organisation.")
]
_DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Go through everything, report, and store nothing.")
]


def _import(
    system: SourceSystem, path: Path, organisation: str, dry_run: bool, mapping: Path | None = None
) -> None:
    import asyncio

    from hireline.imports.cli import run

    settings = _settings()
    with database_url(settings) as url:
        code = asyncio.run(
            run(url, settings, system, path, organisation, mapping=mapping, dry_run=dry_run)
        )
    raise typer.Exit(code)


@import_app.command("greenhouse")
def import_greenhouse(path: _Export, organisation: _Organisation, dry_run: _DryRun = False) -> None:
    """Import a Greenhouse Harvest API export (jobs.json, candidates.json, ...)."""
    _import("greenhouse", path, organisation, dry_run)


@import_app.command("lever")
def import_lever(path: _Export, organisation: _Organisation, dry_run: _DryRun = False) -> None:
    """Import a Lever API export (opportunities.json, postings.json, stages.json, ...)."""
    _import("lever", path, organisation, dry_run)


@import_app.command("csv")
def import_csv(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    organisation: _Organisation,
    mapping: Annotated[
        Path,
        typer.Option(exists=True, dir_okay=False, help="Which column holds what (TOML or JSON)."),
    ],
    dry_run: _DryRun = False,
) -> None:
    """Import a CSV file of applicants, read with a column mapping."""
    _import("csv", path, organisation, dry_run, mapping)


@app.command("semantic-backfill")
def semantic_backfill(
    tenant: Annotated[
        str | None, typer.Option(help="Slug of one organisation (default: every one).")
    ] = None,
) -> None:
    """Queue the embedding of applicants and jobs that predate semantic matching."""
    import asyncio

    from hireline.matching.backfill_cli import queue_backfill

    settings = _settings()
    with database_url(settings) as url:
        code = asyncio.run(queue_backfill(url, settings, tenant))
    raise typer.Exit(code)


guide_app = typer.Typer(
    help="Hiring guides from the built-in role templates.", no_args_is_help=True
)
app.add_typer(guide_app, name="guide")


@guide_app.command("render")
def guide_render(
    template: Annotated[str, typer.Argument(help="Template key, e.g. python-backend-developer")],
    level: Annotated[str, typer.Option(help="junior, mid, senior or staff")] = "mid",
    industry: Annotated[
        str,
        typer.Option(help="fintech, ecommerce (e-commerce), healthcare, saas, media or iot"),
    ] = "saas",
    context: Annotated[
        str, typer.Option(help="corporate, startup or remote_hybrid (remote, remote-hybrid)")
    ] = "corporate",
    location: Annotated[
        str,
        typer.Option(help='Location key or name, e.g. "Austin, TX"; unknown ones are refused'),
    ] = "us-national",
    fmt: Annotated[str, typer.Option("--format", help="json, markdown, html or pdf")] = "markdown",
) -> None:
    """Write a complete hiring guide for a built-in template to standard output."""
    from hireline.guides.rendering.cli import render_builtin

    sys.stdout.buffer.write(render_builtin(template, level, industry, context, location, fmt))


@app.command()
def worker(
    concurrency: Annotated[
        int | None,
        typer.Option(min=1, help="Jobs run at once (default HIRELINE_WORKER_CONCURRENCY)."),
    ] = None,
    import_module: Annotated[
        list[str] | None,
        typer.Option("--import", help="Extra module defining tasks (may be repeated)."),
    ] = None,
) -> None:
    """Work the task queue (starting the embedded PostgreSQL when DATABASE_URL is unset)."""
    import asyncio

    from hireline.core.observability import configure_logging
    from hireline.matching.semantic import SemanticMatchingUnavailable
    from hireline.worker import work

    settings = _settings()
    configure_logging(settings.log_level, settings.log_format)
    with database_url(settings) as url:
        if migrations.current_revisions(url) != migrations.head_revisions():
            typer.echo(
                "the database is not migrated to this version: run `hireline migrate upgrade`",
                err=True,
            )
            raise typer.Exit(2)
        try:
            asyncio.run(
                work(
                    url,
                    settings,
                    concurrency=concurrency or settings.worker_concurrency,
                    extra_modules=import_module or [],
                )
            )
        except SemanticMatchingUnavailable as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from None
