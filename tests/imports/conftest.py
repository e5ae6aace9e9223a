"""An organisation to import into, the `hireline import` command, and reads of what it
stored (as the schema owner, across row-level security)."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from typer.testing import CliRunner, Result

from hireline.cli import app as cli_app
from hireline.core.database_url import libpq_url
from hireline.settings import get_settings

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Organisation:
    id: uuid.UUID
    slug: str
    owner_url: str
    data_dir: Path

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Rows of `sql`, whose first parameter is this organisation's id."""
        with psycopg.connect(self.owner_url) as connection:
            return connection.execute(sql, (self.id, *params)).fetchall()

    def count(self, table: str) -> int:
        return int(self.rows(f"SELECT count(*) FROM {table} WHERE tenant_id = %s")[0][0])

    def parse_jobs(self) -> int:
        return int(
            self.rows(
                "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'resumes.parse' "
                "AND args->>'tenant_id' = %s::text"
            )[0][0]
        )

    def stored_files(self) -> list[Path]:
        root = self.data_dir / "files" / str(self.id)
        return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []

    def add_candidate(self, email: str, name: str) -> uuid.UUID:
        candidate_id = uuid.uuid4()
        with psycopg.connect(self.owner_url, autocommit=True) as connection:
            connection.execute(
                "INSERT INTO candidates (tenant_id, id, email_normalized, email, name, source) "
                "VALUES (%s, %s, %s, %s, %s, 'sourced')",
                (self.id, candidate_id, email.lower(), email, name),
            )
        return candidate_id

    def run(self, *args: str) -> Result:
        """`hireline import <args> --organisation <slug>`."""
        return CliRunner().invoke(cli_app, ["import", *args, "--organisation", self.slug])


@pytest.fixture
def organisation(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Organisation]:
    tenant_id = uuid.uuid4()
    slug = f"import-{tenant_id.hex[:10]}"
    owner = libpq_url(database_url)
    with psycopg.connect(owner, autocommit=True) as connection:
        connection.execute(
            "INSERT INTO tenants (id, name, slug) VALUES (%s, 'Importers', %s)", (tenant_id, slug)
        )
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    try:
        yield Organisation(tenant_id, slug, owner, tmp_path / "data")
    finally:
        get_settings.cache_clear()
        with psycopg.connect(owner, autocommit=True) as connection:
            connection.execute("DELETE FROM tenants WHERE id = %s", (tenant_id,))


@pytest.fixture
def export_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A copy of a fixture export, to spoil in a test."""

    def copy(name: str) -> Path:
        target = tmp_path / "exports" / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy
