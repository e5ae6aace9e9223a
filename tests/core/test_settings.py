"""Configuration comes from the environment and bad values stop start-up, named."""

from __future__ import annotations

from pathlib import Path

import pytest

from hireline.settings import ConfigurationError, configuration_table, load_settings


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    import os

    for name in list(os.environ):
        if name.startswith("HIRELINE_") or name in {"DATABASE_URL", "REDIS_URL"}:
            monkeypatch.delenv(name)
    return monkeypatch


def test_defaults_use_the_embedded_database(clean_env: pytest.MonkeyPatch) -> None:
    settings = load_settings()
    assert settings.embedded_database
    assert settings.port == 8000
    assert settings.data_dir == (Path.cwd() / ".hireline").resolve()


def test_database_and_redis_urls_are_read_unprefixed(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("DATABASE_URL", "postgresql://u:pa55word@db/hireline")
    clean_env.setenv("REDIS_URL", "redis://cache:6379/0")
    settings = load_settings()
    assert not settings.embedded_database
    assert settings.database_url is not None
    assert "pa55word" not in repr(settings)


def test_unknown_variable_is_named(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("HIRELINE_PROT", "9000")
    with pytest.raises(ConfigurationError, match="HIRELINE_PROT"):
        load_settings()


def test_invalid_value_is_named(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("HIRELINE_PORT", "99999")
    with pytest.raises(ConfigurationError, match="HIRELINE_PORT"):
        load_settings()


def test_list_settings_are_json(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("HIRELINE_CORS_ORIGINS", '["https://a.example", "https://b.example"]')
    assert load_settings().cors_origins == ["https://a.example", "https://b.example"]


def test_prefixed_spelling_of_an_unprefixed_variable_is_refused(
    clean_env: pytest.MonkeyPatch,
) -> None:
    clean_env.setenv("HIRELINE_PROMETHEUS_MULTIPROC_DIR", "/tmp/metrics")
    with pytest.raises(ConfigurationError, match="HIRELINE_PROMETHEUS_MULTIPROC_DIR"):
        load_settings()
    clean_env.delenv("HIRELINE_PROMETHEUS_MULTIPROC_DIR")
    clean_env.setenv("HIRELINE_DATABASE_URL", "postgresql://u@db/x")
    assert load_settings().database_url is not None


def test_the_readme_lists_every_setting_as_it_is() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert configuration_table() in readme, (
        "regenerate the table: hireline.settings.configuration_table()"
    )
