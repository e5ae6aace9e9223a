"""The import contracts in pyproject.toml hold today, and break when a door is forced."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# One forbidden import per contract, each in a module of its own so that no existing line moves.
INJECTED = {
    "core knows no domain": ("core", "import hireline.jobs.service"),
    "Rooms are layered": ("jobs", "import hireline.candidates.service"),
    "models and repository are its own": ("search", "import hireline.jobs.models"),
    "web app reaches the domains through their services": ("web", "import hireline.jobs.stages"),
    "No room imports the application's wiring": ("guides", "import hireline.main"),
}


def _lint_imports(project: Path, source: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH comes before the editable install's path, so `hireline` is the copy's.
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_contracts_hold_for_the_code_as_it_is() -> None:
    result = _lint_imports(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr


def _not_python(folder: str, names: list[str]) -> set[str]:
    """What the copy can leave out: caches, and folders of page templates, static files and
    data (a folder named `templates` that is a package, like guides', stays)."""
    skipped = {"__pycache__", "static", "data"}
    return {
        name
        for name in names
        if name in skipped
        or (name == "templates" and not (Path(folder) / name / "__init__.py").exists())
    }


@pytest.fixture
def forced_doors(tmp_path: Path) -> Path:
    """A copy of the project whose package breaks each contract once."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "tests" / "architecture", tmp_path / "tests" / "architecture")
    (tmp_path / "tests" / "__init__.py").touch()
    shutil.copytree(
        ROOT / "src" / "hireline",
        tmp_path / "src" / "hireline",
        ignore=_not_python,
    )
    for room, statement in INJECTED.values():
        module = tmp_path / "src" / "hireline" / room / "forced_door.py"
        module.write_text(f"{statement}  # noqa\n")
    return tmp_path


def test_each_contract_fails_on_a_forbidden_import(forced_doors: Path) -> None:
    result = _lint_imports(forced_doors, forced_doors / "src")
    report = result.stdout + result.stderr
    assert result.returncode != 0, report
    broken = [line for line in report.splitlines() if " BROKEN" in line]
    for contract, (room, _statement) in INJECTED.items():
        assert any(contract in line for line in broken), (contract, report)
        assert f"hireline.{room}.forced_door" in report, (room, report)
