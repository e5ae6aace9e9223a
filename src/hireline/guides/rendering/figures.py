"""How a guide writes its figures, and the parts of it that state them.

Template text names figures through expressions (`template_models.EXPRESSION`); `expander`
fills them in for one guide, so a level's years and band are computed, never copied. The
compensation section (the level's band in every location and the factors that move it) is
built here too, from the same formatting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from hireline.guides.rendering.document import GuideRequest, Section, Table
from hireline.guides.salaries.service import Adjustment, LocationBand, SalaryBandResult
from hireline.guides.templates.content import EXPRESSION, CompensationFactor, Level


def years_text(level_years_min: int, level_years_max: int | None) -> str:
    """A level's experience as the guide writes it: `6-8 years` (an en dash), `9+ years`."""
    if level_years_max is None:
        return f"{level_years_min}+ years"
    return f"{level_years_min}\u2013{level_years_max} years"


def money_text(amount: int, currency: str, *, signed: bool = False) -> str:
    """`$119,000`; with `signed`, `+$9,500` or `-$14,300` (zero stays `$0`)."""
    symbol = "$" if currency == "USD" else f"{currency} "
    sign = (
        ("+" if amount > 0 else "-" if amount < 0 else "")
        if signed
        else ("-" if amount < 0 else "")
    )
    return f"{sign}{symbol}{abs(amount):,}"


def span_text(low: int, high: int, currency: str) -> str:
    """A salary band as the guide writes it: `$119,000-$182,000` (an en dash)."""
    return f"{money_text(low, currency)}\u2013{money_text(high, currency)}"


def level_label(level: str) -> str:
    """How a figure of another level is labelled wherever it appears: `at mid level`."""
    return f"at {level} level"


def expander(request: GuideRequest, band: SalaryBandResult) -> Callable[[str], str]:
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
            return with_article(template.levels[request.level].title)
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


def compensation_section(
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


def with_article(noun: str) -> str:
    """`a Senior ...`, `an Associate ...`: the article by the first letter, which suits titles."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
