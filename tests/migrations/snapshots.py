"""Each revision's SQL, as Alembic writes it offline (`--sql`), kept as a snapshot.

A revision is frozen once it is merged: a database that ran it must end up like one that
runs it later. Its snapshot (`snapshots/<revision>.sql`: the upgrade, then the downgrade)
makes any change to the SQL it produces show up in review and fail the tests.

    make migration-snapshots   # writes the snapshots of NEW revisions; never rewrites one
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from alembic import command
from alembic.script import Script, ScriptDirectory

from hireline.core.migrations import alembic_config

SNAPSHOTS = Path(__file__).with_name("snapshots")
# Offline scripts are written for the default role (what `_app_role()` returns online comes
# from the settings, HIRELINE_DATABASE_APP_ROLE).
APP_ROLE = "hireline_app"


def revisions() -> list[Script]:
    """Every revision, oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config(""))
    return list(reversed(list(scripts.walk_revisions())))


def _offline(action: str, target: str) -> str:
    config = alembic_config("")
    config.attributes["app_role"] = APP_ROLE
    config.output_buffer = io.StringIO()
    if action == "upgrade":
        command.upgrade(config, target, sql=True)
    else:
        command.downgrade(config, target, sql=True)
    text = config.output_buffer.getvalue()
    # Trailing spaces (SQLAlchemy's DDL ends column lines with one) are noise in a diff.
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def render(script: Script) -> str:
    """The SQL of `script`'s upgrade and downgrade, as an offline run writes them."""
    down = script.down_revision
    assert down is None or isinstance(down, str), "a merge revision needs its own handling"
    upgrade = _offline("upgrade", f"{down}:{script.revision}" if down else script.revision)
    downgrade = _offline("downgrade", f"{script.revision}:{down or 'base'}")
    return (
        f"-- Revision {script.revision}: {script.doc}\n"
        f"-- Written by `make migration-snapshots`; never edit (see tests/migrations).\n\n"
        f"-- ==== upgrade ====\n{upgrade}\n-- ==== downgrade ====\n{downgrade}"
    )


def snapshot_path(script: Script) -> Path:
    return SNAPSHOTS / f"{script.revision}.sql"


def write_new_snapshots() -> list[Path]:
    """Write the snapshot of each revision that has none yet; the paths written."""
    SNAPSHOTS.mkdir(exist_ok=True)
    written = []
    for script in revisions():
        path = snapshot_path(script)
        if not path.exists():
            path.write_text(render(script), encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    for written in write_new_snapshots():
        print(f"wrote {written}")
    sys.exit(0)
