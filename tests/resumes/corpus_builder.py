"""Lays a corpus résumé (YAML blocks) out as a real file: PDF (fpdf2), DOCX (python-docx), text.

The layout is faithful to how such files are made, so text extraction is exercised for real:
two columns are drawn as text placed at two x positions (the left column first, as design
tools emit it), tables as table cells, and DOCX contact data in the page header and footer.

PDF text needs a Unicode TrueType font for "Zoë Müller-Łukasiewicz"; fpdf2 ships none. DejaVu
Sans is used where the system has it (Debian/Ubuntu: package fonts-dejavu-core). Without it
the PDF core font is used and text outside Latin-1 is folded to its nearest Latin-1 spelling
("Ł" -> "L"); `fold_for_pdf` folds expected values the same way so scores stay comparable.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt
from fpdf import FPDF
from fpdf.enums import XPos, YPos

CORPUS_DIR = Path(__file__).parent / "corpus"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
LAYOUTS = (
    "pdf-single",
    "pdf-two-columns",
    "pdf-table",
    "docx-plain",
    "docx-tables",
    "docx-header-footer",
    "text",
)
DEFAULT_TODAY = date(2025, 6, 1)

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts/Supplemental"),
)


def _find_font(file_name: str) -> Path | None:
    for directory in _FONT_DIRS:
        candidate = directory / file_name
        if candidate.is_file():
            return candidate
    return None


UNICODE_FONT = _find_font("DejaVuSans.ttf")
UNICODE_FONT_BOLD = _find_font("DejaVuSans-Bold.ttf")

_LATIN1_SPELLINGS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2022": "-",
        "\u00b7": "-",
        "\u0141": "L",
        "\u0142": "l",
        "\u0110": "D",
        "\u0111": "d",
        "\u00a0": " ",
    }
)


def fold_for_pdf(text: str) -> str:
    """`text` as the PDF shows it: unchanged with a Unicode font, else folded to Latin-1."""
    if UNICODE_FONT is not None:
        return text
    text = text.translate(_LATIN1_SPELLINGS)
    out = []
    for character in text:
        try:
            character.encode("latin-1")
            out.append(character)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", character)[0]
            out.append(base if base.isascii() else "?")
    return "".join(out)


Block = dict[str, Any]


@dataclass(frozen=True)
class Expected:
    name: str | None
    emails: list[str]
    phones: list[str]
    links: dict[str, list[str]]
    skills: list[str]
    years_experience: float | None
    education: int


@dataclass(frozen=True)
class CorpusResume:
    """One fictional person's résumé: its blocks, its layout and what should be read from it."""

    key: str
    layout: str
    expected: Expected
    body: list[Block] = field(default_factory=list)
    top: list[Block] = field(default_factory=list)
    left: list[Block] = field(default_factory=list)
    right: list[Block] = field(default_factory=list)
    header: list[Block] = field(default_factory=list)
    footer: list[Block] = field(default_factory=list)
    today: date = DEFAULT_TODAY
    default_region: str | None = None
    main_column_first: bool = False  # the PDF draws the right column before the sidebar


def load_corpus(directory: Path = CORPUS_DIR) -> list[CorpusResume]:
    """Every résumé of the corpus, by file name."""
    return [load_resume(path) for path in sorted(directory.glob("*.yaml"))]


def load_resume(path: Path) -> CorpusResume:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    layout = raw["layout"]
    if layout not in LAYOUTS:
        raise ValueError(f"{path.name}: unknown layout {layout!r}")
    expected = raw["expected"]
    links = expected.get("links") or {}
    return CorpusResume(
        key=path.stem,
        layout=layout,
        expected=Expected(
            name=expected.get("name"),
            emails=list(expected.get("emails") or []),
            phones=[str(phone) for phone in expected.get("phones") or []],
            links={kind: list(links.get(kind) or []) for kind in ("linkedin", "github", "website")},
            skills=list(expected.get("skills") or []),
            years_experience=expected.get("years_experience"),
            education=int(expected.get("education") or 0),
        ),
        body=raw.get("body") or [],
        top=raw.get("top") or [],
        left=raw.get("left") or [],
        right=raw.get("right") or [],
        header=raw.get("header") or [],
        footer=raw.get("footer") or [],
        today=raw.get("today") or DEFAULT_TODAY,
        default_region=raw.get("default_region"),
        main_column_first=bool(raw.get("main_column_first")),
    )


def build(resume: CorpusResume) -> tuple[bytes, str]:
    """The résumé as file bytes and their content type."""
    if resume.layout.startswith("pdf-"):
        return _build_pdf(resume), PDF
    if resume.layout.startswith("docx-"):
        return _build_docx(resume), DOCX
    return build_text(resume).encode("utf-8"), TEXT


# --- PDF ------------------------------------------------------------------------------------

_PAGE_WIDTH = 210.0
_MARGIN = 15.0


