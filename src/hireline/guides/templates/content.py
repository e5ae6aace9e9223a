"""Typed shape of a role template: the structured data a hiring guide is rendered from.

A role template is written once (built-in ones ship as YAML in ``guides/data/``), validated by
these models, and later stored as JSONB. Every model is frozen and forbids unknown fields, so a
typo in a data file fails loudly instead of being dropped.

Salary design: a template's compensation guide stores the surveyed (or estimated) range of one
*reference level* per location exactly as published. The bands of the other levels are derived
from it with integer percentages per level; see `CompensationGuide.band` for the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Annotated, Literal, Self, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    model_validator,
)

Level = Literal["junior", "mid", "senior", "staff"]
Industry = Literal["fintech", "ecommerce", "healthcare", "saas", "media", "iot"]
WorkContext = Literal["corporate", "startup", "remote_hybrid"]
QuestionCategory = Literal["technical", "behavioral", "culture"]
LocationKind = Literal["national", "metro", "remote"]
FactorKind = Literal["industry_premium", "certification", "framework_expertise", "company_stage"]
FigureBasis = Literal["source_guide", "editorial_estimate"]
SourcingKind = Literal["platform", "community", "event", "package_index"]
Currency = Literal["USD"]

LEVELS: tuple[Level, ...] = get_args(Level)
INDUSTRIES: tuple[Industry, ...] = get_args(Industry)
WORK_CONTEXTS: tuple[WorkContext, ...] = get_args(WorkContext)
FACTOR_KINDS: tuple[FactorKind, ...] = get_args(FactorKind)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]
Sentence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=600)]
Paragraph = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
Years = Annotated[int, Strict(), Field(ge=0, le=40)]
AnnualUsd = Annotated[int, Strict(), Field(ge=1_000, le=5_000_000)]
Percent = Annotated[int, Strict(), Field(ge=-100, le=300)]
BandPercent = Annotated[int, Strict(), Field(ge=10, le=400)]

Items = Annotated[tuple[Sentence, ...], Field(min_length=1)]

# Template expressions: text that names a figure says which one, and the renderer fills it in
# for the guide's level and location, so a constant can never contradict the chosen variant.
# `{years}` / `{band}` are the chosen level's; `{years:mid}` / `{band:mid}` another level's,
# rendered with its label. `{title}` is the level's job title (`{a_title}` with its article, so a
# staff guide opens "We are hiring a Staff ..."), `{location}` the location's name.
EXPRESSION = re.compile(r"\{([a-z_]+)(?::([a-z_]+))?\}")
EXPRESSIONS = ("years", "band", "title", "a_title", "location")
LEVEL_ARGUMENT_EXPRESSIONS = ("years", "band")
Names = Annotated[tuple[Label, ...], Field(min_length=1)]


class _Frozen(BaseModel):
    """Base of every template model: immutable and closed to unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _require_keys(present: Collection[str], expected: tuple[str, ...], what: str) -> None:
    missing = [key for key in expected if key not in present]
    if missing:
        raise ValueError(f"{what} missing: {', '.join(missing)}")


def _require_unique(values: list[str], what: str) -> None:
    duplicates = sorted({value for value in values if values.count(value) > 1})
    if duplicates:
        raise ValueError(f"duplicate {what}: {', '.join(duplicates)}")


class GroupedItems(_Frozen):
    """A titled group of bullet points, e.g. one area of responsibilities or qualifications."""

    area: Label
    items: Items


class TechnologyGroup(_Frozen):
    """A category of technologies the role works with, named as a job posting would name them."""

    category: Label
    names: Names


class LevelProfile(_Frozen):
    """What one seniority level means for the role: experience, scope and interview emphasis.

    ``years_max`` is ``None`` for an open-ended level (e.g. "9+ years").
    """

    title: Label
    years_min: Years
    years_max: Years | None
    scope: Paragraph
    responsibilities_focus: Items
    interview_emphasis: Items

    @model_validator(mode="after")
    def _years_in_order(self) -> Self:
        if self.years_max is not None and self.years_max < self.years_min:
            raise ValueError("years_max must not be below years_min")
        return self


