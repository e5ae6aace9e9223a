"""How well a candidate's profile fits a job's requirements: a score from 0 to 100 and why.

The score is a weighted sum of five parts, each a fit between 0 and 1:

============================  ======  ==============================================
part                          weight  fit
============================  ======  ==============================================
``required_skills``             50    share of the required skills' weight the
                                      candidate has; a related skill (same taxonomy
                                      family: Flask for Django) counts `RELATED_CREDIT`
``preferred_skills``            20    the same, over the preferred skills
``years``                       15    1 at or above the job's minimum years, else
                                      years / minimum; 0 when the years are unknown
``level``                       10    the level the candidate's years suggest
                                      (`LEVEL_MIN_YEARS`) against the job's level: 1
                                      at or above it, 0.5 one level below, else 0
``location``                     5    places compared, not words (`places`): 1 for
                                      remote from anywhere, inside a remote job's area
                                      and time zones, or the job's city; 0.5 for its
                                      region or an unknown location; 0.25 for its
                                      country; else 0
============================  ======  ==============================================

A part the job does not ask for (no preferred skills, no minimum years, ...) is left out and
the others' weights are scaled up to sum to 100; the explanation shows each part's weight, fit
and points, so the sum can be checked by hand.

Fair by construction: `score` sees only a `Profile` (skills, years of experience, location);
name, gender, age, photo, contact details, school names and application answers never reach
it. More experience than asked for is never penalised (that would stand in for age), and the
location is only compared with the job's own locations.

Semantic similarity (HIRELINE_SEMANTIC_MATCHING, with the optional ``semantic`` extra and
pgvector; docs/adr/0012-semantic-matching.md): ``semantic_similarity`` (0..1: the cosine of the
sentence embeddings of the job's text and the candidate's résumé text, headline and skills,
negative counted as 0; see `hireline.matching.semantic`) joins as a sixth part weighted
`SEMANTIC_WEIGHT` before scaling, shown with its weight, fit and points like the others. It is
given only when both embeddings exist; without it the score is exactly the five parts above.
The embedded text has the person's name, e-mail addresses, phone numbers and links taken out.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from hireline.matching import places
from hireline.resumes.taxonomy import load_taxonomy, spelling_key

EXPLANATION_VERSION: Final = 1
WEIGHTS: Final[Mapping[str, float]] = {
    "required_skills": 50.0,
    "preferred_skills": 20.0,
    "years": 15.0,
    "level": 10.0,
    "location": 5.0,
}
SEMANTIC_WEIGHT: Final = 15.0
# A related skill (same family in the taxonomy) is worth this share of the skill asked for.
RELATED_CREDIT: Final = 0.5
DEFAULT_SKILL_WEIGHT: Final = 1.0
# Fewest years of experience that suggest each level, lowest level first.
LEVEL_MIN_YEARS: Final[Mapping[str, float]] = {
    "junior": 0.0,
    "mid": 2.0,
    "senior": 5.0,
    "staff": 8.0,
}
LEVEL_ONE_BELOW_FIT: Final = 0.5
LOCATION_REGION_FIT: Final = 0.5
LOCATION_COUNTRY_FIT: Final = 0.25
LOCATION_UNKNOWN_FIT: Final = 0.5

Part = Literal["required_skills", "preferred_skills", "years", "level", "location", "semantic"]


@dataclass(frozen=True, slots=True)
class Profile:
    """The only facts about a person the score may use."""

    skills: Sequence[str]
    years_experience: float | None
    location: str | None


@dataclass(frozen=True, slots=True)
class WantedSkill:
    """A skill a job asks for: its name, weight, and the related skills that count partly."""

    name: str
    key: str
    weight: float
    related: Mapping[str, str]  # key of a related skill -> its name


@dataclass(frozen=True, slots=True)
class JobPlace:
    """One of a job's locations: its work mode, the place resolved, and for remote work the
    band of UTC offsets applicants must be in (hours), if any."""

    mode: str
    label: str
    place: places.Place
    utc_band: tuple[float, float] | None = None

    @property
    def anywhere(self) -> bool:
        """A remote job open to every location."""
        return (
            self.mode == "remote"
            and self.utc_band is None
            and self.place.country is None
            and self.place.continent is None
        )


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a job asks for, prepared once and then scored against many profiles."""

    required: tuple[WantedSkill, ...]
    preferred: tuple[WantedSkill, ...]
    min_years: float | None
    level: str | None
    places: tuple[JobPlace, ...]

    @classmethod
    def of(
        cls,
        *,
        required_skills: Iterable[str],
        preferred_skills: Iterable[str] = (),
        skill_weights: Mapping[str, float] | None = None,
        min_years: float | None = None,
        level: str | None = None,
        locations: Iterable[Mapping[str, Any]] = (),
    ) -> Requirements:
        """Prepare a job's requirements (skills canonicalised through the taxonomy)."""
        weights = {skill_key(name): float(w) for name, w in (skill_weights or {}).items()}
        required = _wanted(required_skills, weights, skip=set())
        preferred = _wanted(preferred_skills, weights, skip={s.key for s in required})
        return cls(
            required=required,
            preferred=preferred,
            min_years=min_years if min_years else None,
            level=level if level in LEVEL_MIN_YEARS else None,
            places=tuple(_place(location) for location in locations),
        )

    def weights(self, *, semantic: bool = False) -> dict[Part, float]:
        """The parts this job asks for, with their weights scaled to sum to 100."""
        raw: dict[Part, float] = {}
        if self.required:
            raw["required_skills"] = WEIGHTS["required_skills"]
        if self.preferred:
            raw["preferred_skills"] = WEIGHTS["preferred_skills"]
        if self.min_years is not None:
            raw["years"] = WEIGHTS["years"]
        if self.level is not None:
            raw["level"] = WEIGHTS["level"]
        if self.places:
            raw["location"] = WEIGHTS["location"]
        if semantic:
            raw["semantic"] = SEMANTIC_WEIGHT
        total = sum(raw.values())
        return {part: 100.0 * w / total for part, w in raw.items()} if total else {}


