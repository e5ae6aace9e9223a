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

    async def read(self, key: str) -> bytes:
        """The file's bytes; `FileNotFoundError` if there is none."""
        ...

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
        """Remove the file, and the folders it leaves empty (a folder can be named by a
        person's id: erasing them must not leave it behind)."""
        path = self._path(key)
        await anyio.Path(path).unlink(missing_ok=True)
        await anyio.to_thread.run_sync(self._prune_empty_parents, path)

    def _prune_empty_parents(self, path: Path) -> None:
        root = self.root.resolve()
        folder = path.parent.resolve()
        while folder != root and root in folder.parents:
            try:
                folder.rmdir()
            except OSError:  # not empty (or already gone with a concurrent delete)
                return
            folder = folder.parent

    async def exists(self, key: str) -> bool:
        return await anyio.Path(self._path(key)).exists()


class S3Storage:
    """Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, ...), under a key prefix.

    boto3 is synchronous; its calls run in worker threads so the event loop never waits.
    Credentials come from boto3's usual sources (AWS_* variables, instance roles).
    """

    def __init__(self, bucket: str, *, prefix: str = "", endpoint_url: str | None = None) -> None:
        import boto3

        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client = boto3.client("s3", endpoint_url=endpoint_url)

    def _key(self, key: str) -> str:
        key = _check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    async def save(self, key: str, data: bytes) -> None:
        await anyio.to_thread.run_sync(
            lambda: self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)
        )

    async def read(self, key: str) -> bytes:
        from botocore.exceptions import ClientError

        def get() -> bytes:
            try:
                response = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
            except ClientError as exc:
                if _missing(exc):
                    raise FileNotFoundError(key) from exc
                raise
            body: bytes = response["Body"].read()
            return body

        return await anyio.to_thread.run_sync(get)

    async def delete(self, key: str) -> None:
        await anyio.to_thread.run_sync(
            lambda: self.client.delete_object(Bucket=self.bucket, Key=self._key(key))
        )

    async def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        def head() -> bool:
            try:
                self.client.head_object(Bucket=self.bucket, Key=self._key(key))
            except ClientError as exc:
                if _missing(exc):
                    return False
                raise
            return True

        return await anyio.to_thread.run_sync(head)


def _missing(error: Exception) -> bool:
    code = getattr(error, "response", {}).get("Error", {}).get("Code")
    return code in ("404", "NoSuchKey", "NotFound")


def storage_for(storage_url: str | None, endpoint_url: str | None, data_dir: Path) -> FileStorage:
    """`s3://bucket/prefix` for a bucket; unset for a directory under the data dir."""
    if not storage_url:
        return LocalStorage(data_dir / "files")
    if not storage_url.startswith("s3://"):
        raise ValueError("HIRELINE_STORAGE_URL must look like s3://bucket/prefix")
    bucket, _, prefix = storage_url.removeprefix("s3://").partition("/")
    return S3Storage(bucket, prefix=prefix, endpoint_url=endpoint_url)


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
