"""`hireline backup` / `restore` against the test server: everything comes back, nothing
half-restored, and the archive is not readable by others."""

from __future__ import annotations

import stat
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from hireline.cli import app as cli_app
from hireline.core.backup import BackupError, backup, restore
from hireline.core.database_url import libpq_url
from hireline.settings import get_settings
from tests.conftest import migrated_database
from tests.databases import scratch_database

APP_ROLE = "hireline_app"


def _counts(url: str) -> dict[str, int]:
    with psycopg.connect(libpq_url(url)) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        counts = {}
        for table in tables:
            row = connection.execute(
                psycopg.sql.SQL("SELECT count(*) FROM {}").format(psycopg.sql.Identifier(table))
            ).fetchone()
            assert row is not None
            counts[table] = row[0]
    return counts


@pytest.fixture
def source(server_url: str) -> Iterator[str]:
    """A migrated database with a tenant and an event in it."""
    with migrated_database(server_url) as url:
        with psycopg.connect(libpq_url(url)) as connection:
            tenant = uuid.uuid4()
            connection.execute(
                "INSERT INTO tenants (id, name, slug) VALUES (%s, 'Backup Co', %s)",
                (tenant, f"backup-{tenant.hex[:8]}"),
            )
            connection.execute(
                "INSERT INTO domain_events (tenant_id, type, payload)"
                " VALUES (%s, 'job.created', '{}')",
                (tenant,),
            )
        yield url


def _store(root: Path) -> Path:
    files = root / "files"
    (files / "tenant-a" / "resumes").mkdir(parents=True)
    (files / "tenant-a" / "resumes" / "cv.pdf").write_bytes(b"%PDF-1.7 a resume")
    (files / "logo.png").write_bytes(b"\x89PNG logo")
    (root / "secret_key").write_text("a-generated-signing-key")
    return files


def test_a_backup_restores_every_row_file_and_policy(
    source: str, server_url: str, tmp_path: Path
) -> None:
    files = _store(tmp_path / "old")
    archive = tmp_path / "backups" / "hireline.tar"
    made = backup(source, files, tmp_path / "old", archive)
    assert made.files == 2
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # personal data inside
    assert not archive.with_name("hireline.tar.partial").exists()
    with tarfile.open(archive) as tar:
        assert {"manifest.json", "database.dump", "secret_key"} <= set(tar.getnames())

    with scratch_database(server_url) as target:
        new_root = tmp_path / "new"
        restored = restore(archive, target, new_root / "files", new_root, APP_ROLE)
        assert restored.revision == made.revision
        assert restored.files == 2
        assert _counts(target) == _counts(source)
        assert (new_root / "files" / "tenant-a" / "resumes" / "cv.pdf").read_bytes() == (
            b"%PDF-1.7 a resume"
        )
        assert (new_root / "secret_key").read_text() == "a-generated-signing-key"
        with psycopg.connect(libpq_url(target)) as connection:
            forced = connection.execute(
                "SELECT relforcerowsecurity FROM pg_class WHERE relname = 'domain_events'"
            ).fetchone()
            granted = connection.execute(
                "SELECT has_table_privilege(%s, 'jobs', 'SELECT')", (APP_ROLE,)
            ).fetchone()
        assert forced == (True,)
        assert granted == (True,)


def test_restore_refuses_a_database_that_has_tables(source: str, tmp_path: Path) -> None:
    archive = tmp_path / "hireline.tar"
    backup(source, None, tmp_path, archive)
    before = _counts(source)
    with pytest.raises(BackupError, match="already has tables"):
        restore(archive, source, None, tmp_path, APP_ROLE)
    assert _counts(source) == before


def test_restore_refuses_what_is_not_a_backup(server_url: str, tmp_path: Path) -> None:
    stray = tmp_path / "holiday.tar"
    with tarfile.open(stray, "w") as tar:
        tar.add(_store(tmp_path) / "logo.png", arcname="logo.png")
    with scratch_database(server_url) as target:
        with pytest.raises(BackupError, match="not a Hireline backup"):
            restore(stray, target, tmp_path / "files", tmp_path, APP_ROLE)
        assert _counts(target) == {}


def test_the_commands_report_what_they_did(
    source: str, server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", source)
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("REDIS_URL", raising=False)
    get_settings.cache_clear()
    archive = tmp_path / "cli.tar"
    try:
        made = CliRunner().invoke(cli_app, ["backup", str(archive)])
        assert made.exit_code == 0, made.output
        assert f"to {archive}" in made.output
        refused = CliRunner().invoke(cli_app, ["restore", str(archive)])
        assert refused.exit_code == 1
        assert "already has tables" in refused.output
        with scratch_database(server_url) as target:
            monkeypatch.setenv("DATABASE_URL", target)
            get_settings.cache_clear()
            restored = CliRunner().invoke(cli_app, ["restore", str(archive)])
            assert restored.exit_code == 0, restored.output
            assert _counts(target) == _counts(source)
    finally:
        get_settings.cache_clear()
