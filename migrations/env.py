"""Alembic environment: runs migrations synchronously over psycopg 3 as the schema owner."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from hireline.core.database_url import sqlalchemy_url
from hireline.metadata import include_object, target_metadata


def _database_url() -> str:
    url = context.config.attributes.get("database_url")
    if url:
        return str(url)
    from hireline.runtime import resolve_database_url

    return resolve_database_url()


def run_migrations_online() -> None:
    engine = create_engine(sqlalchemy_url(_database_url()), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            compare_type=True,
            compare_server_default=True,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
