"""Alembic driven from code: upgrade, downgrade and where the database stands."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import NullPool, create_engine
from sqlalchemy.engine import Connection

from hireline.core.database_url import sqlalchemy_url

MIGRATIONS_DIR = Path(__file__).resolve().parents[3] / "migrations"


def alembic_config(database_url: str) -> Config:
    """An Alembic configuration aimed at `database_url`, independent of the working dir."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision`."""
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    """Revert migrations down to `revision` (`base` for an empty schema)."""
    command.downgrade(alembic_config(database_url), revision)


def head_revisions() -> set[str]:
    """The revisions a fully migrated database is at."""
    return set(ScriptDirectory.from_config(alembic_config("")).get_heads())


def current_revisions_of(connection: Connection) -> set[str]:
    """The revisions recorded in the database behind `connection`."""
    return set(MigrationContext.configure(connection).get_current_heads())


def current_revisions(database_url: str) -> set[str]:
    """The revisions recorded in the database at `database_url`."""
    engine = create_engine(sqlalchemy_url(database_url), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return current_revisions_of(connection)
    finally:
        engine.dispose()
