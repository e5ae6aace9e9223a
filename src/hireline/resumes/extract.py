"""Plain text out of a résumé file (PDF, DOCX or text), refusing what could hurt the reader.

Only data is read: no macro, script, form action or embedded object is ever run. Limits
that would otherwise let a small file cost a lot are checked before the work is done (the
sizes a DOCX archive declares, before anything is inflated); the time and memory a file may
take are bounded by the process it is read in (see `sandbox`).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator

from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from hireline.resumes.plaintext import NotText, decode_text

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"

MAX_PAGES = 50  # no résumé is longer; a longer file is something else (or an attack)
MAX_TEXT_CHARS = 200_000
MAX_ARCHIVE_MEMBERS = 1_000
MAX_ARCHIVE_BYTES = 40 * 1024 * 1024  # inflated, all members together
MAX_COMPRESSION_RATIO = 150  # real DOCX parts compress ~5-20x; bombs, thousands
MAX_TABLE_DEPTH = 8

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0]+")


class UnreadableResume(Exception):
    """The file cannot be read; the message says why, for a recruiter to see."""


def extract_text(data: bytes, content_type: str) -> str:
    """The file's text, one line per line or paragraph; `UnreadableResume` if it has none."""
    if content_type == PDF:
        text = _pdf_text(data)
    elif content_type == DOCX:
        text = _docx_text(data)
    elif content_type == TEXT:
        text = _plain_text(data)
    else:
        raise UnreadableResume(f"Files of type {content_type} are not read.")
    text = tidy(text)
    if not text:
        raise UnreadableResume("The file holds no text.")
    return text


def tidy(text: str) -> str:
    """NFC text without control characters, runs of spaces or blank-line runs, capped."""
    text = unicodedata.normalize("NFC", text[: MAX_TEXT_CHARS * 2])
    lines = (_SPACES.sub(" ", _CONTROL.sub("", line)).strip() for line in text.splitlines())
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()[:MAX_TEXT_CHARS]


def _pdf_text(data: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many PDFs are encrypted only against editing, with an empty password to open.
            try:
                opened = reader.decrypt("")
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise UnreadableResume("The PDF is password-protected.") from exc
            if not opened:
                raise UnreadableResume("The PDF is password-protected.")
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise UnreadableResume(
                f"The PDF has {count} pages; files over {MAX_PAGES} pages are not read as résumés."
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableResume:
        raise
    except RecursionError as exc:
        raise UnreadableResume("The PDF is nested too deeply to be read.") from exc
    except MemoryError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files; all mean the same
        if "allocate" in str(exc):  # zlib out of memory under the reader's limit
            raise MemoryError from exc
        raise UnreadableResume(f"The PDF is damaged and cannot be read ({_short(exc)}).") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise UnreadableResume(
            "The PDF holds no text, only images (a scan?); text recognition is not supported."
        )
    return text


def _check_archive(data: bytes) -> None:
    """Refuse a DOCX whose inflated size would be out of proportion, before inflating it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise UnreadableResume("The Word file is damaged and cannot be read.") from exc
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise UnreadableResume("The Word file holds too many parts to be a résumé.")
    inflated = sum(member.file_size for member in members)
    if inflated > MAX_ARCHIVE_BYTES:
        raise UnreadableResume("The Word file would inflate to more than 40 MB.")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
            raise UnreadableResume(
                "The Word file is compressed out of all proportion (a zip bomb?)."
            )


def _docx_text(data: bytes) -> str:
    _check_archive(data)
    try:
        document = Document(io.BytesIO(data))
        parts: list[str] = []
        seen_margins: set[str] = set()
        headers = [
            part._element
            for section in document.sections
            for part in (section.first_page_header, section.header, section.even_page_header)
        ]
        footers = [
            part._element
            for section in document.sections
            for part in (section.first_page_footer, section.footer, section.even_page_footer)
        ]
        for element in headers:
            _add_margin(element, parts, seen_margins)
        parts.extend(_block_text(document.element.body, 0))
        for element in footers:
            _add_margin(element, parts, seen_margins)
    except UnreadableResume:
        raise
    except RecursionError as exc:
        raise UnreadableResume("The Word file is nested too deeply to be read.") from exc
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableResume(
            f"The Word file is damaged and cannot be read ({_short(exc)})."
        ) from exc
    return "\n".join(parts)


def _add_margin(element: etree._Element, parts: list[str], seen: set[str]) -> None:
    # Sections usually share one header; say it once.
    text = "\n".join(_block_text(element, 0)).strip()
    if text and text not in seen:
        seen.add(text)
        parts.append(text)


def _block_text(container: etree._Element, depth: int) -> Iterator[str]:
    """Paragraphs and tables in reading order, text boxes after the paragraph holding them."""
    if depth > MAX_TABLE_DEPTH:
        raise UnreadableResume("The Word file nests tables too deeply to be read.")
    for child in container:
        if child.tag == qn("w:p"):
            yield _paragraph_text(child)
            for box in child.iter(qn("w:txbxContent")):
                yield from _block_text(box, depth + 1)
        elif child.tag == qn("w:tbl"):
            yield from _table_text(child, depth + 1)
        elif child.tag == qn("w:sdt"):  # content controls wrap ordinary blocks
            for content in child.iter(qn("w:sdtContent")):
                yield from _block_text(content, depth + 1)
                break


def _paragraph_text(paragraph: etree._Element) -> str:
    pieces: list[str] = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:txbxContent")):
        if node.tag == qn("w:txbxContent"):
            continue
        if node.tag == qn("w:t"):
            if _inside_text_box(node, paragraph):
                continue
            pieces.append(node.text or "")
        elif node.tag == qn("w:tab"):
            pieces.append("\t")
        else:
            pieces.append("\n")
    return "".join(pieces)


def _inside_text_box(node: etree._Element, paragraph: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag == qn("w:txbxContent"):
            return True
        parent = parent.getparent()
    return False


def _table_text(table: etree._Element, depth: int) -> Iterator[str]:
    """A row of one-line cells as one line (`Skills | Python, SQL`); other cells one by one."""
    for row in table.iter(qn("w:tr")):
        if row.getparent() is not table:
            continue  # a nested table's row: read with its own table
        cells = [list(_block_text(cell, depth)) for cell in row if cell.tag == qn("w:tc")]
        cell_lines = [[line for line in cell if line.strip()] for cell in cells]
        if all(len(lines) <= 1 for lines in cell_lines):
            yield " | ".join(lines[0] for lines in cell_lines if lines)
        else:
            for lines in cell_lines:
                yield from lines


def _plain_text(data: bytes) -> str:
    try:
        return decode_text(data)
    except NotText as exc:
        raise UnreadableResume(str(exc)) from exc


def _short(exc: BaseException) -> str:
    message = str(exc).strip() or type(exc).__name__
    return message[:160]
