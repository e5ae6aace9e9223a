"""The skills taxonomy: canonical skill names, their spellings, and finding them in free text.

The taxonomy ships as data (``resumes/data/skills.yaml``) and is validated when it is loaded:
a spelling claimed by two skills, a flag naming a spelling the skill does not have, an unknown
category or a family with a single member is an error, raised as `TaxonomyError`.

Spellings are compared by a *key*: NFKC, case-folded, with spaces, hyphens, underscores and dots
dropped, so "Node.js", "nodejs" and "Node JS" are one spelling, and "scikit-learn" is
"Scikit Learn". Two spellings with the same key may not be listed (the second would be dead).

How `Taxonomy.find` reads free text:

* A spelling is found only as a whole token: not inside a longer word ("Go" is not in "good",
  "Java" is not in "JavaScript"), not before "++" or "#" ("C" is not in "C++" or "C#"), not
  joined by "&" or "@" ("R&D"), not after "word." ("index.js") and not before ".word" ("C.V.").
  Letters of scripts written without spaces (CJK, Thai) do not extend a word, so "Pythonでの"
  finds Python. Where several spellings start at one place the longest wins ("Apache Spark"
  over "Spark").
* Inside a spelling, a space or hyphen also matches any run of spaces and hyphens or nothing
  ("docker-compose", "Docker Compose", "DockerCompose"), a dot between letters also matches a
  space or nothing ("NodeJS", "Node JS"), and a slash may have spaces around it ("CI / CD").
* A version glued to the end is allowed ("Python3", "HTML5", "C++17"), and so is a plural "s"
  on spellings matched case-insensitively ("webhooks", "REST APIs").
* Spellings are matched case-insensitively unless the skill lists them under
  ``case_sensitive`` ("Rust" but not "rust", "Vite" but not the French "vite").
* Spellings listed under ``ambiguous`` are common words or single letters ("Go", "R", "C",
  "Spring", "Chef"). They are always case-sensitive, and count only when all of these hold:

  1. the token stands alone: nothing glued on with "-", "." or an apostrophe, nor a version
     ("Go-to", "C-level", "C'est", "Go1" do not count), and it is not "(R)" right after a word;
  2. it is not part of a name or a date: the word right before it (with no punctuation
     between) is not capitalised, and the word right after it is neither capitalised nor a
     year ("Taylor Swift", "Elm Street", "Go Developer", "Spring 2024" do not count);
  3. it sits in a list: the text right before it ends with a list mark (, ; : / | ( [ { or a
     bullet) or the word "and"/"or" (also et, ou, und, oder, y, o, e), or the text right after
     it starts with a list mark (, ; : / | ) ] } ( .) or the line ends there, or the next word
     is "and"/"or" and the token does not start a sentence. So "Languages: Python, Go" and
     "Python and R" count; "Go to market" and "experience with R&D" do not; neither, by
     design, does "built it in Go for speed" (a missed match there is cheaper than the false
     ones the looser rule lets in).

Speed: the ~1,700 spellings are compiled once per process into one regular expression whose
alternatives are factored into a trie, with letters as classes ("[gG]") instead of IGNORECASE
so the engine can reject a branch on its first character. Measured with ``timeit`` (CPython
3.11, one core): `Taxonomy.find` takes about 0.5 ms on 5 kB of English job-description prose
and about 4.5 ms on a 5 kB comma-separated list of 400 skill names (the worst case: every word
matches); loading and compiling the shipped taxonomy takes about 0.1-0.2 s.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Annotated, Literal, Self, TypeAlias

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, model_validator

Category = Literal[
    "language",
    "web-framework",
    "frontend",
    "mobile",
    "database",
    "search",
    "data",
    "ml",
    "cloud",
    "devops",
    "observability",
    "messaging",
    "testing",
    "api",
    "security",
    "library",
    "tool",
    "platform",
    "practice",
]

# A spelling: no surrounding whitespace; at least one letter or digit.
Spelling = Annotated[str, StringConstraints(strict=True, pattern=r"^\S(?:.*\S)?$", max_length=80)]
FamilyName = Annotated[
    str, StringConstraints(strict=True, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)
]


@dataclass(frozen=True, slots=True)
class Skill:
    """One canonical skill and the other spellings that mean it."""

    name: str
    category: str
    aliases: tuple[str, ...]
    family: str | None


class TaxonomyError(ValueError):
    """The taxonomy data is malformed or inconsistent."""


class _SkillEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Spelling
    category: Category
    family: FamilyName | None = None
    aliases: list[Spelling] = []
    case_sensitive: list[Spelling] = []
    ambiguous: list[Spelling] = []

    @model_validator(mode="after")
    def _flags_name_own_spellings(self) -> Self:
        own = {self.name, *self.aliases}
        for flag in ("case_sensitive", "ambiguous"):
            strangers = [s for s in getattr(self, flag) if s not in own]
            if strangers:
                raise ValueError(f"{flag} names spellings the skill does not have: {strangers}")
        return self


class _TaxonomyFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1]
    skills: list[_SkillEntry]


@dataclass(frozen=True, slots=True)
class _Spelling:
    text: str
    skill: str
    case_sensitive: bool
    ambiguous: bool


# The C loader reads the shipped file five times faster; both are safe loaders.
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KEY_NOISE = re.compile(r"[\s\-_.]+")
_TRAILING_VERSION = re.compile(r"\s*v?\d+(?:\.\d+)*\+?$", re.IGNORECASE)


def spelling_key(text: str) -> str:
    """The form two spellings are compared in: "Node JS", "node.js" and "NodeJS" share one."""
    return _KEY_NOISE.sub("", unicodedata.normalize("NFKC", text).casefold())


class Taxonomy:
    """A validated set of skills, with lookup by any spelling and matching in free text."""

    skills: Mapping[str, Skill]

    def __init__(self, entries: Iterable[_SkillEntry]) -> None:
        skills: dict[str, Skill] = {}
        spellings: dict[str, _Spelling] = {}
        families: dict[str, set[str]] = {}
        for entry in entries:
            for text in (entry.name, *entry.aliases):
                key = spelling_key(text)
                if not key:
                    raise TaxonomyError(f"{entry.name}: spelling {text!r} has no letters or digits")
                if (earlier := spellings.get(key)) is not None:
                    where = (
                        "twice in that skill"
                        if earlier.skill == entry.name
                        else f"in both {earlier.skill!r} and {entry.name!r}"
                    )
                    raise TaxonomyError(
                        f"duplicate spelling {text!r} (same as {earlier.text!r}) {where}"
                    )
                spellings[key] = _Spelling(
                    text=text,
                    skill=entry.name,
                    case_sensitive=text in entry.case_sensitive or text in entry.ambiguous,
                    ambiguous=text in entry.ambiguous,
                )
            skills[entry.name] = Skill(
                name=entry.name,
                category=entry.category,
                aliases=tuple(entry.aliases),
                family=entry.family,
            )
            if entry.family is not None:
                families.setdefault(entry.family, set()).add(entry.name)
        lonely = sorted(name for name, members in families.items() if len(members) < 2)
        if lonely:
            raise TaxonomyError(f"families with a single skill (a typo?): {', '.join(lonely)}")
        self.skills = MappingProxyType(skills)
        self.families: Mapping[str, frozenset[str]] = MappingProxyType(
            {name: frozenset(members) for name, members in families.items()}
        )
        self._spellings = spellings
        self._pattern = _compile(spellings.values(), spellings.keys())

    def canonical(self, name: str) -> str | None:
        """The canonical name for any spelling of a skill, ignoring case; None if unknown.

        A trailing version is ignored when the spelling with it is unknown ("Python 3.8+",
        "WCAG 2.2", "C++17"), and so is a plural "s" ("webhooks").
        """
        spelling = self._lookup(name)
        if spelling is None:
            stripped = _TRAILING_VERSION.sub("", name)
            if stripped and stripped != name:
                spelling = self._lookup(stripped)
        return spelling.skill if spelling is not None else None

    def find(self, text: str) -> list[str]:
        """Canonical names of the skills mentioned in `text`, each once, in order of appearance.

        The matching rules, including those for ambiguous names, are in the module docstring.
        """
        found: dict[str, None] = {}
        for match in self._pattern.finditer(text):
            spelling = self._lookup(match["skill"])
            if spelling is None or spelling.skill in found:
                continue
            if spelling.ambiguous and (
                match["version"] or not _counts_in_context(text, match.start(), match.end())
            ):
                continue
            found[spelling.skill] = None
        return list(found)

    def family_members(self, name: str) -> frozenset[str]:
        """The other canonical skills in the family of skill `name` (any spelling); may be empty."""
        canonical = self.canonical(name)
        if canonical is None:
            return frozenset()
        family = self.skills[canonical].family
        if family is None:
            return frozenset()
        return self.families[family] - {canonical}

    def _lookup(self, text: str) -> _Spelling | None:
        key = spelling_key(text)
        spelling = self._spellings.get(key)
        if spelling is None and len(key) > 3 and key.endswith("s"):
            spelling = self._spellings.get(key[:-1])
        return spelling


def parse_taxonomy(source: str) -> Taxonomy:
    """Build a taxonomy from the YAML text of a skills file; raise TaxonomyError if invalid."""
    try:
        data = yaml.load(source, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
        document = _TaxonomyFile.model_validate(data)
    except yaml.YAMLError as error:
        raise TaxonomyError(f"skills file is not valid YAML: {error}") from error
    except ValidationError as error:
        raise TaxonomyError(f"skills file is invalid: {error}") from error
    return Taxonomy(document.skills)


@functools.cache
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped with Hireline, loaded and compiled once per process."""
    source = resources.files("hireline.resumes").joinpath("data/skills.yaml")
    return parse_taxonomy(source.read_text(encoding="utf-8"))


