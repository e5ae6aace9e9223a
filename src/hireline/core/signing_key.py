"""The key that signs access tokens: configured, or generated once per data directory."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from hireline.settings import Settings

KEY_FILE = "secret_key"


def signing_key(settings: Settings) -> str:
    """HIRELINE_SECRET_KEY, else a key kept in the data dir so every process shares it."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    path: Path = settings.data_dir / KEY_FILE
    if path.exists():
        return path.read_text().strip()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    candidate = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    try:
        # A hard link appears complete or not at all: when several processes start at
        # once, the first link wins and the others read it.
        os.link(candidate, path)
    except FileExistsError:
        pass
    finally:
        candidate.unlink()
    return path.read_text().strip()
