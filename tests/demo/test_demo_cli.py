"""`hireline demo [--reset]` prints every sign-in and seeds the demo once."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hireline.cli import app as cli_app
from hireline.demo.openings import OUT_OF_BAND_NOTE
from hireline.demo.team import TEAM
from hireline.settings import get_settings
from tests.conftest import migrated_database


def test_demo_command_prints_the_team_and_seeds_once(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with migrated_database(server_url) as url:
        monkeypatch.setenv("DATABASE_URL", url)
        monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path))
        monkeypatch.delenv("REDIS_URL", raising=False)
        get_settings.cache_clear()
        try:
            seeded = CliRunner().invoke(cli_app, ["demo", "--reset"])
            again = CliRunner().invoke(cli_app, ["demo"])
        finally:
            get_settings.cache_clear()
    assert seeded.exit_code == 0, seeded.output
    for _, name, email in TEAM:
        assert email in seeded.output
        assert name in seeded.output
    assert OUT_OF_BAND_NOTE in seeded.output
    kept = (tmp_path / "demo-login.txt").read_text()
    assert all(email in kept for _, _, email in TEAM)
    assert again.exit_code == 0
    assert "already exists" in again.output
