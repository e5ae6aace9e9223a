"""The vendored front-end files are exactly those `make vendor` copied (ADR 0014)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hireline.web.app import STATIC_DIR

VENDOR = STATIC_DIR / "vendor"


def _manifest() -> dict[str, str]:
    entries = {}
    for line in (VENDOR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        entries[name.removeprefix("./")] = digest
    return entries


def test_every_vendored_file_matches_its_committed_hash() -> None:
    manifest = _manifest()
    on_disk = {
        str(path.relative_to(VENDOR)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in VENDOR.rglob("*")
        if path.is_file() and path.name != "SHA256SUMS"
    }
    assert on_disk == manifest


def test_every_vendored_package_ships_its_licence() -> None:
    packages = [path for path in VENDOR.iterdir() if path.is_dir()]
    assert {p.name for p in packages} == {
        "htmx",
        "pico",
        "sortablejs",
        "swagger-ui",
        "redoc",
        "chartjs",
    }
    for package in packages:
        assert any(path.name.startswith("LICENSE") for path in package.iterdir()), package


def test_the_lock_file_pins_what_package_json_asks_for() -> None:
    root = Path(__file__).parents[2]
    wanted = json.loads((root / "package.json").read_text())["dependencies"]
    locked = json.loads((root / "package-lock.json").read_text())["packages"]
    for name, version in wanted.items():
        assert locked[f"node_modules/{name}"]["version"] == version, name
