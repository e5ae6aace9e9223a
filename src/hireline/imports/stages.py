"""Where a source's stage lands in a Hireline job's pipeline: the stage of the same name,
else the usual counterpart of a well-known stage name, else the job's first stage."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

# Stage names other systems ship with, and Hireline's default stage they correspond to.
_COUNTERPARTS = {
    "application review": "applied",
    "new applicant": "applied",
    "new lead": "applied",
    "lead": "applied",
    "reached out": "applied",
    "responded": "applied",
    "recruiter screen": "screen",
    "phone screen": "screen",
    "preliminary phone screen": "screen",
    "phone interview": "screen",
    "hiring manager screen": "screen",
    "technical screen": "technical interview",
    "take home test": "technical interview",
    "take-home test": "technical interview",
    "assessment": "technical interview",
    "face to face": "onsite",
    "onsite interview": "onsite",
    "on-site interview": "onsite",
    "on-site": "onsite",
    "final interview": "onsite",
    "reference check": "offer",
    "offer": "offer",
}


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def place(name: str | None, stages: Sequence[tuple[uuid.UUID, str]]) -> tuple[uuid.UUID, bool]:
    """The stage id for `name` among the job's (id, name) stages in order, and whether the
    name found its stage (False: the first stage, as a fallback)."""
    by_name = {_key(stage_name): stage_id for stage_id, stage_name in stages}
    if name:
        key = _key(name)
        found = by_name.get(key) or by_name.get(_COUNTERPARTS.get(key, ""))
        if found is not None:
            return found, True
    return stages[0][0], name is None
