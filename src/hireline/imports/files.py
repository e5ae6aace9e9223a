"""An export as files: a directory or a .zip of one, read by relative name."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from hireline.imports.export import ExportUnreadable

# Larger members are not read: no export file or résumé is this big.
MAX_MEMBER_BYTES = 64 * 1024 * 1024


class ExportFiles:
    """The files of an export directory or zip archive (one top folder in it is skipped)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: dict[str, zipfile.ZipInfo] | None = None
        if path.is_dir():
            return
        try:
            archive = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise ExportUnreadable(f"{path.name}: neither a directory nor a zip file") from exc
        members = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        tops = {PurePosixPath(name).parts[0] for name in members}
        strip = len(tops) == 1 and all("/" in name for name in members)
        self._archive = archive
        self._zip = {
            (name.split("/", 1)[1] if strip else name): info for name, info in members.items()
        }

    def read(self, name: str) -> bytes | None:
        """The file's bytes, or None if the export has no such file."""
        if self._zip is None:
            target = (self.path / name).resolve()
            if not target.is_relative_to(self.path.resolve()) or not target.is_file():
                return None
            if target.stat().st_size > MAX_MEMBER_BYTES:
                raise ExportUnreadable(f"{name}: larger than {MAX_MEMBER_BYTES // 2**20} MB")
            return target.read_bytes()
        info = self._zip.get(name)
        if info is None:
            return None
        if info.file_size > MAX_MEMBER_BYTES:
            raise ExportUnreadable(f"{name}: larger than {MAX_MEMBER_BYTES // 2**20} MB")
        return self._archive.read(info)

    def json(self, name: str, *, required: bool = True) -> Any:
        """A JSON file's content; a clear error when it is missing (and required) or broken."""
        raw = self.read(name)
        if raw is None:
            if required:
                raise ExportUnreadable(f"{name}: missing from the export")
            return None
        try:
            return json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ExportUnreadable(f"{name}: not valid JSON ({exc})") from None

    def records(self, name: str, *, required: bool = True) -> list[dict[str, Any]]:
        """A JSON file holding a list of objects, bare (Harvest) or as a page's `data`
        (Lever); an empty list when optional and missing."""
        content = self.json(name, required=required)
        if content is None:
            return []
        if isinstance(content, dict) and "data" in content:
            content = content["data"]
        if not isinstance(content, list):
            raise ExportUnreadable(f"{name}: expected a JSON list of records")
        for position, record in enumerate(content, start=1):
            if not isinstance(record, dict):
                raise ExportUnreadable(f"{name} record {position}: expected a JSON object")
        return content
