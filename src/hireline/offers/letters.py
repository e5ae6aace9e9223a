"""Offer letters: an organisation's template with {{ field }} placeholders, filled and drawn.

Templates are plain text, not Jinja: an organisation edits them, so they must not run code,
reach attributes or loop. Placeholders are filled in one pass, so a value that itself looks
like a placeholder (a candidate named "{{ base_salary }}") stays text. Each value is put on
one line without control characters; HTML views escape it again when they show it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from fpdf import FPDF

DEFAULT_TEMPLATE_KEY = "standard"
DEFAULT_TEMPLATE_NAME = "Standard offer letter"
# One line per paragraph: the letter wraps to its page, and the candidate's page to the screen.
DEFAULT_TEMPLATE_BODY = (
    "Dear {{ candidate_name }},\n\n"
    "We are delighted to offer you the position of {{ job_title }} at {{ organization }}.\n\n"
    "Base salary: {{ base_salary }} a year\n"
    "Bonus: {{ bonus }}\n"
    "Equity: {{ equity }}\n"
    "Start date: {{ start_date }}\n\n"
    "This offer stays open until {{ expires_on }}. You can accept or decline it from the link "
    "in the e-mail that brought you this letter.\n\n"
    "We look forward to working with you.\n\n"
    "Kind regards,\n"
    "The {{ organization }} hiring team\n"
)

# What a template may use, with what each stands for (GET /v1/offer-templates lists them).
FIELDS: dict[str, str] = {
    "candidate_name": "The candidate's name.",
    "job_title": "The job's title.",
    "organization": "Your organisation's name.",
    "base_salary": "The yearly base salary with its currency, e.g. 150,000 USD.",
    "currency": "The currency code, e.g. USD.",
    "bonus": "The bonus with its currency, or 'None'.",
    "equity": "The equity offered, as written on the offer, or 'None'.",
    "start_date": "The start date, e.g. 1 February 2027.",
    "expires_on": "The day the offer expires.",
    "today": "The day the letter is drawn.",
}
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
VALUE_LIMIT = 300
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

# The PDF core fonts cover Latin-1 only; typographic characters outside it get their
# nearest Latin-1 spelling instead of a question mark (as the guide's PDF does).
_LATIN1_SPELLINGS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u2026": "...",
        "\u2022": "-",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class LetterFacts:
    """The values a letter is filled with, as text."""

    candidate_name: str
    job_title: str
    organization: str
    base_salary: int
    currency: str
    bonus: int | None
    equity: str | None
    start_date: date
    expires_at: datetime
    today: date

    def values(self) -> dict[str, str]:
        return {
            "candidate_name": self.candidate_name,
            "job_title": self.job_title,
            "organization": self.organization,
            "base_salary": money(self.base_salary, self.currency),
            "currency": self.currency,
            "bonus": money(self.bonus, self.currency) if self.bonus else "None",
            "equity": self.equity or "None",
            "start_date": long_date(self.start_date),
            "expires_on": long_date(self.expires_at.date()),
            "today": long_date(self.today),
        }


SAMPLE = LetterFacts(
    candidate_name="Ada Lovelace",
    job_title="Senior Backend Engineer",
    organization="Your organisation",
    base_salary=150_000,
    currency="USD",
    bonus=15_000,
    equity="0.1% over four years",
    start_date=date(2027, 2, 1),
    expires_at=datetime(2027, 1, 15),
    today=date(2027, 1, 1),
)


def money(amount: int, currency: str) -> str:
    return f"{amount:,} {currency}"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def unknown_fields(body: str) -> list[str]:
    """Placeholders in `body` that no letter can fill (a typo, usually)."""
    return sorted({name for name in PLACEHOLDER.findall(body) if name not in FIELDS})


def one_line(value: str) -> str:
    """A field's value on one line, without control characters, at most VALUE_LIMIT long."""
    value = _BIDI_CONTROLS.sub("", _LINE_BREAKS.sub(" ", value))
    value = "".join(" " if unicodedata.category(c) == "Cc" else c for c in value)
    value = " ".join(value.split())
    return value if len(value) <= VALUE_LIMIT else value[: VALUE_LIMIT - 1] + "…"


def fill(body: str, facts: LetterFacts) -> str:
    """The letter's text: each known placeholder replaced once by its one-line value."""
    values = {name: one_line(value) for name, value in facts.values().items()}

    def replace(match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    return PLACEHOLDER.sub(replace, body)


def _latin1(text: str) -> str:
    return text.translate(_LATIN1_SPELLINGS).encode("latin-1", "replace").decode("latin-1")


def to_pdf(text: str, *, organization: str, title: str) -> bytes:
    """The filled letter as an A4 PDF under the organisation's name."""
    pdf = FPDF(format="A4")
    pdf.set_margins(22, 22, 22)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_title(_latin1(one_line(title)))
    pdf.set_author(_latin1(one_line(organization)))
    pdf.set_creator("Hireline")
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, _latin1(one_line(organization)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", size=11)
    for line in text.splitlines():
        if not line.strip():
            pdf.ln(4)
            continue
        # markdown=False: "**" or "__" in a name is text, not bold.
        pdf.multi_cell(
            0, 6, _latin1(line), new_x="LMARGIN", new_y="NEXT", markdown=False, align="L"
        )
    return bytes(pdf.output())
