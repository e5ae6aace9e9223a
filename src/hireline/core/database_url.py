"""Conversions between the URL forms the database clients expect."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

SQLALCHEMY_DRIVER = "postgresql+psycopg"


def sqlalchemy_url(url: str) -> URL:
    """The URL with the psycopg 3 async driver that SQLAlchemy should use."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql"):
        raise ValueError(f"only PostgreSQL is supported, got {parsed.drivername!r}")
    return parsed.set(drivername=SQLALCHEMY_DRIVER)


def libpq_url(url: str) -> str:
    """The URL in the plain `postgresql://` form libpq (psycopg, procrastinate) expects."""
    return sqlalchemy_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def with_database(url: str, database: str) -> str:
    """The same server and credentials, pointing at another database."""
    return make_url(url).set(database=database).render_as_string(hide_password=False)
