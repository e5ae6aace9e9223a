"""Alembic environment: runs migrations synchronously over psycopg 3 as the schema owner.

Offline (`alembic upgrade --sql`, or `output_buffer` from code) it writes the SQL instead:
tests/migrations keeps each revision's script as a snapshot, so that an old revision's SQL
cannot change unnoticed. Revisions import no `hireline` code (each carries its own SQL); what
they need from the settings (the application's role) comes through the configuration here.
"""

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


def _set_app_role() -> None:
    """The role the application switches to, which revisions grant to (`_app_role()`)."""
    if "app_role" not in context.config.attributes:
        from hireline.settings import get_settings

        context.config.attributes["app_role"] = get_settings().database_app_role


def run_migrations_offline() -> None:
    context.configure(
        dialect_name="postgresql",
        target_metadata=target_metadata,
        include_object=include_object,
        literal_binds=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


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


_set_app_role()
if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