# --- compiling the matcher -------------------------------------------------------------------

_SEPARATOR = r"[\s\-]*"
_INNER_DOT = r"[.\s]?"
_SLASH = r"\s*/\s*"
_PLURAL = "[sS]?"
_END = ""  # trie key marking "a spelling ends here"

# Letters that continue a word: those of scripts written with spaces between words (Latin,
# Greek, Cyrillic), digits, "_" and combining accents. Other scripts (CJK, Thai, ...) border a
# skill name directly, as in "Pythonでの開発".
_WORD = (
    "0-9A-Za-z_\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
    "\u0300-\u036f\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff"
)
# Not inside a word, not joined by & or @, not after "word." (file names, domains).
_BEFORE = rf"(?<![{_WORD}&@])(?<![{_WORD}]\.)"
# Not followed by a word character, &, @, #, "++" or ".word".
_AFTER = rf"(?![{_WORD}&@#]|\+\+|\.[{_WORD}])"


def _atoms(text: str, *, case_sensitive: bool) -> list[str]:
    """Regex pieces for one spelling: one per character, separators folded into one piece.

    Letters of a case-insensitive spelling become classes ("[gG]") rather than relying on
    re.IGNORECASE: the regex engine skips a branch starting with a literal or a class after
    one character comparison, but enters every branch when ignoring case, which made matching
    several times slower.
    """
    atoms: list[str] = []
    for i, char in enumerate(text):
        if char.isspace() or char == "-":
            if not atoms or atoms[-1] != _SEPARATOR:
                atoms.append(_SEPARATOR)
        elif (
            char == "."
            and 0 < i < len(text) - 1
            and text[i - 1].isalnum()
            and text[i + 1].isalnum()
        ):
            atoms.append(_INNER_DOT)
        elif char == "/":
            atoms.append(_SLASH)
        elif not case_sensitive and char.lower() != char.upper():
            atoms.append(f"[{re.escape(char.lower())}{re.escape(char.upper())}]")
        else:
            atoms.append(re.escape(char))
    return atoms


