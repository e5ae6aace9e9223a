"""Revisions are frozen: each writes the SQL of its snapshot and imports no application code.

A revision that changed would leave the databases that ran it unlike those that run it now.
When a test here fails for an old revision, write a new revision instead of editing it; for
a new revision, `make migration-snapshots` writes its snapshot.
"""

from __future__ import annotations

import ast
import difflib
from pathlib import Path

import pytest
from alembic.script import Script

from tests.migrations.snapshots import SNAPSHOTS, render, revisions, snapshot_path

VERSIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"
REVISIONS = revisions()


@pytest.mark.parametrize("script", REVISIONS, ids=[s.revision for s in REVISIONS])
def test_revision_writes_the_sql_of_its_snapshot(script: Script) -> None:
    path = snapshot_path(script)
    assert path.exists(), f"no snapshot for revision {script.revision}: make migration-snapshots"
    expected = path.read_text(encoding="utf-8")
    actual = render(script)
    diff = "\n".join(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "snapshot", "now", lineterm="", n=2
        )
    )
    assert actual == expected, (
        f"revision {script.revision} now writes other SQL; revisions are frozen, so write a "
        f"new revision for the change:\n{diff}"
    )


def test_every_snapshot_has_its_revision() -> None:
    known = {f"{script.revision}.sql" for script in REVISIONS}
    assert {path.name for path in SNAPSHOTS.glob("*.sql")} <= known


def test_no_revision_imports_the_application() -> None:
    importing: dict[str, list[int]] = {}
    for path in sorted(VERSIONS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            if isinstance(node, ast.Import | ast.ImportFrom) and any(
                name == "hireline" or name.startswith("hireline.") for name in names
            ):
                importing.setdefault(path.name, []).append(node.lineno)
    assert not importing, f"copy the SQL into the revision instead: {importing}"
