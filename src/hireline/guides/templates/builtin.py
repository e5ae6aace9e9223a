"""The role templates that ship with Hireline, read once from ``guides/data/*.yaml``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from hireline.core.errors import NotFound
from hireline.guides.templates.content import RoleTemplate

# The YAML files stay in `guides/data/`, beside the rooms that read them.
DATA_DIR = Path(__file__).parent.parent / "data"


def load_template_file(path: Path) -> RoleTemplate:
    """Parse and validate one role-template YAML file; raises on invalid data."""
    with path.open(encoding="utf-8") as stream:
        raw = yaml.safe_load(stream)
    template = RoleTemplate.model_validate(raw)
    if template.key != path.stem:
        raise ValueError(f"{path.name}: key {template.key!r} does not match the file name")
    return template


@cache
def load_builtin_templates() -> dict[str, RoleTemplate]:
    """Every built-in role template by key, validated; read from disk once per process.

    The returned dict is shared between callers, so treat it as read-only.
    """
    templates: dict[str, RoleTemplate] = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        template = load_template_file(path)
        templates[template.key] = template
    return templates


def get_builtin_template(key: str) -> RoleTemplate:
    """The built-in role template with this key; `NotFound` if there is none."""
    try:
        return load_builtin_templates()[key]
    except KeyError:
        raise NotFound(f"No built-in role template is called {key!r}.") from None
