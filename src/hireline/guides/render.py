"""A complete hiring guide for one role, level, industry, work context and location.

The guide is built once as plain data (`Guide`), then written out as JSON, Markdown, HTML or
PDF, so every format says exactly the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from typing import Any, Literal, cast

from jinja2 import Environment, PackageLoader, select_autoescape

from hireline.guides.salaries import (
    Adjustment,
    BandQuery,
    CompanyStage,
    LocationBand,
    SalaryBandResult,
    built_in_location_bands,
)
from hireline.guides.template_models import (
    EXPRESSION,
    INDUSTRIES,
    WORK_CONTEXTS,
    CompensationFactor,
    Industry,
    Level,
    RoleTemplate,
    WorkContext,
)

GuideFormat = Literal["json", "markdown", "html", "pdf"]

# A work context implies a company stage for the compensation factors.
CONTEXT_STAGE: dict[WorkContext, CompanyStage | None] = {
    "startup": "startup",
    "corporate": "established",
    "remote_hybrid": None,
}


@dataclass(frozen=True)
class GuideRequest:
    """What to render."""

    template: RoleTemplate
    version: int
    origin: str
    level: Level
    industry: Industry
    context: WorkContext
    location: str


@dataclass
class Table:
    """A captioned table; `highlight` is the index of the row the guide is about, if any."""

    caption: str
    columns: list[str]
    rows: list[list[str]]
    highlight: int | None = None


@dataclass
class Section:
    """A titled part of the guide: paragraphs, a table, bullet lists and sub-sections."""

    id: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    table: Table | None = None


@dataclass
class Guide:
    """The whole guide as data, in reading order."""

    title: str
    subtitle: str
    template: str
    template_version: int
    template_origin: str
    level: str
    industry: str
    context: str
    location: str
    salary: dict[str, Any]
    sections: list[Section]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def band_query(request: GuideRequest) -> BandQuery:
    """The salary question the guide answers."""
    return BandQuery(
        role=request.template.key,
        level=request.level,
        location=request.location,
        industry=request.industry,
        company_stage=CONTEXT_STAGE[request.context],
    )


def years_text(level_years_min: int, level_years_max: int | None) -> str:
    """A level's experience as the guide writes it: `6-8 years` (an en dash), `9+ years`."""
    if level_years_max is None:
        return f"{level_years_min}+ years"
    return f"{level_years_min}\u2013{level_years_max} years"


def money_text(amount: int, currency: str, *, signed: bool = False) -> str:
    """`$119,000`; with `signed`, `+$9,500` or `-$14,300`."""
    symbol = "$" if currency == "USD" else f"{currency} "
    sign = ("+" if amount >= 0 else "-") if signed else ("-" if amount < 0 else "")
    return f"{sign}{symbol}{abs(amount):,}"


def span_text(low: int, high: int, currency: str) -> str:
    """A salary band as the guide writes it: `$119,000-$182,000` (an en dash)."""
    return f"{money_text(low, currency)}\u2013{money_text(high, currency)}"


def level_label(level: str) -> str:
    """How a figure of another level is labelled wherever it appears: `at mid level`."""
    return f"at {level} level"


def _expander(request: GuideRequest, band: SalaryBandResult) -> Callable[[str], str]:
    """Fills in a template's expressions (see `template_models.EXPRESSION`) for this guide."""
    template = request.template
    ranges = {r.location for r in template.compensation.ranges}
    # A tenant-only location has no built-in figure for other levels; those use the national one.
    other_location = (
        band.location if band.location in ranges else template.compensation.national.location
    )

    def years(level: Level) -> str:
        profile = template.levels[level]
        return years_text(profile.years_min, profile.years_max)

    def other_band(level: Level) -> str:
        figures = template.compensation.band(level, other_location)
        where = "" if other_location == band.location else " (national average)"
        return (
            f"{span_text(figures.min, figures.max, figures.currency)} {level_label(level)}{where}"
        )

    def replace(match: re.Match[str]) -> str:
        name, argument = match.groups()
        if name == "title":
            return template.levels[request.level].title
        if name == "a_title":
            return _indefinite(template.levels[request.level].title)
        if name == "location":
            return band.location_name
        if name == "years":
            if argument is None:
                return years(request.level)
            return f"{years(cast(Level, argument))} {level_label(argument)}"
        if name == "band":
            if argument is None:
                return span_text(band.base_min, band.base_max, band.currency)
            return other_band(cast(Level, argument))
        return match.group(0)

    return lambda text: EXPRESSION.sub(replace, text) if "{" in text else text


