"""Every figure a rendered guide states is the rendered variant's own, or labelled as another's.

Each built-in template is rendered in every level x industry x context, in a set of locations
chosen to cover the national figure, a premium metro, an ordinary metro and remote work. In the
text, every money amount and year range must be one the guide computed for that variant: the
level's band in the chosen location (or the adjusted band, or an adjustment), the level's
years, or a row of the location table; a figure of another level must carry its label
("3-5 years at mid level") and be that level's figure.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest

from hireline.guides.rendering import figures, render
from hireline.guides.salaries import service as salaries
from hireline.guides.templates.builtin import get_builtin_template, load_builtin_templates
from hireline.guides.templates.content import (
    INDUSTRIES,
    LEVELS,
    WORK_CONTEXTS,
    Level,
    RoleTemplate,
)

LOCATIONS = ("us-national", "san-francisco-ca", "austin-tx", "remote-us")

_AMOUNT = r"[+-]?\$\d[\d,]*(?:\.\d+)?[kKmM]?|USD\s?\d[\d,]*"
_DASH = r"\s*(?:\u2013|-|to)\s*"
LABELLED_BAND = re.compile(
    r"(\$[\d,]+)\u2013(\$[\d,]+) at (junior|mid|senior|staff) level( \(national average\))?"
)
LABELLED_YEARS = re.compile(r"(\d+(?:\u2013\d+|\+) years) at (junior|mid|senior|staff) level")
MONEY_RANGE = re.compile(rf"({_AMOUNT}){_DASH}({_AMOUNT})")
MONEY = re.compile(_AMOUNT)
YEARS = re.compile(rf"(?<![\w.])\d+(?:\+|{_DASH}\d+)?\s+years?\b")
LEVEL_PHRASE = re.compile(r"(?<!\w)at (junior|mid|senior|staff) level\b")


def _amount(text: str) -> int:
    digits = text.replace("USD", "").replace("$", "").replace(",", "").strip()
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    scale = {"k": 1_000, "m": 1_000_000}.get(digits[-1].lower(), 1)
    return sign * int(float(digits.rstrip("kKmM")) * scale)


def _span(low: int, high: int) -> str:
    return figures.span_text(low, high, "USD")


@dataclass(frozen=True)
class Variant:
    template: RoleTemplate
    level: Level
    industry: str
    context: str
    location: str

    def guide(self) -> render.Guide:
        request = render.GuideRequest(
            self.template,
            1,
            "built-in",
            self.level,
            self.industry,  # type: ignore[arg-type]
            self.context,  # type: ignore[arg-type]
            self.location,
        )
        band = salaries.built_in_band(self.template, render.band_query(request))
        return render.build(request, band)


def inconsistencies(variant: Variant, guide: render.Guide, text: str) -> list[str]:
    """Every figure in `text` that is not the variant's own nor correctly labelled."""
    template, level = variant.template, variant.level
    problems: list[str] = []
    salary = guide.salary
    lines = text.splitlines()

    # The location table: one row per priced location, the chosen one marked, each row the
    # chosen level's band there.
    names = {r.name: r.location for r in template.compensation.ranges}
    rows = [line for line in lines if line.startswith("| ") and "---" not in line]
    body_rows = [row for row in rows if not row.startswith("| Location |")]
    chosen = [row for row in body_rows if "(this guide)" in row]
    if body_rows and len(chosen) != 1:
        problems.append(f"{len(chosen)} rows of the location table are marked as this guide's")
    for row in body_rows:
        cells = [cell.strip().strip("*") for cell in row.strip("|").split(" | ")]
        name = cells[0].removesuffix(" (this guide)")
        expected = template.compensation.band(level, names[name])
        if cells[-1] != _span(expected.min, expected.max):
            problems.append(f"table row {name}: {cells[-1]}")
        if ("(this guide)" in row) != (names[name] == guide.location):
            problems.append(f"table row {name} is marked wrongly")
    # Only lines that can hold a figure or a level's name need the (slow) patterns.
    prose = "\n".join(
        line
        for line in lines
        if not line.startswith("|")
        and ("$" in line or "USD" in line or "year" in line or " level" in line)
    )

    # Figures labelled as another level's must be that level's.
    for match in LABELLED_BAND.finditer(prose):
        other = match.group(3)
        where = template.compensation.national.location if match.group(4) else guide.location
        expected = template.compensation.band(other, where)  # type: ignore[arg-type]
        if f"{match.group(1)}\u2013{match.group(2)}" != _span(expected.min, expected.max):
            problems.append(f"labelled band {match.group(0)!r}")
    for match in LABELLED_YEARS.finditer(prose):
        profile = template.levels[match.group(2)]  # type: ignore[index]
        if match.group(1) != figures.years_text(profile.years_min, profile.years_max):
            problems.append(f"labelled years {match.group(0)!r}")
    prose = LABELLED_YEARS.sub("", LABELLED_BAND.sub("", prose))

    for match in LEVEL_PHRASE.finditer(prose):
        if match.group(1) != level:
            problems.append(f"another level named without its figure: {match.group(0)!r}")

    profile = template.levels[level]
    own_years = figures.years_text(profile.years_min, profile.years_max)
    for match in YEARS.finditer(prose):
        if match.group(0) != own_years:
            problems.append(f"years {match.group(0)!r} where the level has {own_years}")

    base = (salary["base"]["min"], salary["base"]["max"])
    adjusted = (salary["adjusted"]["min"], salary["adjusted"]["max"])
    for match in MONEY_RANGE.finditer(prose):
        pair = (_amount(match.group(1)), _amount(match.group(2)))
        if pair not in (base, adjusted) and not _is_adjustment(template, pair):
            problems.append(f"money range {match.group(0)!r} is not this variant's")
    singles = {*base, *adjusted}
    for adjustment in salary["adjustments"]:
        singles.update((adjustment["min_delta"], adjustment["max_delta"]))
    for factor in template.compensation.factors:
        if factor.adjustment.unit == "usd":
            singles.update((factor.adjustment.low, factor.adjustment.high))
    for match in MONEY.finditer(MONEY_RANGE.sub("", prose)):
        if _amount(match.group(0)) not in singles:
            problems.append(f"money {match.group(0)!r} is not this variant's")
    return problems


