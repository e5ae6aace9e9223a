"""Which PostgreSQL this process talks to: the configured one or the embedded one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hireline.core import embedded_postgres
from hireline.settings import Settings, get_settings


@contextmanager
def database_url(settings: Settings) -> Iterator[str]:
    """The configured database, or an embedded server kept running for the block."""
    if settings.database_url is not None:
        yield settings.database_url.get_secret_value()
        return
    server = embedded_postgres.start(settings.data_dir)
    try:
        yield server.url
    finally:
        server.stop()


def resolve_database_url() -> str:
    """The database URL for a one-off command; an embedded server stops at exit."""
    settings = get_settings()
    if settings.database_url is not None:
        return settings.database_url.get_secret_value()
    return embedded_postgres.start(settings.data_dir).url