def _expand(section: Section, expand: Callable[[str], str]) -> None:
    section.title = expand(section.title)
    section.paragraphs = [expand(p) for p in section.paragraphs]
    section.bullets = [expand(b) for b in section.bullets]
    if section.table is not None:
        section.table.rows = [[expand(cell) for cell in row] for row in section.table.rows]
    for sub in section.subsections:
        _expand(sub, expand)


_BASIS_LABELS = {
    "source_guide": "figure from the source guide",
    "editorial_estimate": "Hireline editorial estimate",
}


def _percent(value: int) -> str:
    return f"{value:+d}%" if value else "0%"


def _factor_bullet(factor: CompensationFactor, applied: Adjustment | None, currency: str) -> str:
    change = factor.adjustment
    size = (
        f"{_percent(change.low)} to {_percent(change.high)}"
        if change.unit == "percent"
        else f"{money_text(change.low, currency, signed=True)} to "
        f"{money_text(change.high, currency, signed=True)}"
    )
    text = (
        f"{factor.label}: {size} ({_BASIS_LABELS[factor.basis]}). "
        f"{factor.applies_when} {factor.explanation}"
    )
    if applied is not None:
        text += (
            f" Applied to this guide: {money_text(applied.min_delta, currency, signed=True)} at "
            f"the bottom of the band and {money_text(applied.max_delta, currency, signed=True)} "
            "at the top."
        )
    return text


def _salary_section(
    request: GuideRequest, band: SalaryBandResult, rows: list[LocationBand]
) -> Section:
    t = request.template
    profile = t.levels[request.level]
    money = band.currency
    base = span_text(band.base_min, band.base_max, money)
    table = Table(
        caption=f"Base salary of a {profile.title} by location, a year",
        columns=["Location", "Market", "Base salary"],
        rows=[],
    )
    for number, row in enumerate(rows):
        name = row.name
        if row.location == band.location:
            table.highlight = number
            name = f"{name} (this guide)"
        table.rows.append([name, row.market_note, span_text(row.min, row.max, row.currency)])
    applied = {a.key: a for a in band.adjustments}
    factors = Section(
        "compensation-factors",
        "What moves the figure",
        paragraphs=[
            "The table shows base salary before any of the factors below. Industry and company "
            "stage follow from this guide's choices; certifications and expertise depend on the "
            "candidate and are weighed at offer time."
        ],
        bullets=[
            _factor_bullet(factor, applied.get(factor.key), money)
            for factor in t.compensation.factors
            if factor.component == "base_salary"
        ],
    )
    work = (
        f"{t.industries[request.industry].name} and "
        f"{t.work_contexts[request.context].name.lower()} work"
    )
    if band.adjustments:
        factors.paragraphs.append(
            f"For {work}, the factors marked as applied below move the band to "
            f"{span_text(band.adjusted_min, band.adjusted_max, money)} a year."
        )
    else:
        factors.paragraphs.append(
            f"No industry or company-stage factor applies to {work}, so the band in the table "
            "is the one to publish."
        )
    return Section(
        id="compensation",
        title="Compensation",
        paragraphs=[
            f"Base salary for a {profile.title} in {band.location_name}: {base} a year "
            f"({band.origin} figures; source: {band.source}, as of {band.as_of}).",
            band.basis,
            *band.notes,
        ],
        table=table,
        subsections=[factors],
    )


