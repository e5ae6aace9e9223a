"""Scratch databases for tests, the migrations run on them, and the check that the models
match what migrations built."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from psycopg import sql
from sqlalchemy import NullPool, create_engine

from hireline.core import migrations
from hireline.core.database_url import libpq_url, sqlalchemy_url, with_database
from hireline.metadata import include_object, target_metadata

# The migrations create and grant cluster-wide roles (hireline_app, hireline_relay, ...):
# `IF NOT EXISTS` then `CREATE ROLE` is no guard against another process doing the same at
# once, and concurrent GRANTs of one role fail with "tuple concurrently updated". Every test
# process (xdist workers, other runs on the server) takes this advisory lock around them.
ROLES_LOCK = 0x4869_7265  # "Hire"
# Advisory locks belong to a database: all takers meet in the server's maintenance database.
LOCK_DATABASE = "postgres"


def worker_id() -> str:
    """This process's pytest-xdist worker (`gw0`, `gw1`, ...), or `main` without xdist."""
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def worker_index() -> int:
    """0 for the first xdist worker (and for a run without xdist), 1 for the next, ..."""
    worker = worker_id()
    return int(worker.removeprefix("gw")) if worker.startswith("gw") else 0


@contextmanager
def roles_lock(server_url: str) -> Iterator[None]:
    """Hold the suite's lock on cluster-wide roles for the block."""
    admin = libpq_url(with_database(server_url, LOCK_DATABASE))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", (ROLES_LOCK,))
        try:
            yield
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", (ROLES_LOCK,))


def migrate(database_url: str, revision: str = "head") -> None:
    """`migrations.upgrade`, never at the same time as another test process's migrations."""
    with roles_lock(database_url):
        migrations.upgrade(database_url, revision)


def unmigrate(database_url: str, revision: str) -> None:
    """`migrations.downgrade`, under the same lock as `migrate`."""
    with roles_lock(database_url):
        migrations.downgrade(database_url, revision)


@contextmanager
def scratch_database(server_url: str, prefix: str = "hireline_test") -> Iterator[str]:
    """A new empty database on the server, dropped (connections and all) after the block.

    Its name carries the xdist worker's id, so that a leftover says which process made it."""
    name = f"{prefix}_{worker_id()}_{uuid.uuid4().hex[:12]}"
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
