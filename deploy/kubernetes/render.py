"""Print the base's objects as one YAML stream, in the kustomization's order, with its
common labels applied: what `kubectl kustomize` would print, without kubectl.

    python deploy/kubernetes/render.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

BASE = Path(__file__).resolve().parent


def objects() -> list[dict[str, Any]]:
    """Every object of the base, labelled as the kustomization says."""
    kustomization = yaml.safe_load((BASE / "kustomization.yaml").read_text())
    labels: dict[str, str] = {}
    for entry in kustomization.get("labels", []):
        labels |= entry["pairs"]
    rendered = []
    for name in kustomization["resources"]:
        for document in yaml.safe_load_all((BASE / name).read_text()):
            metadata = document.setdefault("metadata", {})
            metadata["labels"] = {**metadata.get("labels", {}), **labels}
            rendered.append(document)
    return rendered


def main() -> None:
    yaml.safe_dump_all(objects(), sys.stdout, sort_keys=False)


if __name__ == "__main__":
    main()