@functools.lru_cache(maxsize=65_536)
def canonical_skill(name: str) -> str:
    """The taxonomy's name for a skill, or the name as given when the taxonomy lacks it."""
    return load_taxonomy().canonical(name) or name.strip()


@functools.lru_cache(maxsize=65_536)
def skill_key(name: str) -> str:
    """The form two spellings of one skill share ("k8s" and "Kubernetes")."""
    return spelling_key(canonical_skill(name))


def _wanted(
    names: Iterable[str], weights: Mapping[str, float], skip: set[str]
) -> tuple[WantedSkill, ...]:
    taxonomy = load_taxonomy()
    wanted: dict[str, WantedSkill] = {}
    for name in names:
        key = skill_key(name)
        if key in wanted or key in skip or not key:
            continue
        related = {spelling_key(member): member for member in taxonomy.family_members(name)}
        related.pop(key, None)
        wanted[key] = WantedSkill(
            name=canonical_skill(name),
            key=key,
            weight=max(0.0, weights.get(key, DEFAULT_SKILL_WEIGHT)),
            related=related,
        )
    return tuple(wanted.values())


def _place(location: Mapping[str, Any]) -> JobPlace:
    mode = str(location.get("mode") or "onsite")
    parts = [str(location[k]) for k in ("city", "region", "country") if location.get(k)]
    low, high = location.get("utc_offset_min"), location.get("utc_offset_max")
    band = None
    if low is not None or high is not None:
        band = (float(low if low is not None else -12), float(high if high is not None else 14))
        parts.append(f"UTC{band[0]:+g} to UTC{band[1]:+g}")
    label = ", ".join(parts)
    return JobPlace(
        mode=mode,
        label=f"{mode}: {label}" if label else mode,
        place=places.job_place(location),
        utc_band=band if mode == "remote" else None,
    )


def _skills_part(
    wanted: tuple[WantedSkill, ...], have: Mapping[str, str]
) -> tuple[float, dict[str, Any]]:
    matched: list[str] = []
    related: list[dict[str, Any]] = []
    missing: list[str] = []
    earned = total = 0.0
    for skill in wanted:
        total += skill.weight
        if skill.key in have:
            matched.append(skill.name)
            earned += skill.weight
            continue
        # In the candidate's own order, so that the explanation is the same in every process.
        via = next((name for key, name in have.items() if key in skill.related), None)
        if via is None:
            missing.append(skill.name)
            continue
        related.append({"skill": skill.name, "via": via, "credit": RELATED_CREDIT})
        earned += skill.weight * RELATED_CREDIT
    fit = earned / total if total else 1.0
    weights = {s.name: s.weight for s in wanted if s.weight != DEFAULT_SKILL_WEIGHT}
    detail: dict[str, Any] = {"matched": matched, "related": related, "missing": missing}
    if weights:
        detail["skill_weights"] = weights
    return fit, detail


