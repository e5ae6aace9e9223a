"""A complete hiring guide for one role, level, industry, work context and location.

The guide is built once as plain data (`Guide`), then written out as JSON, Markdown, HTML or
PDF, so every format says exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from functools import cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, select_autoescape

from hireline.guides.rendering import figures
from hireline.guides.rendering.document import Guide as Guide
from hireline.guides.rendering.document import GuideRequest as GuideRequest
from hireline.guides.rendering.document import Section as Section
from hireline.guides.rendering.document import Table as Table
from hireline.guides.salaries.service import (
    BandQuery,
    CompanyStage,
    LocationBand,
    SalaryBandResult,
    built_in_location_bands,
)
from hireline.guides.templates.content import INDUSTRIES, WORK_CONTEXTS, WorkContext

GuideFormat = Literal["json", "markdown", "html", "pdf"]

# A work context implies a company stage for the compensation factors.
CONTEXT_STAGE: dict[WorkContext, CompanyStage | None] = {
    "startup": "startup",
    "corporate": "established",
    "remote_hybrid": None,
}


def band_query(request: GuideRequest) -> BandQuery:
    """The salary question the guide answers."""
    return BandQuery(
        role=request.template.key,
        level=request.level,
        location=request.location,
        industry=request.industry,
        company_stage=CONTEXT_STAGE[request.context],
    )


def _expand(section: Section, expand: Callable[[str], str]) -> None:
    section.title = expand(section.title)
    section.paragraphs = [expand(p) for p in section.paragraphs]
    section.bullets = [expand(b) for b in section.bullets]
    if section.table is not None:
        section.table.rows = [[expand(cell) for cell in row] for row in section.table.rows]
    for sub in section.subsections:
        _expand(sub, expand)


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
    years = figures.years_text(profile.years_min, profile.years_max)
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
                    f"As {figures.with_article(profile.title)}",
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
                f"The {profile.title} role asks for {years} of relevant professional experience."
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
        figures.compensation_section(request, band, rows),
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
                    f"What to probe when hiring {figures.with_article(profile.title)}",
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
    expand = figures.expander(request, band)
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
        loader=PackageLoader("hireline.guides.rendering", "templates"),
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
