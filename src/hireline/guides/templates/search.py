"""Finding role templates by what people call the role: its title, key or an alias ("SWE", "PM").

Templates number in the tens, so matching runs in memory over the listed templates; the rank
puts an exact name first, then titles whose words the query starts, then any other match.
"""

from __future__ import annotations

import re

from hireline.guides.templates.content import RoleTemplate

# How good a match is; higher first.
EXACT = 3
TITLE_WORDS = 2
ANY_WORDS = 1


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _squash(text: str) -> str:
    return "".join(_words(text))


def match_rank(template: RoleTemplate, query: str) -> int:
    """How well `query` names the template (`EXACT`, `TITLE_WORDS`, `ANY_WORDS`), 0 if not.

    Every word of the query must start a word of the template's title, key, family, level
    titles or aliases; a query equal to the title, key or an alias (ignoring case, spaces and
    punctuation) is exact.
    """
    wanted = _words(query)
    if not wanted:
        return 0
    names = [template.title, template.key, *template.aliases]
    if _squash(query) in {_squash(name) for name in names}:
        return EXACT
    title_words = _words(template.title)
    if all(any(word.startswith(w) for word in title_words) for w in wanted):
        return TITLE_WORDS
    vocabulary = set(title_words) | set(_words(template.key)) | set(_words(template.family))
    for name in template.aliases:
        vocabulary.update(_words(name))
    for profile in template.levels.values():
        vocabulary.update(_words(profile.title))
    if all(any(word.startswith(w) for word in vocabulary) for w in wanted):
        return ANY_WORDS
    return 0
