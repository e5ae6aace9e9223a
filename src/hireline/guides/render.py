"""A complete hiring guide for one role, level, industry, work context and location.

The guide is built once as plain data (`Guide`), then written out as JSON, Markdown, HTML or
PDF, so every format says exactly the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, select_autoescape

from hireline.guides.salaries import BandQuery, CompanyStage, SalaryBandResult
from hireline.guides.template_models import (
    INDUSTRIES,
    WORK_CONTEXTS,
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
class Section:
    """A titled part of the guide: paragraphs, bullet lists and sub-sections."""

    id: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


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


def _years(level_years_min: int, level_years_max: int | None) -> str:
    if level_years_max is None:
        return f"{level_years_min}+ years"
    return f"{level_years_min}-{level_years_max} years"


def _money(amount: int, currency: str) -> str:
    symbol = "$" if currency == "USD" else f"{currency} "
    return f"{symbol}{amount:,}"


def _salary_section(band: SalaryBandResult) -> Section:
    money = band.currency
    base = f"{_money(band.base_min, money)} - {_money(band.base_max, money)}"
    adjusted = f"{_money(band.adjusted_min, money)} - {_money(band.adjusted_max, money)}"
    section = Section(
        id="compensation",
        title="Compensation",
        paragraphs=[
            f"Base salary for a {band.level} hire in {band.location_name}: {base} a year "
            f"({band.origin} figures; source: {band.source}, as of {band.as_of}).",
            band.basis,
        ],
    )
    for adjustment in band.adjustments:
        change = (
            f"{adjustment.low:+d}% to {adjustment.high:+d}%"
            if adjustment.unit == "percent"
            else f"{_money(adjustment.low, money)} to {_money(adjustment.high, money)}"
        )
        section.bullets.append(
            f"{adjustment.label} ({change}): moves the band by "
            f"{_money(adjustment.min_delta, money)} at the bottom and "
            f"{_money(adjustment.max_delta, money)} at the top. {adjustment.explanation}"
        )
    if band.adjustments:
        section.paragraphs.append(f"With these adjustments the band is {adjusted} a year.")
    section.paragraphs.extend(band.notes)
    return section


def _grouped(prefix: str, groups: tuple[Any, ...]) -> list[Section]:
    """One sub-section per area of a grouped list (responsibilities, qualifications, ...)."""
    return [
        Section(f"{prefix}-{number}", group.area, bullets=list(group.items))
        for number, group in enumerate(groups, start=1)
    ]


def build(request: GuideRequest, band: SalaryBandResult) -> Guide:
    """The guide as data; only the chosen industry and context are expanded."""
    t = request.template
    profile = t.levels[request.level]
    industry = t.industries[request.industry]
    context = t.work_contexts[request.context]
    questions = t.interview_questions.for_level(request.level)

    sections = [
        Section(
            "overview",
            "Overview",
            paragraphs=[t.overview, t.why_it_matters],
            bullets=list(t.highlights),
        ),
        Section(
            "about",
            "About the role",
            paragraphs=[*t.about_the_role, f"At the {profile.title} level: {profile.scope}"],
        ),
        Section(
            "responsibilities",
            "Responsibilities",
            bullets=[f"Focus at this level: {item}" for item in profile.responsibilities_focus],
            subsections=_grouped("responsibilities", t.responsibilities),
        ),
        Section(
            "required-qualifications",
            "Required qualifications",
            paragraphs=[
                f"Experience: {_years(profile.years_min, profile.years_max)} of professional "
                "work in the role's field."
            ],
            subsections=_grouped("required", t.required_qualifications),
        ),
        Section(
            "preferred-qualifications",
            "Preferred qualifications",
            subsections=_grouped("preferred", t.preferred_qualifications),
        ),
        Section(
            "technologies",
            "Technologies",
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
                    "Key technologies",
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
        _salary_section(band),
        Section(
            "benefits",
            "What we offer",
            subsections=_grouped("benefits", t.benefits),
        ),
        Section(
            "interview",
            "Interview questions",
            bullets=[f"Emphasis at this level: {item}" for item in profile.interview_emphasis],
            subsections=[
                Section(
                    f"questions-{category}",
                    f"{category.capitalize()} questions",
                    bullets=[
                        f"{q.topic}: {q.question} A strong answer: {q.strong_answer}" for q in items
                    ],
                )
                for category, items in questions.items()
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
        },
        sections=sections,
    )


def _markdown(sections: list[Section], depth: int, lines: list[str]) -> None:
    for section in sections:
        lines.extend([f"{'#' * depth} {section.title}", ""])
        for paragraph in section.paragraphs:
            lines.extend([paragraph, ""])
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
        Section(
            section.id,
            section.title,
            section.paragraphs,
            section.bullets,
            [sub for sub in section.subsections if not sub.id.startswith("other-")],
        )
        for section in guide.sections
        if section.id in JOB_DESCRIPTION_SECTIONS
    ]
    _markdown(candidate_facing, 2, lines)
    return "\n".join(lines).rstrip() + "\n"