class WorkContextVariation(_Frozen):
    """How the role changes in one work context (corporate, startup, remote/hybrid)."""

    name: Label
    summary: Paragraph
    emphasis: Items
    extra_requirements: Items


class IndustryVariation(_Frozen):
    """How the role changes in one industry: its specific requirements and key technologies."""

    name: Label
    summary: Paragraph
    requirements: Items
    key_technologies: Names


class SalaryRange(_Frozen):
    """A published annual base-salary range for the reference level in one location.

    The figures are stored exactly as the source states them; nothing here is derived.
    """

    location: Slug
    name: Label
    kind: LocationKind
    market_note: Label
    min: AnnualUsd
    max: AnnualUsd

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Self:
        if self.min > self.max:
            raise ValueError(f"salary min {self.min} is above max {self.max} for {self.location}")
        return self


class LevelBandRule(_Frozen):
    """Percentages that turn the reference-level range into one level's range.

    ``min_percent`` scales the reference minimum, ``max_percent`` the reference maximum.
    """

    min_percent: BandPercent
    max_percent: BandPercent


class SalaryBand(_Frozen):
    """One level's annual base-salary band in one location, as handed to renderers and offers.

    ``derived`` is ``False`` only for the reference level, whose figures are the published ones;
    every other band is computed and ``basis`` says how.
    """

    location: Slug
    location_name: Label
    level: Level
    currency: Currency
    min: AnnualUsd
    max: AnnualUsd
    derived: bool
    basis: Sentence
    source: Label
    as_of: YearMonth


class PercentAdjustment(_Frozen):
    """A compensation adjustment expressed as a percentage range of base salary."""

    unit: Literal["percent"]
    low: Percent
    high: Percent

    @model_validator(mode="after")
    def _low_not_above_high(self) -> Self:
        if self.low > self.high:
            raise ValueError("adjustment low is above high")
        return self


class AmountAdjustment(_Frozen):
    """A compensation adjustment expressed as an absolute annual amount range."""

    unit: Literal["usd"]
    low: Annotated[int, Strict(), Field(ge=-500_000, le=500_000)]
    high: Annotated[int, Strict(), Field(ge=-500_000, le=500_000)]

    @model_validator(mode="after")
    def _low_not_above_high(self) -> Self:
        if self.low > self.high:
            raise ValueError("adjustment low is above high")
        return self


Adjustment = Annotated[PercentAdjustment | AmountAdjustment, Field(discriminator="unit")]


class CompensationFactor(_Frozen):
    """Something that moves an offer away from the band, with how far and why.

    ``basis`` says whether the figure comes from the source guide or is Hireline's own estimate;
    ``industries`` narrows an industry premium to the industries it applies to.
    """

    key: Slug
    kind: FactorKind
    label: Label
    applies_when: Sentence
    adjustment: Adjustment
    component: Literal["base_salary", "equity"]
    basis: FigureBasis
    industries: tuple[Industry, ...] = ()
    explanation: Paragraph