_Trie: TypeAlias = dict[str, "_Trie"]


def _render(node: _Trie) -> tuple[str, int]:
    """The regex for the spellings below `node`, and its depth; greedy, so longer ones win."""
    children = []
    for atom, child in node.items():
        if atom != _END:
            pattern, depth = _render(child)
            children.append((-depth, atom, atom + pattern))
    if not children:
        return "", 0
    children.sort()
    alternatives = [pattern for _, _, pattern in children]
    depth = 1 - children[0][0]
    if _END in node:
        return "(?:" + "|".join(alternatives) + ")?", depth
    if len(alternatives) == 1:
        return alternatives[0], depth
    return "(?:" + "|".join(alternatives) + ")", depth


def _compile(spellings: Iterable[_Spelling], keys: Iterable[str]) -> re.Pattern[str]:
    known_keys = set(keys)
    trie: _Trie = {}
    for spelling in spellings:
        path = _atoms(spelling.text, case_sensitive=spelling.case_sensitive)
        if not spelling.case_sensitive:
            key = spelling_key(spelling.text)
            if (
                spelling.text[-1].isalpha()
                and not key.endswith("s")
                and key + "s" not in known_keys
            ):
                path.append(_PLURAL)
        node = trie
        for atom in path:
            node = node.setdefault(atom, {})
        node[_END] = {}
    pattern = _BEFORE + "(?P<skill>" + _render(trie)[0] + r")(?P<version>\d+(?:\.\d+)*)?" + _AFTER
    return re.compile(pattern)


