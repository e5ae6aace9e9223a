"""A backup of the embedded PostgreSQL (the `make run` setup) restored into a new data dir:
the demo organisation, its résumé files and the signing key all come back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from hireline.core import embedded_postgres
from hireline.core.database_url import libpq_url

HIRELINE = Path(sys.executable).parent / "hireline"


def _hireline(data_dir: Path, *arguments: str) -> str:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "REDIS_URL"} and not name.startswith("HIRELINE_")
    }
    env["HIRELINE_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [str(HIRELINE), *arguments], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _snapshot(data_dir: Path) -> tuple[list[tuple[str, int]], dict[str, bytes]]:
    server = embedded_postgres.start(data_dir)
    try:
        with psycopg.connect(libpq_url(server.url)) as connection:
            counts = connection.execute(
                "SELECT 'tenants', count(*) FROM tenants"
                " UNION ALL SELECT 'users', count(*) FROM users"
                " UNION ALL SELECT 'jobs', count(*) FROM jobs"
                " UNION ALL SELECT 'applications', count(*) FROM applications"
                " UNION ALL SELECT 'resumes', count(*) FROM resumes"
            ).fetchall()
    finally:
        server.stop()
    files = {
        str(path.relative_to(data_dir / "files")): path.read_bytes()
        for path in (data_dir / "files").rglob("*")
        if path.is_file()
    }
    return counts, files


@pytest.mark.embedded
def test_backup_and_restore_round_trip_on_the_embedded_server(tmp_path: Path) -> None:
    original, restored = tmp_path / "original", tmp_path / "restored"
    _hireline(original, "demo")
    archive = tmp_path / "demo.tar"
    _hireline(original, "backup", str(archive))
    _hireline(restored, "migrate", "current")  # an empty embedded server, made as usual
    # `migrate current` made no tables; the restore fills the new server.
    output = _hireline(restored, "restore", str(archive))
    assert "restored the database" in output
    before, after = _snapshot(original), _snapshot(restored)
    assert after == before
    counts = dict(before[0])
    assert counts["applications"] > 0
    assert before[1]  # the demo's résumé files
    assert (restored / "secret_key").read_text() == (original / "secret_key").read_text()
