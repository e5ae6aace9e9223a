"""The one resolver of how people spell a guide's level, industry, work context and location.

The CLI and the API both take free text ("E-commerce", `remote-hybrid`, `"Austin, TX"`) and
must land on the same keys, or a guide rendered in the terminal and one fetched over HTTP would
disagree. Anything that does not resolve is an `UnknownChoice` carrying the closest known
spellings, never a silent fallback to a default.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import cast

from hireline.core.errors import ValidationFailed
from hireline.guides.templates.content import (
    INDUSTRIES,
    LEVELS,
    WORK_CONTEXTS,
    Industry,
    Level,
    RoleTemplate,
    WorkContext,
)


class UnknownChoice(ValueError):
    """A value that names none of the known choices; `suggestions` are the closest ones."""

    def __init__(self, field: str, value: str, suggestions: list[str], known: list[str]) -> None:
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown {field} {value!r}.{hint} Known: {', '.join(known)}.")
        self.field = field
        self.value = value
        self.suggestions = suggestions
        self.known = known


def _squash(text: str) -> str:
    """Case, spaces and punctuation dropped: `E-commerce`, `e_commerce` and `ECommerce` meet."""
    return re.sub(r"[^a-z0-9]+", "", text.strip().lower())


# Spellings people use beyond the key and the template's display name, squashed.
_LEVEL_ALIASES: dict[str, Level] = {
    "entry": "junior",
    "entrylevel": "junior",
    "jr": "junior",
    "intermediate": "mid",
    "midlevel": "mid",
    "middle": "mid",
    "sr": "senior",
    "lead": "senior",
    "principal": "staff",
    "stafflevel": "staff",
}
_INDUSTRY_ALIASES: dict[str, Industry] = {
    "finance": "fintech",
    "financialservices": "fintech",
    "financial": "fintech",
    "banking": "fintech",
    "payments": "fintech",
    "ecom": "ecommerce",
    "retail": "ecommerce",
    "onlineretail": "ecommerce",
    "health": "healthcare",
    "healthtech": "healthcare",
    "medical": "healthcare",
    "cloud": "saas",
    "saascloud": "saas",
    "software": "saas",
    "b2bsaas": "saas",
    "entertainment": "media",
    "mediaentertainment": "media",
    "streaming": "media",
    "hardware": "iot",
    "internetofthings": "iot",
    "iothardware": "iot",
    "devices": "iot",
}
_CONTEXT_ALIASES: dict[str, WorkContext] = {
    "remote": "remote_hybrid",
    "hybrid": "remote_hybrid",
    "remoteorhybrid": "remote_hybrid",
    "distributed": "remote_hybrid",
    "enterprise": "corporate",
    "corporation": "corporate",
    "bigcompany": "corporate",
    "established": "corporate",
    "startupenvironment": "startup",
    "scaleup": "startup",
    "earlystage": "startup",
}
# Location spellings that no range name yields, by squashed text, to a range key.
_LOCATION_ALIASES: dict[str, str] = {
    "national": "us-national",
    "us": "us-national",
    "usa": "us-national",
    "unitedstates": "us-national",
    "nationalaverage": "us-national",
    "remote": "remote-us",
    "remoteus": "remote-us",
    "sf": "san-francisco-ca",
    "sfbayarea": "san-francisco-ca",
    "bayarea": "san-francisco-ca",
    "nyc": "new-york-ny",
    "newyorkcity": "new-york-ny",
    "atl": "atlanta-ga",
}


def _resolve(field: str, value: str, spellings: Mapping[str, str], keys: Iterable[str]) -> str:
    squashed = _squash(value)
    found = spellings.get(squashed)
    if found is not None:
        return found
    known = list(dict.fromkeys(keys))
    close = difflib.get_close_matches(squashed, list(spellings), n=3, cutoff=0.6)
    suggestions = list(dict.fromkeys(spellings[c] for c in close))
    raise UnknownChoice(field, value, suggestions, known)


def _spellings(keys: tuple[str, ...], aliases: Mapping[str, str]) -> dict[str, str]:
    spellings: dict[str, str] = {_squash(key): key for key in keys}
    spellings.update(aliases)
    return spellings


def resolve_level(value: str) -> Level:
    """`Senior`, `sr` -> `senior`; `UnknownChoice` otherwise."""
    return cast(Level, _resolve("level", value, _spellings(LEVELS, _LEVEL_ALIASES), LEVELS))


def resolve_industry(value: str) -> Industry:
    """`E-commerce`, `ecommerce`, `retail` -> `ecommerce`; `UnknownChoice` otherwise."""
    spellings = _spellings(INDUSTRIES, _INDUSTRY_ALIASES)
    return cast(Industry, _resolve("industry", value, spellings, INDUSTRIES))


def resolve_context(value: str) -> WorkContext:
    """`remote`, `remote-hybrid`, `remote_hybrid` -> `remote_hybrid`; `UnknownChoice` otherwise."""
    spellings = _spellings(WORK_CONTEXTS, _CONTEXT_ALIASES)
    return cast(WorkContext, _resolve("context", value, spellings, WORK_CONTEXTS))


def resolve_location(
    template: RoleTemplate | None, value: str, *, extra_keys: Iterable[str] = ()
) -> str:
    """The salary-location key `value` names: a key, a range's name or its city, or an alias.

    ``extra_keys`` are further locations the caller has figures for (a tenant's imported
    benchmarks), matched by key; without a template they are the only ones.
    `"Austin, TX"`, `austin-tx`, `Austin` -> `austin-tx`.
    """
    ranges = template.compensation.ranges if template is not None else ()
    extra = list(extra_keys)
    spellings: dict[str, str] = {}
    for key in extra:
        spellings[_squash(key)] = key
    for salary in ranges:
        spellings[_squash(salary.location)] = salary.location
        spellings[_squash(salary.name)] = salary.location
        if salary.kind == "metro":
            # The city alone: "Austin" for "Austin, TX" (the first range of a city keeps it).
            city = _squash(salary.name.split(",")[0])
            spellings.setdefault(city, salary.location)
    known_keys = {salary.location for salary in ranges} | set(spellings.values())
    for alias, key in _LOCATION_ALIASES.items():
        if key in known_keys:
            spellings.setdefault(alias, key)
    keys = [salary.location for salary in ranges] + extra
    return _resolve("location", value, spellings, keys)


def validation_failed(exc: UnknownChoice, loc: tuple[str, ...]) -> ValidationFailed:
    """The 422 an API answers for an unknown choice, naming the field and the closest matches."""
    return ValidationFailed(
        str(exc),
        errors=[
            {
                "loc": list(loc),
                "msg": str(exc),
                "type": "unknown_choice",
                "input": exc.value,
                "suggestions": exc.suggestions,
            }
        ],
    )


def pydantic_resolver(resolve: Callable[[str], str]) -> Callable[[object], object]:
    """A before-validator for request models: a string is resolved, anything else is left to
    the field's own type to refuse. `UnknownChoice` is a `ValueError`, so it becomes a 422."""

    def validate(value: object) -> object:
        return resolve(value) if isinstance(value, str) else value

    return validate
