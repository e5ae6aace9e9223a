"""The migrations build the schema the models describe, and undo it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import NullPool, create_engine, inspect

from hireline.core import migrations
from hireline.core.database_url import sqlalchemy_url
from tests.databases import migrate, model_drift, scratch_database, unmigrate


@pytest.fixture
def empty_database(server_url: str) -> Iterator[str]:
    with scratch_database(server_url, "hireline_migrations") as url:
        yield url


def _tables(url: str) -> set[str]:
    engine = create_engine(sqlalchemy_url(url), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def test_every_migration_applies_from_empty_and_reverts(empty_database: str) -> None:
    migrate(empty_database)
    assert migrations.current_revisions(empty_database) == migrations.head_revisions()
    assert {"domain_events", "procrastinate_jobs"} <= _tables(empty_database)

    unmigrate(empty_database, "base")
    assert migrations.current_revisions(empty_database) == set()
    assert _tables(empty_database) <= {"alembic_version"}

    migrate(empty_database)  # and again, as a re-deploy after a rollback would
    assert migrations.current_revisions(empty_database) == migrations.head_revisions()


def test_models_and_migrations_agree(database_url: str) -> None:
    diff = model_drift(database_url)
    assert diff == [], f"models and migrations disagree; write a migration for: {diff}"
