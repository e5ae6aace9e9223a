"""`hireline check` and `hireline migrate current` against the test database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hireline.cli import app as cli_app
from hireline.settings import get_settings

SECRET = "a-very-secret-signing-key-that-is-long-enough"


@pytest.fixture
def configured(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HIRELINE_SECRET_KEY", SECRET)
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("REDIS_URL", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_check_prints_settings_without_secrets(configured: None, database_url: str) -> None:
    result = CliRunner().invoke(cli_app, ["check"])
    assert result.exit_code == 0, result.output
    assert "database                     reachable, migrations up to date" in result.output
    assert "secret_key" in result.output
    assert SECRET not in result.output
    assert "access_token_ttl_seconds     900" in result.output
    assert "secret key source            HIRELINE_SECRET_KEY" in result.output


def test_check_shows_plain_values_and_where_the_key_comes_from(
    configured: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIRELINE_PUBLIC_URL", "https://jobs.example.com")
    monkeypatch.setenv("HIRELINE_SMTP_URL", "smtp://mailer:hunter2@mail.example.com:587")
    monkeypatch.delenv("HIRELINE_SECRET_KEY")
    get_settings.cache_clear()
    result = CliRunner().invoke(cli_app, ["check"])
    assert result.exit_code == 0, result.output
    assert "public_url                   https://jobs.example.com" in result.output
    assert "smtp_url                     (set, hidden)" in result.output
    assert "hunter2" not in result.output
    assert f"generated once and kept in {tmp_path / 'secret_key'}" in result.output


def test_migrate_current_reports_head(configured: None) -> None:
    result = CliRunner().invoke(cli_app, ["migrate", "current"])
    assert result.exit_code == 0
    assert "(up to date)" in result.output


def test_bad_configuration_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIRELINE_PORT", "not-a-port")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli_app, ["check"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "HIRELINE_PORT" in result.output
