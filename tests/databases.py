"""Scratch databases for tests, and the check that the models match what migrations built."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from psycopg import sql
from sqlalchemy import NullPool, create_engine

from hireline.core.database_url import libpq_url, sqlalchemy_url, with_database
from hireline.metadata import include_object, target_metadata


@contextmanager
def scratch_database(server_url: str, prefix: str = "hireline_test") -> Iterator[str]:
    """A new empty database on the server, dropped (connections and all) after the block."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
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


def model_drift(database_url: str) -> list[Any]:
    """What autogenerate would change in the database to match the models (empty: nothing)."""
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
            return list(compare_metadata(context, target_metadata))
    finally:
        engine.dispose()