def _indefinite(noun: str) -> str:
    """`a Senior ...`, `an Associate ...`: the article by the first letter, which suits titles."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _grouped(prefix: str, groups: tuple[Any, ...]) -> list[Section]:
    """One sub-section per area of a grouped list (responsibilities, qualifications, ...)."""
    return [
        Section(f"{prefix}-{number}", group.area, bullets=list(group.items))
        for number, group in enumerate(groups, start=1)
    ]


def _skills(section_id: str, title: str, skills: tuple[str, ...]) -> list[Section]:
    return [Section(section_id, title, paragraphs=[", ".join(skills) + "."])] if skills else []


QUESTION_CATEGORY_TITLES: dict[str, str] = {
    "technical": "Role-specific questions",
    "behavioral": "Behavioural questions",
    "culture": "Culture and values questions",
}


def build(
    request: GuideRequest, band: SalaryBandResult, by_location: list[LocationBand] | None = None
) -> Guide:
    """The guide as data; only the chosen industry and context are expanded.

    ``by_location`` is the level's band in every location (the tenant's figures where it has
    them); by default the template's own.
    """
    t = request.template
    profile = t.levels[request.level]
    industry = t.industries[request.industry]
    context = t.work_contexts[request.context]
    questions = t.interview_questions.for_level(request.level)
    rows = by_location if by_location is not None else built_in_location_bands(t, request.level)

    sections = [
        Section(
            "overview",
            "Overview",
            paragraphs=[t.overview, t.why_it_matters],
            bullets=list(t.highlights),
        ),
        Section("about", "About the role", paragraphs=list(t.about_the_role)),
        Section(
            "responsibilities",
            "Responsibilities",
            subsections=[
                Section(
                    "responsibilities-level",
                    f"As {_indefinite(profile.title)}",
                    paragraphs=[profile.scope],
                    bullets=list(profile.responsibilities_focus),
                ),
                *_grouped("responsibilities", t.responsibilities),
            ],
        ),
        Section(
            "required-qualifications",
            "Required qualifications",
            paragraphs=[
                f"The {profile.title} role asks for "
                f"{years_text(profile.years_min, profile.years_max)} of relevant professional "
                "experience."
            ],
            subsections=[
                *_grouped("required", t.required_qualifications),
                *_skills("required-skills", "Required skills", t.required_skills),
            ],
        ),
        Section(
            "preferred-qualifications",
            "Preferred qualifications",
            subsections=[
                *_grouped("preferred", t.preferred_qualifications),
                *_skills("preferred-skills", "Preferred skills", t.preferred_skills),
            ],
        ),
        Section(
            "technologies",
            "Technologies and tools",
            bullets=[f"{group.category}: {', '.join(group.names)}" for group in t.technologies],
        ),
        Section(
            "industry",
            f"Industry: {industry.name}",
            paragraphs=[industry.summary],
            bullets=list(industry.requirements),
            subsections=[
                Section(
                    "industry-technologies",
                    "Key technologies and tools",
                    bullets=list(industry.key_technologies),
                ),
                Section(
                    "other-industries",
                    "Other industries",
                    bullets=[
                        f"{t.industries[other].name}: "
                        f"{', '.join(t.industries[other].key_technologies)}"
                        for other in INDUSTRIES
                        if other != request.industry
                    ],
                ),
            ],
        ),
        Section(
            "work-context",
            f"Work context: {context.name}",
            paragraphs=[context.summary],
            bullets=[*context.emphasis, *context.extra_requirements],
            subsections=[
                Section(
                    "other-contexts",
                    "Other work contexts",
                    bullets=[
                        f"{t.work_contexts[other].name}: {t.work_contexts[other].emphasis[0]}"
                        for other in WORK_CONTEXTS
                        if other != request.context
                    ],
                )
            ],
        ),
        _salary_section(request, band, rows),
        Section(
            "benefits",
            "What we offer",
            subsections=_grouped("benefits", t.benefits),
        ),
        Section(
            "interview",
            "Interview questions",
            subsections=[
                Section(
                    "interview-emphasis",
                    f"What to probe when hiring {_indefinite(profile.title)}",
                    bullets=list(profile.interview_emphasis),
                ),
                *(
                    Section(
                        f"questions-{category}",
                        QUESTION_CATEGORY_TITLES[category],
                        bullets=[
                            f"{q.topic}: {q.question} What a strong answer shows: {q.strong_answer}"
                            for q in items
                        ],
                    )
                    for category, items in questions.items()
                ),
            ],
        ),
        Section("evaluation", "Evaluation tips", bullets=list(t.evaluation_tips)),
        Section(
            "sourcing",
            "Where to find candidates",
            bullets=[f"{c.name}: {c.advice}" for c in t.sourcing_channels],
            subsections=[Section("posting", "Posting tips", bullets=list(t.posting_tips))],
        ),
        Section(
            "red-flags",
            "Red flags",
            bullets=[
                f"{flag.title}: {flag.problem} Instead: {flag.instead}" for flag in t.red_flags
            ],
        ),
        Section(
            "faq-employers",
            "FAQ for employers",
            bullets=[f"{entry.question} {entry.answer}" for entry in t.faq_employers],
        ),
        Section(
            "faq-candidates",
            "FAQ for candidates",
            bullets=[f"{entry.question} {entry.answer}" for entry in t.faq_candidates],
        ),
        Section("provenance", "About this guide", paragraphs=[t.provenance]),
    ]
    expand = _expander(request, band)
    for section in sections:
        _expand(section, expand)
    return Guide(
        title=f"Hiring guide: {profile.title}",
        subtitle=f"{industry.name} · {context.name} · {band.location_name}",
        template=t.key,
        template_version=request.version,
        template_origin=request.origin,
        level=request.level,
        industry=request.industry,
        context=request.context,
        location=band.location,
        salary={
            "currency": band.currency,
            "base": {"min": band.base_min, "max": band.base_max},
            "adjusted": {"min": band.adjusted_min, "max": band.adjusted_max},
            "origin": band.origin,
            "source": band.source,
            "as_of": band.as_of,
            "adjustments": [asdict(a) for a in band.adjustments],
            "by_location": [
                {
                    "location": row.location,
                    "name": row.name,
                    "currency": row.currency,
                    "min": row.min,
                    "max": row.max,
                    "origin": row.origin,
                    "chosen": row.location == band.location,
                }
                for row in rows
            ],
        },
        sections=sections,
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _markdown_table(table: Table, lines: list[str]) -> None:
    lines.extend([f"*{table.caption}*", ""])
    lines.append("| " + " | ".join(_cell(c) for c in table.columns) + " |")
    lines.append("|" + " --- |" * len(table.columns))
    for number, row in enumerate(table.rows):
        cells = [_cell(c) for c in row]
        if number == table.highlight:
            cells = [f"**{c}**" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")


def _markdown(sections: list[Section], depth: int, lines: list[str]) -> None:
    for section in sections:
        lines.extend([f"{'#' * depth} {section.title}", ""])
        for paragraph in section.paragraphs:
            lines.extend([paragraph, ""])
        if section.table is not None:
            _markdown_table(section.table, lines)
        if section.bullets:
            lines.extend(f"- {bullet}" for bullet in section.bullets)
            lines.append("")
        _markdown(section.subsections, depth + 1, lines)


def to_markdown(guide: Guide) -> str:
    """The guide as CommonMark."""
    lines = [f"# {guide.title}", "", f"*{guide.subtitle}*", ""]
    _markdown(guide.sections, 2, lines)
    lines.append(
        f"_Rendered from template `{guide.template}` ({guide.template_origin}, "
        f"version {guide.template_version})._"
    )
    return "\n".join(lines) + "\n"


@cache
def _html_environment() -> Environment:
    return Environment(
        loader=PackageLoader("hireline.guides", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def to_html(guide: Guide) -> str:
    """The guide as a self-contained, printable, accessible HTML page."""
    return _html_environment().get_template("guide.html").render(guide=guide)


# What a job posting keeps of the guide: what a candidate should read, not how we interview.
JOB_DESCRIPTION_SECTIONS = (
    "overview",
    "about",
    "responsibilities",
    "required-qualifications",
    "preferred-qualifications",
    "technologies",
    "industry",
    "work-context",
    "benefits",
)


def job_description(guide: Guide) -> str:
    """A Markdown job description drawn from the guide's candidate-facing sections."""
    lines: list[str] = []
    candidate_facing = [
        replace(
            section,
            subsections=[sub for sub in section.subsections if not sub.id.startswith("other-")],
        )
        for section in guide.sections
        if section.id in JOB_DESCRIPTION_SECTIONS
    ]
    _markdown(candidate_facing, 2, lines)
    return "\n".join(lines).rstrip() + "\n"
