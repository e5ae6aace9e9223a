"""The migrations build the schema the models describe, and undo it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from psycopg import sql
from sqlalchemy import NullPool, create_engine, inspect

from hireline.core import migrations
from hireline.core.database_url import libpq_url, sqlalchemy_url, with_database
from hireline.metadata import include_object, target_metadata


@pytest.fixture
def empty_database(server_url: str) -> Iterator[str]:
    name = f"hireline_migrations_{uuid.uuid4().hex[:10]}"
    admin = libpq_url(server_url)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield with_database(server_url, name)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _tables(url: str) -> set[str]:
    engine = create_engine(sqlalchemy_url(url), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def test_every_migration_applies_from_empty_and_reverts(empty_database: str) -> None:
    migrations.upgrade(empty_database)
    assert migrations.current_revisions(empty_database) == migrations.head_revisions()
    assert {"domain_events", "procrastinate_jobs"} <= _tables(empty_database)

    migrations.downgrade(empty_database, "base")
    assert migrations.current_revisions(empty_database) == set()
    assert _tables(empty_database) <= {"alembic_version"}

    migrations.upgrade(empty_database)  # and again, as a re-deploy after a rollback would
    assert migrations.current_revisions(empty_database) == migrations.head_revisions()


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = create_engine(sqlalchemy_url(database_url), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "include_object": include_object,
                    "compare_type": True,
                    "compare_server_default": True,
                },
            )
            diff = compare_metadata(context, target_metadata)
    finally:
        engine.dispose()
    assert diff == [], f"models and migrations disagree; write a migration for: {diff}"