class _ResumePdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_margins(_MARGIN, _MARGIN, _MARGIN)
        self.set_auto_page_break(auto=True, margin=_MARGIN)
        if UNICODE_FONT is not None:
            self.add_font("Body", "", str(UNICODE_FONT))
            self.add_font("Body", "B", str(UNICODE_FONT_BOLD or UNICODE_FONT))
            self.family = "Body"
        else:
            self.family = "Helvetica"
        self.add_page()

    def use(self, size: float, *, bold: bool = False) -> None:
        self.set_font(self.family, style="B" if bold else "", size=size)

    def text_block(self, x: float, width: float, height: float, text: str) -> None:
        self.set_x(x)
        self.multi_cell(width, height, fold_for_pdf(text), new_x=XPos.LEFT, new_y=YPos.NEXT)


def _draw_blocks(pdf: _ResumePdf, blocks: list[Block], x: float, width: float) -> None:
    for block in blocks:
        kind, value = next(iter(block.items()))
        if kind == "title":
            pdf.use(18, bold=True)
            pdf.text_block(x, width, 9, value)
        elif kind == "heading":
            pdf.ln(2)
            pdf.use(12, bold=True)
            pdf.text_block(x, width, 7, value)
        elif kind in ("line", "paragraph"):
            pdf.use(10)
            pdf.text_block(x, width, 5, value)
        elif kind == "bullets":
            pdf.use(10)
            for item in value:
                pdf.text_block(x, width, 5, f"• {item}")
        elif kind == "table":
            pdf.use(10)
            pdf.set_x(x)
            with pdf.table(
                width=width,
                align="LEFT",
                first_row_as_headings=False,
                borders_layout="NONE",
                line_height=5,
            ) as table:
                for cells in value:
                    row = table.row()
                    for cell in cells:
                        row.cell(fold_for_pdf(str(cell)))
        else:
            raise ValueError(f"unknown block {kind!r}")


def _build_pdf(resume: CorpusResume) -> bytes:
    pdf = _ResumePdf()
    full = _PAGE_WIDTH - 2 * _MARGIN
    _draw_blocks(pdf, resume.top, _MARGIN, full)
    if resume.layout == "pdf-two-columns":
        column_top = pdf.get_y() + 3
        left_width, gap = 58.0, 7.0
        right_x = _MARGIN + left_width + gap
        # A design tool emits one text frame after the other, so a PDF holds one column's
        # text and then the other's, whatever their order on the page.
        columns = [
            (resume.left, _MARGIN, left_width),
            (resume.right, right_x, full - left_width - gap),
        ]
        if resume.main_column_first:
            columns.reverse()
        for blocks, x, width in columns:
            pdf.page = 1
            pdf.set_y(column_top)
            pdf.set_left_margin(x)
            _draw_blocks(pdf, blocks, x, width)
        pdf.set_left_margin(_MARGIN)
    _draw_blocks(pdf, resume.body, _MARGIN, full)
    return bytes(pdf.output())


# --- DOCX -----------------------------------------------------------------------------------


def _add_docx_blocks(document: Any, blocks: list[Block], *, is_body: bool) -> None:
    """Blocks into a document body, a header, a footer or a table cell."""
    for block in blocks:
        kind, value = next(iter(block.items()))
        if kind == "title":
            if is_body:
                document.add_heading(value, level=0)
            else:
                run = document.add_paragraph().add_run(value)
                run.bold = True
                run.font.size = Pt(16)
        elif kind == "heading":
            if is_body:
                document.add_heading(value, level=1)
            else:
                document.add_paragraph().add_run(value).bold = True
        elif kind in ("line", "paragraph"):
            document.add_paragraph(value)
        elif kind == "bullets":
            for item in value:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            columns = max(len(cells) for cells in value)
            table = document.add_table(rows=0, cols=columns)
            for cells in value:
                row = table.add_row().cells
                for index, cell in enumerate(cells):
                    row[index].text = str(cell)
        else:
            raise ValueError(f"unknown block {kind!r}")


def _build_docx(resume: CorpusResume) -> bytes:
    document: DocxDocument = Document()
    section = document.sections[0]
    if resume.header:
        header = section.header
        header.is_linked_to_previous = False
        header.paragraphs[0].text = ""
        _add_docx_blocks(header, resume.header, is_body=False)
    if resume.footer:
        footer = section.footer
        footer.is_linked_to_previous = False
        _add_docx_blocks(footer, resume.footer, is_body=False)
    _add_docx_blocks(document, resume.top, is_body=True)
    if resume.left or resume.right:
        # Word users make columns with a borderless two-cell table.
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        _add_docx_blocks(left, resume.left, is_body=False)
        _add_docx_blocks(right, resume.right, is_body=False)
    _add_docx_blocks(document, resume.body, is_body=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- text -----------------------------------------------------------------------------------


def _text_lines(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        kind, value = next(iter(block.items()))
        if kind == "title":
            lines.append(value)
        elif kind == "heading":
            lines.extend(["", value.upper(), "-" * len(value)])
        elif kind in ("line", "paragraph"):
            lines.append(value)
        elif kind == "bullets":
            lines.extend(f"  * {item}" for item in value)
        elif kind == "table":
            lines.extend("  ".join(str(cell) for cell in cells) for cells in value)
    return lines


def build_text(resume: CorpusResume) -> str:
    """The résumé as plain text (a file saves it in some encoding)."""
    parts = [resume.header, resume.top, resume.left, resume.right, resume.body, resume.footer]
    lines: list[str] = []
    for blocks in parts:
        lines.extend(_text_lines(blocks))
    return "\n".join(lines) + "\n"