# --- the rule for ambiguous spellings -------------------------------------------------------

# Escapes: \u2019 right single quote; \u2013/\u2014 en/em dash; \uff0c \u3001 \uff1b \uff1a
# \uff08 \uff09 full-width comma, ideographic comma, semicolon, colon, parentheses; \u3010
# \u3011 \u300c \u300d \u30fb CJK brackets and middle dot; \u3002 \uff01 \uff1f CJK full stop, !, ?.
_GLUE = frozenset("-'\u2019.")
_LIST_MARKS_BEFORE = frozenset(
    ",;:/|([{•·▪●◦‣*+>-\u2013\u2014\uff0c\u3001\uff1b\uff1a\uff08\u3010\u300c\u30fb"
    "\u2713\u2714\u27a2\u25ba\u25c6\u25a0\u25a1\u2192"  # check marks, arrows, squares
)
_LIST_MARKS_AFTER = frozenset(
    ",;:/|)]}(.\uff0c\u3001\uff1b\uff1a\uff09\u3011\u300d\u3002•·▪●\u2013\u2014"
)
_LIST_WORDS = frozenset({"and", "or", "et", "ou", "und", "oder", "y", "o", "e"})
_SENTENCE_ENDS = frozenset(".!?\u3002\uff01\uff1f")
_LAST_WORD = re.compile(r"(\w+)$")
_FIRST_WORD = re.compile(r"^(\w+)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _counts_in_context(text: str, start: int, end: int) -> bool:
    """Whether an ambiguous spelling at text[start:end] reads as a skill (module docstring)."""
    if start > 0 and text[start - 1] in _GLUE:
        return False
    if (
        end < len(text)
        and text[end] in _GLUE
        and not (text[end] == "." and (end + 1 == len(text) or not text[end + 1].isalnum()))
    ):
        return False
    if start > 1 and text[start - 1] == "(" and text[start - 2].isalnum():
        return False  # "Microsoft(R)"
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].rstrip()
    after = text[end : len(text) if line_end == -1 else line_end].lstrip()
    previous = _LAST_WORD.search(before)  # only spaces between it and the token
    following = _FIRST_WORD.match(after)
    if previous is not None and previous[1][0].isupper():
        return False
    if following is not None and (following[1][0].isupper() or _YEAR.fullmatch(following[1])):
        return False
    if before and (
        before[-1] in _LIST_MARKS_BEFORE
        or (previous is not None and previous[1].lower() in _LIST_WORDS)
    ):
        return True
    if not after or after[0] in _LIST_MARKS_AFTER:
        return True
    starts_sentence = not before or before[-1] in _SENTENCE_ENDS
    return following is not None and following[1].lower() in _LIST_WORDS and not starts_sentence
