"""The hiring guide as PDF, drawn with fpdf2 (pure Python: no system libraries needed)."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.fonts import FontFace

from hireline.guides.rendering.document import Guide, Section, Table

# The row of the guide's own location, as the HTML page marks it.
_HIGHLIGHT = FontFace(emphasis="BOLD", fill_color=(255, 241, 184))
_HEADING = FontFace(emphasis="BOLD", fill_color=(225, 230, 236))

# The PDF core fonts cover Latin-1 only; typographic characters outside it get their
# nearest Latin-1 spelling instead of a question mark.
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
        "\u2192": "->",
        "\u2264": "<=",
        "\u2265": ">=",
        "\u00a0": " ",
        "\u2009": " ",
    }
)


def _latin1(text: str) -> str:
    return text.translate(_LATIN1_SPELLINGS).encode("latin-1", "replace").decode("latin-1")


class _GuidePdf(FPDF):
    def __init__(self, guide: Guide) -> None:
        super().__init__(format="A4")
        self.guide = guide
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_title(_latin1(guide.title))
        self.set_author("Hireline")
        self.set_creator("Hireline")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90)
        self.cell(0, 6, _latin1(f"{self.guide.title} - page {self.page_no()}"), align="C")
        self.set_text_color(0)


def _write_table(pdf: _GuidePdf, table: Table) -> None:
    pdf.set_font("Helvetica", style="B", size=10)
    pdf.ln(1)
    pdf.multi_cell(0, 6, _latin1(table.caption), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9.5)
    with pdf.table(
        col_widths=(38, 34, 28),
        text_align=("LEFT", "LEFT", "RIGHT"),
        headings_style=_HEADING,
        line_height=5.5,
        first_row_as_headings=True,
    ) as grid:
        heading = grid.row()
        for column in table.columns:
            heading.cell(_latin1(column))
        for number, cells in enumerate(table.rows):
            style = _HIGHLIGHT if number == table.highlight else None
            row = grid.row()
            for cell in cells:
                row.cell(_latin1(cell), style=style)
    pdf.ln(2)
    pdf.set_font("Helvetica", size=10)


def _write_section(pdf: _GuidePdf, section: Section, depth: int) -> None:
    sizes = {2: 14, 3: 12, 4: 11}
    pdf.set_font("Helvetica", style="B", size=sizes.get(depth, 11))
    pdf.ln(3 if depth > 2 else 5)
    pdf.multi_cell(0, 7, _latin1(section.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for paragraph in section.paragraphs:
        pdf.multi_cell(0, 5, _latin1(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    if section.table is not None:
        _write_table(pdf, section.table)
    for bullet in section.bullets:
        pdf.set_x(pdf.l_margin + 3)
        pdf.multi_cell(0, 5, _latin1(f"- {bullet}"), new_x="LMARGIN", new_y="NEXT")
    for sub in section.subsections:
        _write_section(pdf, sub, depth + 1)


def to_pdf(guide: Guide) -> bytes:
    """The guide as a PDF document whose first page opens with its title."""
    pdf = _GuidePdf(guide)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=20)
    pdf.multi_cell(0, 10, _latin1(guide.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, _latin1(guide.subtitle), new_x="LMARGIN", new_y="NEXT")
    for section in guide.sections:
        _write_section(pdf, section, 2)
    return bytes(pdf.output())