def _years_part(min_years: float, years: float | None) -> tuple[float, dict[str, Any]]:
    if years is None:
        return 0.0, {"minimum": min_years, "candidate": None, "note": "years unknown"}
    fit = 1.0 if years >= min_years else max(0.0, years / min_years)
    return fit, {"minimum": min_years, "candidate": years}


def level_for_years(years: float) -> str:
    """The highest level whose minimum years `years` reaches."""
    return [level for level, floor in LEVEL_MIN_YEARS.items() if years >= floor][-1]


def _level_part(level: str, years: float | None) -> tuple[float, dict[str, Any]]:
    if years is None:
        return 0.0, {"job": level, "candidate_estimate": None, "note": "years unknown"}
    estimate = level_for_years(years)
    order = list(LEVEL_MIN_YEARS)
    gap = order.index(level) - order.index(estimate)
    fit = 1.0 if gap <= 0 else LEVEL_ONE_BELOW_FIT if gap == 1 else 0.0
    return fit, {"job": level, "candidate_estimate": estimate}


def _location_part(
    wanted: tuple[JobPlace, ...], location: str | None
) -> tuple[float, dict[str, Any]]:
    """The best fit of the candidate's place to any of the job's (see `_place_fit`)."""
    where = places.resolve(location)
    best, why = 0.0, "no job location fits"
    for job in wanted:
        fit, reason = _place_fit(job, where)
        if fit > best:
            best, why = fit, reason
    return best, {"candidate": location, "job": [p.label for p in wanted], "reason": why}


def _place_fit(job: JobPlace, where: places.Place) -> tuple[float, str]:
    """Places compared as places (`hireline.matching.places`), never as words.

    Remote: open to anywhere fits everyone; limited to a country, region or continent and/or
    a band of UTC offsets, the candidate must be within all of them. On site or hybrid: the
    same city fits, the same region half (`LOCATION_REGION_FIT`), the same country a quarter.
    An unknown location fits `LOCATION_UNKNOWN_FIT` unless the job is remote from anywhere.
    """
    if job.anywhere:
        return 1.0, f"{job.label}, from anywhere"
    if not where.known:
        return LOCATION_UNKNOWN_FIT, "candidate location unknown"
    if job.mode == "remote":
        area = job.place
        if (area.country is not None or area.continent is not None) and not where.within(area):
            return 0.0, f"outside the area of {job.label}"
        if job.utc_band is not None:
            if not where.utc_offsets:
                return LOCATION_UNKNOWN_FIT, "candidate time zone unknown"
            low, high = job.utc_band
            if not any(low <= offset <= high for offset in where.utc_offsets):
                return 0.0, f"outside the time zones of {job.label}"
        return 1.0, f"within {job.label}"
    if where.same_city(job.place):
        return 1.0, f"same city as {job.label}"
    if where.same_region(job.place):
        return LOCATION_REGION_FIT, f"same region as {job.label}"
    if where.same_country(job.place):
        return LOCATION_COUNTRY_FIT, f"same country as {job.label}"
    return 0.0, "no job location fits"


def score(
    requirements: Requirements, profile: Profile, *, semantic_similarity: float | None = None
) -> tuple[float, dict[str, Any]]:
    """The profile's fit to the requirements (0-100, one decimal) and its explanation."""
    have: dict[str, str] = {}
    for name in profile.skills:
        have.setdefault(skill_key(name), canonical_skill(name))
    weights = requirements.weights(semantic=semantic_similarity is not None)
    parts: dict[str, tuple[float, dict[str, Any]]] = {}
    if "required_skills" in weights:
        parts["required_skills"] = _skills_part(requirements.required, have)
    if "preferred_skills" in weights:
        parts["preferred_skills"] = _skills_part(requirements.preferred, have)
    if requirements.min_years is not None:
        parts["years"] = _years_part(requirements.min_years, profile.years_experience)
    if requirements.level is not None:
        parts["level"] = _level_part(requirements.level, profile.years_experience)
    if "location" in weights:
        parts["location"] = _location_part(requirements.places, profile.location)
    if semantic_similarity is not None:
        parts["semantic"] = (min(1.0, max(0.0, semantic_similarity)), {})
    explanation: dict[str, Any] = {"version": EXPLANATION_VERSION, "parts": {}}
    total = 0.0
    for part, (fit, detail) in parts.items():
        weight = weights[part]  # type: ignore[index]
        points = weight * fit
        total += points
        explanation["parts"][part] = {
            "weight": round(weight, 2),
            "fit": round(fit, 3),
            "points": round(points, 2),
            **detail,
        }
    final = round(min(100.0, total), 1)
    explanation["score"] = final
    return final, explanation
