"""The skills a role template asks for, read from its qualifications with the skills taxonomy.

A job created from a template starts with them, so matching has a skill signal before
anyone lists skills by hand. A qualification offering a choice ("Django, FastAPI or Flask",
"SQL databases such as PostgreSQL or MySQL") requires its first skill and prefers the others:
requiring every alternative would rank down everyone who knows one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hireline.guides.templates.content import GroupedItems, RoleTemplate
from hireline.resumes.taxonomy import load_taxonomy

MAX_SKILLS = 50
_CHOICE = re.compile(r"(?i)\b(?:or|such as|like|e\.g\.|for example|either)\b")


def template_skills(template: RoleTemplate) -> tuple[list[str], list[str]]:
    """(required, preferred) canonical skill names, each once, in the template's order."""
    required: dict[str, None] = {}
    preferred: dict[str, None] = {}
    for item in _items(template.required_qualifications):
        found = load_taxonomy().find(item)
        if not found:
            continue
        if _CHOICE.search(item):
            required.setdefault(found[0])
            preferred.update(dict.fromkeys(found[1:]))
        else:
            required.update(dict.fromkeys(found))
    for item in _items(template.preferred_qualifications):
        preferred.update(dict.fromkeys(load_taxonomy().find(item)))
    # The API's own limit on a job's skill lists.
    return list(required)[:MAX_SKILLS], [s for s in preferred if s not in required][:MAX_SKILLS]


def _items(groups: Iterable[GroupedItems]) -> Iterable[str]:
    for group in groups:
        yield from group.items
