"""`hireline import-salaries`: the same ETL from a terminal, with a report."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from hireline.cli import app as cli_app
from hireline.core.database_url import libpq_url
from hireline.settings import get_settings


def test_cli_imports_for_a_tenant_and_reports(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant_id = uuid.uuid4()
    owner = libpq_url(database_url)
    with psycopg.connect(owner, autocommit=True) as connection:
        connection.execute(
            "INSERT INTO tenants (id, name, slug) VALUES (%s, 'Cli Co', 'cli-co')", (tenant_id,)
        )
    csv = tmp_path / "salaries.csv"
    csv.write_text(
        "role,level,location,currency,min,max\n"
        "python-backend-developer,mid,austin-tx,USD,100000,150000\n"
        "python-backend-developer,mid,denver-co,USD,oops,150000\n"
    )
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(
            cli_app, ["import-salaries", str(csv), "--tenant", "cli-co", "--source", "Survey"]
        )
        assert result.exit_code == 0, result.output
        assert "read 2 rows" in result.output
        assert "1 inserted" in result.output
        assert "row 2: min must be a whole number" in result.output
        with psycopg.connect(owner) as connection:
            rows = connection.execute(
                "SELECT source FROM salary_benchmarks WHERE tenant_id = %s", (tenant_id,)
            ).fetchall()
        assert rows == [("Survey",)]
        unknown = CliRunner().invoke(cli_app, ["import-salaries", str(csv), "--tenant", "nope"])
        assert unknown.exit_code == 2
    finally:
        get_settings.cache_clear()
        with psycopg.connect(owner, autocommit=True) as connection:
            connection.execute("DELETE FROM tenants WHERE id = %s", (tenant_id,))