class CompensationGuide(_Frozen):
    """Salary ranges per location for a reference level, rules deriving the other levels, factors.

    Derivation (deterministic, integer only): for level ``L`` with rule ``(p_min, p_max)`` and a
    published range ``(m, M)``, the band is ``(round_k(m * p_min / 100), round_k(M * p_max / 100))``
    where ``round_k`` rounds to the nearest 1,000 with halves rounded up. The reference level's
    rule must be 100/100 and its band is returned as published, not recomputed.
    """

    currency: Currency
    period: Literal["annual"]
    reference_level: Level
    source: Label
    source_kind: Literal["survey_compilation", "editorial_estimate"]
    as_of: YearMonth
    ranges: Annotated[tuple[SalaryRange, ...], Field(min_length=1)]
    level_bands: dict[Level, LevelBandRule]
    factors: Annotated[tuple[CompensationFactor, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _require_keys(self.level_bands.keys(), LEVELS, "level_bands")
        reference = self.level_bands[self.reference_level]
        if (reference.min_percent, reference.max_percent) != (100, 100):
            raise ValueError("the reference level's band rule must be 100/100")
        _require_unique([r.location for r in self.ranges], "salary locations")
        if [r.kind for r in self.ranges].count("national") != 1:
            raise ValueError("exactly one national salary range is required")
        _require_unique([f.key for f in self.factors], "compensation factor keys")
        kinds = {factor.kind for factor in self.factors}
        missing = [kind for kind in FACTOR_KINDS if kind not in kinds]
        if missing:
            raise ValueError(f"compensation factors missing kinds: {', '.join(missing)}")
        previous: tuple[int, int] | None = None
        for level in LEVELS:
            rule = self.level_bands[level]
            current = (rule.min_percent, rule.max_percent)
            if previous is not None and (current[0] < previous[0] or current[1] < previous[1]):
                raise ValueError(f"level band for {level} is below the level before it")
            previous = current
            for salary in self.ranges:
                band = self.band(level, salary.location)
                if band.min > band.max:
                    raise ValueError(f"derived {level} band for {salary.location} has min > max")
        return self

    @property
    def national(self) -> SalaryRange:
        """The national-average range of the reference level."""
        return next(r for r in self.ranges if r.kind == "national")

    def range_for(self, location: str) -> SalaryRange:
        """The published reference-level range for a location key; `KeyError` if unknown."""
        for salary in self.ranges:
            if salary.location == location:
                return salary
        raise KeyError(location)

    def band(self, level: Level, location: str) -> SalaryBand:
        """The salary band of a level in a location, published or derived as the class says."""
        salary = self.range_for(location)
        rule = self.level_bands[level]
        if level == self.reference_level:
            low, high = salary.min, salary.max
            basis = f"Published range for the {level} level."
        else:
            low = _round_thousand(salary.min * rule.min_percent)
            high = _round_thousand(salary.max * rule.max_percent)
            basis = (
                f"Derived: {self.reference_level} range scaled by {rule.min_percent}% (min) "
                f"and {rule.max_percent}% (max), rounded to the nearest 1,000."
            )
        return SalaryBand(
            location=salary.location,
            location_name=salary.name,
            level=level,
            currency=self.currency,
            min=low,
            max=high,
            derived=level != self.reference_level,
            basis=basis,
            source=self.source,
            as_of=self.as_of,
        )


def _round_thousand(amount_times_100: int) -> int:
    """Divide by 100 and round to the nearest 1,000, halves up, without floating point."""
    return (amount_times_100 + 50_000) // 100_000 * 1_000


class InterviewQuestion(_Frozen):
    """One interview question with what it probes and what a strong answer shows."""

    key: Slug
    topic: Label
    question: Paragraph
    skills: Names
    levels: Annotated[tuple[Level, ...], Field(min_length=1)]
    strong_answer: Paragraph

    @model_validator(mode="after")
    def _levels_unique(self) -> Self:
        _require_unique(list(self.levels), f"levels in question {self.key}")
        return self


class InterviewQuestionBank(_Frozen):
    """A role's interview questions by category; every category has at least one."""

    technical: Annotated[tuple[InterviewQuestion, ...], Field(min_length=1)]
    behavioral: Annotated[tuple[InterviewQuestion, ...], Field(min_length=1)]
    culture: Annotated[tuple[InterviewQuestion, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _keys_unique(self) -> Self:
        _require_unique([q.key for q in self.all()], "interview question keys")
        return self

    def all(self) -> tuple[InterviewQuestion, ...]:
        """Every question, technical first, then behavioral, then culture."""
        return self.technical + self.behavioral + self.culture

    def for_level(self, level: Level) -> dict[QuestionCategory, tuple[InterviewQuestion, ...]]:
        """The questions suited to a level, by category."""
        return {
            "technical": tuple(q for q in self.technical if level in q.levels),
            "behavioral": tuple(q for q in self.behavioral if level in q.levels),
            "culture": tuple(q for q in self.culture if level in q.levels),
        }


class SourcingChannel(_Frozen):
    """A place to find candidates for the role and how to use it."""

    name: Label
    kind: SourcingKind
    advice: Sentence


class RedFlag(_Frozen):
    """A hiring mistake to avoid, why it hurts, and what to do instead."""

    title: Label
    problem: Sentence
    instead: Sentence


class FaqEntry(_Frozen):
    """One question and answer of an employer or candidate FAQ."""

    question: Sentence
    answer: Paragraph


class RoleTemplate(_Frozen):
    """A complete, structured hiring guide for one role, from overview to FAQ.

    Experience per level lives in ``levels`` (years_min/years_max) and is the experience line a
    renderer adds to ``required_qualifications``; salary per level comes from ``compensation``.
    """

    schema_version: Literal[1]
    key: Slug
    title: Label
    family: Slug
    summary: Sentence
    overview: Paragraph
    highlights: Items
    why_it_matters: Paragraph
    about_the_role: Annotated[tuple[Paragraph, ...], Field(min_length=1)]
    levels: dict[Level, LevelProfile]
    technologies: Annotated[tuple[TechnologyGroup, ...], Field(min_length=1)]
    responsibilities: Annotated[tuple[GroupedItems, ...], Field(min_length=1)]
    required_qualifications: Annotated[tuple[GroupedItems, ...], Field(min_length=1)]
    preferred_qualifications: Annotated[tuple[GroupedItems, ...], Field(min_length=1)]
    benefits: Annotated[tuple[GroupedItems, ...], Field(min_length=1)]
    work_contexts: dict[WorkContext, WorkContextVariation]
    industries: dict[Industry, IndustryVariation]
    compensation: CompensationGuide
    interview_questions: InterviewQuestionBank
    evaluation_tips: Items
    sourcing_channels: Annotated[tuple[SourcingChannel, ...], Field(min_length=1)]
    posting_tips: Items
    red_flags: Annotated[tuple[RedFlag, ...], Field(min_length=1)]
    faq_employers: Annotated[tuple[FaqEntry, ...], Field(min_length=1)]
    faq_candidates: Annotated[tuple[FaqEntry, ...], Field(min_length=1)]
    provenance: Sentence
    # Optional so that templates stored before these fields existed still validate.
    aliases: tuple[Label, ...] = ()
    required_skills: tuple[Label, ...] = ()
    preferred_skills: tuple[Label, ...] = ()

    @model_validator(mode="after")
    def _expressions_known(self) -> Self:
        for match in EXPRESSION.finditer(self.model_dump_json()):
            name, argument = match.groups()
            if name not in EXPRESSIONS:
                raise ValueError(
                    f"unknown template expression {match.group(0)}; "
                    f"known: {', '.join('{' + e + '}' for e in EXPRESSIONS)}"
                )
            if argument is not None and (
                name not in LEVEL_ARGUMENT_EXPRESSIONS or argument not in LEVELS
            ):
                raise ValueError(
                    f"template expression {match.group(0)}: only years and band take a level "
                    f"({', '.join(LEVELS)})"
                )
        return self

    @model_validator(mode="after")
    def _complete(self) -> Self:
        _require_keys(self.levels.keys(), LEVELS, "levels")
        _require_keys(self.industries.keys(), INDUSTRIES, "industries")
        _require_keys(self.work_contexts.keys(), WORK_CONTEXTS, "work contexts")
        previous: LevelProfile | None = None
        for level in LEVELS:
            profile = self.levels[level]
            if previous is not None and profile.years_min < previous.years_min:
                raise ValueError(f"level {level} asks for fewer years than the level before it")
            previous = profile
        return self

    def salary_band(self, level: Level, location: str) -> SalaryBand:
        """The salary band of a level in a location (see `CompensationGuide.band`)."""
        return self.compensation.band(level, location)

    def technology_names(self) -> tuple[str, ...]:
        """Every technology the template names, in order of first appearance, without repeats."""
        names: dict[str, None] = {}
        for group in self.technologies:
            names.update(dict.fromkeys(group.names))
        for industry in INDUSTRIES:
            names.update(dict.fromkeys(self.industries[industry].key_technologies))
        return tuple(names)
