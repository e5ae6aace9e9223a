"""The committed document and typed clients are what the code generates today."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
from pathlib import Path

from hireline.api_document import published_document

ROOT = Path(__file__).parents[2]
CLIENTS = ROOT / "clients"
GENERATOR_BIN = CLIENTS / "generator" / ".venv" / "bin"


def _differences(expected: Path, actual: Path) -> list[str]:
    """Files that differ, or exist on one side only, between two trees."""
    comparison = filecmp.dircmp(expected, actual, ignore=["__pycache__", ".venv", ".ruff_cache"])
    found: list[str] = []

    def walk(node: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"{prefix}{name} (only committed)" for name in node.left_only)
        found.extend(f"{prefix}{name} (only generated)" for name in node.right_only)
        _, mismatches, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        found.extend(prefix + name for name in mismatches + errors)
        for name, child in node.subdirs.items():
            walk(child, f"{prefix}{name}/")

    walk(comparison, "")
    return found


def test_committed_document_is_the_served_one() -> None:
    committed = json.loads((CLIENTS / "openapi.json").read_text())
    assert committed == published_document(), "run `make clients` and commit the result"


def test_committed_python_client_matches_the_document(tmp_path: Path) -> None:
    generator = GENERATOR_BIN / "openapi-python-client"
    assert generator.exists(), "run `make install` (it installs the pinned generator)"
    env = os.environ | {"PATH": f"{GENERATOR_BIN}:{os.environ['PATH']}"}
    subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            str(CLIENTS / "openapi.json"),
            "--output-path",
            str(tmp_path / "python"),
            "--meta",
            "uv",
            "--config",
            str(CLIENTS / "generator" / "config.yaml"),
        ],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    differences = _differences(CLIENTS / "python", tmp_path / "python")
    assert differences == [], "run `make clients` and commit the result"
