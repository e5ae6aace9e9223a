"""Which reader an export goes to."""

from __future__ import annotations

from pathlib import Path

from hireline.imports import greenhouse, lever, spreadsheet
from hireline.imports.export import Export, ExportUnreadable, SourceSystem
from hireline.imports.files import ExportFiles


def read_export(system: SourceSystem, path: Path, mapping: Path | None) -> Export:
    """The source's records; `ExportUnreadable` when the export as a whole is not usable."""
    if system == "csv":
        if mapping is None:
            raise ExportUnreadable("a CSV import needs --mapping (a TOML or JSON file)")
        return spreadsheet.read(path, spreadsheet.load_mapping(mapping))
    if system == "greenhouse":
        return greenhouse.read(ExportFiles(path))
    return lever.read(ExportFiles(path))
