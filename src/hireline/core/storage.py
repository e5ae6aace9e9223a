"""Where uploaded files live: a directory by default, behind a small interface.

Files are written before the database rows that point at them; a file whose transaction
rolls back is deleted again, so a failed request leaves no orphan behind.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Protocol

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.db import on_rollback

_SAFE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,300}$")


class FileStorage(Protocol):
    """What the domains need from file storage."""

    async def save(self, key: str, data: bytes) -> None: ...

    async def read(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...

    async def exists(self, key: str) -> bool: ...


def _check_key(key: str) -> str:
    if not _SAFE_KEY.match(key) or ".." in key.split("/"):
        raise ValueError(f"unsafe storage key: {key!r}")
    return key


class LocalStorage:
    """Files under a directory; writes are atomic (temporary file, then rename)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / _check_key(key)

    async def save(self, key: str, data: bytes) -> None:
        path = self._path(key)

        def write() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
            temporary.write_bytes(data)
            os.chmod(temporary, 0o600)
            temporary.replace(path)

        await anyio.to_thread.run_sync(write)

    async def read(self, key: str) -> bytes:
        return await anyio.Path(self._path(key)).read_bytes()

    async def delete(self, key: str) -> None:
        await anyio.Path(self._path(key)).unlink(missing_ok=True)

    async def exists(self, key: str) -> bool:
        return await anyio.Path(self._path(key)).exists()


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def save_with_transaction(
    session: AsyncSession, storage: FileStorage, key: str, data: bytes
) -> None:
    """Save a file that is deleted again if the session's unit of work fails."""
    await storage.save(key, data)

    async def remove() -> None:
        await storage.delete(key)

    on_rollback(session, remove)
