"""Résumé files for invented people: PDFs and Word documents in the layouts people really send.

Five layouts, each with its own way of writing dates, contact details and headings, so that
the parser, the search snippets and the résumé viewer meet variety rather than one template:

- ``classic`` (PDF): contact line under the name, Summary / Experience / Skills / Education;
- ``labelled`` (PDF): "Location:", "Email:", "Phone:" lines, skills first, "Title at
  Employer (03/2019 - 06/2022)";
- ``modern`` (PDF): contact separated by middots, dates right-aligned beside the title;
- ``word`` (DOCX): Word headings, "March 2019 - June 2022";
- ``word-table`` (DOCX): name and contact details in a header table, ISO-like "2019-03 to
  2022-06" dates.

PDFs use the core Helvetica font (Latin-1): text is folded to it, as many real PDF writers do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fpdf import FPDF

from hireline.candidates.uploads import DOCX, PDF, CheckedFile
from hireline.demo.people import Person, Position
from hireline.demo.wordml import WordDocument

# En and em dashes, bullet, curly quotes: not in Latin-1.
_LATIN1_FOLDS = str.maketrans(
    {"\u2013": "-", "\u2014": "-", "\u2022": "-", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
)


def _month(day: date) -> str:
    return day.strftime("%b %Y")


def _dates(position: Position, style: str) -> str:
    def one(day: date | None) -> str:
        if day is None:
            return "Present"
        return {
            "short": day.strftime("%b %Y"),
            "numeric": day.strftime("%m/%Y"),
            "long": day.strftime("%B %Y"),
            "iso": day.strftime("%Y-%m"),
        }[style]

    joiner = " to " if style == "iso" else " - "
    return f"{one(position.start)}{joiner}{one(position.end)}"


def _contacts(person: Person) -> list[str]:
    return [link for link in (person.linkedin, person.github) if link]


class _Pdf(FPDF):
    def text_line(
        self, text: str, *, size: float = 10.5, style: str = "", height: float = 5.5
    ) -> None:
        self.set_font("Helvetica", style=style, size=size)
        text = text.translate(_LATIN1_FOLDS)
        # multi_cell wraps but costs ten times a cell; most résumé lines fit on one.
        if self.get_string_width(text) < self.epw - 2:
            self.cell(0, height, text, new_x="LMARGIN", new_y="NEXT")
        else:
            self.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: str) -> None:
        self.ln(2)
        self.text_line(text, size=12.5, style="B", height=7)


def _pdf_bytes(document: FPDF) -> bytes:
    return bytes(document.output())


def classic_pdf(person: Person) -> bytes:
    pdf = _Pdf()
    pdf.add_page()
    pdf.text_line(person.name, size=18, style="B", height=9)
    pdf.text_line(person.headline, size=12)
    pdf.text_line(" | ".join([person.home.written, person.email, person.phone, *_contacts(person)]))
    pdf.heading("Summary")
    pdf.text_line(person.summary)
    pdf.heading("Experience")
    for position in person.positions:
        pdf.text_line(f"{position.title}, {position.employer} - {position.city}", style="B")
        pdf.text_line(_dates(position, "short"))
        for line in position.achievements:
            pdf.text_line(f"- {line}")
    pdf.heading("Skills")
    pdf.text_line(", ".join(person.skills))
    pdf.heading("Education")
    pdf.text_line(f"{person.degree}, {person.university}, {person.graduated}")
    return _pdf_bytes(pdf)


def labelled_pdf(person: Person) -> bytes:
    pdf = _Pdf()
    pdf.add_page()
    pdf.text_line(person.name.upper(), size=16, style="B", height=8)
    pdf.text_line(f"Location: {person.home.written}")
    pdf.text_line(f"Email: {person.email}")
    pdf.text_line(f"Phone: {person.phone}")
    for link in _contacts(person):
        pdf.text_line(link)
    pdf.heading("Technical Skills")
    pdf.text_line(" / ".join(person.skills))
    pdf.heading("Professional Experience")
    for position in person.positions:
        pdf.text_line(
            f"{position.title} at {position.employer} ({_dates(position, 'numeric')})",
            style="B",
        )
        for line in position.achievements:
            pdf.text_line(f"* {line}")
    pdf.heading("Education")
    pdf.text_line(f"{person.university} - {person.degree} ({person.graduated})")
    return _pdf_bytes(pdf)


def modern_pdf(person: Person) -> bytes:
    pdf = _Pdf()
    pdf.add_page()
    pdf.set_text_color(30, 60, 110)
    pdf.text_line(person.name, size=20, style="B", height=10)
    pdf.set_text_color(0, 0, 0)
    pdf.text_line(person.headline, size=11, style="I")
    pdf.text_line(" · ".join([person.email, person.phone, person.home.written]), size=9.5)
    pdf.heading("Profile")
    pdf.text_line(person.summary)
    pdf.heading("Work Experience")
    for position in person.positions:
        pdf.set_font("Helvetica", style="B", size=10.5)
        pdf.cell(120, 6, f"{position.title}, {position.employer}".translate(_LATIN1_FOLDS))
        pdf.set_font("Helvetica", size=10)
        pdf.cell(0, 6, _dates(position, "short"), align="R", new_x="LMARGIN", new_y="NEXT")
        for line in position.achievements:
            pdf.text_line(f"- {line}", size=10)
    pdf.heading("Skills")
    pdf.text_line(", ".join(person.skills))
    pdf.heading("Education")
    pdf.text_line(f"{person.degree} - {person.university}, {person.graduated}")
    return _pdf_bytes(pdf)


def word_docx(person: Person) -> bytes:
    document = WordDocument()
    document.title(person.name)
    document.paragraph(person.headline)
    document.paragraph(
        " | ".join([person.phone, person.email, person.home.written, *_contacts(person)])
    )
    document.heading("Summary")
    document.paragraph(person.summary)
    document.heading("Experience")
    for position in person.positions:
        document.paragraph(f"{position.title} - {position.employer}, {position.city}", bold=True)
        document.paragraph(_dates(position, "long"))
        for line in position.achievements:
            document.bullet(line)
    document.heading("Skills")
    document.paragraph(", ".join(person.skills))
    document.heading("Education")
    document.paragraph(f"{person.degree}, {person.university}, {person.graduated}")
    return bytes(document)


def word_table_docx(person: Person) -> bytes:
    document = WordDocument()
    document.table(
        [
            [
                f"{person.name}\n{person.headline}",
                "\n".join([person.home.written, person.phone, person.email, *_contacts(person)]),
            ]
        ]
    )
    document.heading("Experience")
    for position in person.positions:
        document.paragraph(f"{position.title}, {position.employer} ({position.city})", bold=True)
        document.paragraph(_dates(position, "iso"))
        for line in position.achievements:
            document.bullet(line)
    document.heading("Skills")
    document.paragraph(" • ".join(person.skills))
    document.heading("Education")
    document.paragraph(f"{person.degree}\n{person.university}, {person.graduated}")
    return bytes(document)


LAYOUTS: dict[str, tuple[Callable[[Person], bytes], str]] = {
    "classic": (classic_pdf, "pdf"),
    "labelled": (labelled_pdf, "pdf"),
    "modern": (modern_pdf, "pdf"),
    "word": (word_docx, "docx"),
    "word-table": (word_table_docx, "docx"),
}


def resume_file(person: Person, layout: str) -> CheckedFile:
    """`person`'s résumé drawn in `layout` (one of `LAYOUTS`), as an upload would bring it."""
    draw, extension = LAYOUTS[layout]
    stem = person.name.replace(" ", "_").replace("'", "")
    return CheckedFile(
        data=draw(person),
        content_type=PDF if extension == "pdf" else DOCX,
        extension=extension,
        filename=f"{stem}_CV.{extension}",
    )