def _is_adjustment(template: RoleTemplate, pair: tuple[int, int]) -> bool:
    return any(
        f.adjustment.unit == "usd" and (f.adjustment.low, f.adjustment.high) == pair
        for f in template.compensation.factors
    )


@pytest.mark.parametrize("key", sorted(load_builtin_templates()))
def test_every_variant_states_only_its_own_figures(key: str) -> None:
    template = get_builtin_template(key)
    failures: dict[str, list[str]] = {}
    for level, industry, context, location in itertools.product(
        LEVELS, INDUSTRIES, WORK_CONTEXTS, LOCATIONS
    ):
        variant = Variant(template, level, industry, context, location)
        guide = variant.guide()
        # The job description is a subset of these sections, so the guide's text covers it.
        markdown = render.to_markdown(guide)
        assert markdown.count("(this guide)") == 1, "the location table is missing"
        problems = inconsistencies(variant, guide, markdown)
        if problems:
            failures[f"{level}/{industry}/{context}/{location}"] = problems
    assert failures == {}


def test_a_constant_figure_of_another_level_is_caught() -> None:
    """The issue's own example: a senior guide quoting the mid-level band and years."""
    template = get_builtin_template("python-backend-developer")
    first = template.benefits[0]
    stale = first.model_copy(
        update={
            "items": (
                "A competitive base salary, around $95,000 to $145,000 a year.",
                "We look for 3 to 5 years of Python.",
                *first.items[1:],
            )
        }
    )
    broken = template.model_copy(update={"benefits": (stale, *template.benefits[1:])})
    variant = Variant(broken, "senior", "saas", "corporate", "austin-tx")
    guide = variant.guide()
    problems = inconsistencies(variant, guide, render.to_markdown(guide))
    assert any("$95,000 to $145,000" in p for p in problems)
    assert any("3 to 5 years" in p for p in problems)


def test_figures_of_another_level_render_with_their_label() -> None:
    variant = Variant(
        get_builtin_template("python-backend-developer"), "senior", "saas", "corporate", "austin-tx"
    )
    markdown = render.to_markdown(variant.guide())
    assert "a developer with 3\u20135 years at mid level" in markdown
    assert (
        "The Senior Python Backend Developer role asks for 6\u20138 years of relevant "
        "professional experience." in markdown
    )
    assert "$119,000\u2013$182,000 a year for this level in Austin, TX" in markdown
    assert "Our engineering team needs a Senior Python Backend Developer" in markdown
    assert "$95,000" not in markdown.split("## What we offer")[1].split("## Interview")[0]


def test_the_level_focus_is_its_own_sub_section() -> None:
    variant = Variant(
        get_builtin_template("python-backend-developer"), "staff", "iot", "startup", "us-national"
    )
    markdown = render.to_markdown(variant.guide())
    assert "Focus at this level" not in markdown
    assert "Emphasis at this level" not in markdown
    focus = markdown.split("### As a Staff Python Backend Developer\n\n")[1].split("###")[0]
    assert focus.startswith("Shapes backend architecture across several teams")
    assert "- Leads migrations such as splitting a monolith" in focus
