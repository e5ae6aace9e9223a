"""Broken and hostile résumé files, built at test time (no binary fixtures in the repository)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from docx import Document
from fpdf import FPDF
from pypdf import PdfWriter

from tests.candidates.files import pdf_resume

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_document(*paragraphs: str) -> bytes:
    """A real Word document, as Word would write it (python-docx's template)."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    """Opens only with a password."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf_resume()))
    writer.encrypt(user_password="open sesame", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    """The first 40% of a PDF: no cross-reference table, no trailer, cut mid-stream."""
    data = pdf_resume(body="Python, Django, PostgreSQL, Redis, Docker " * 40)
    return data[: len(data) * 2 // 5]


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    rows = b"".join(
        b"\x00" + bytes([(x * 7 + y * 3) % 256 for x in range(width)]) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def image_only_pdf() -> bytes:
    """A scanned page: one picture, no text layer."""
    document = FPDF()
    document.add_page()
    document.image(io.BytesIO(_png(120, 160)), x=10, y=10, w=180)
    return bytes(document.output())


def many_pages_pdf(pages: int = 5_000) -> bytes:
    """A short résumé followed by thousands of blank pages."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf_resume()))
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def deeply_nested_pdf(depth: int = 50_000) -> bytes:
    """A page whose resources hold an array nested `depth` levels deep."""
    nested = b"[" * depth + b"1" + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Deep " + nested + b" >> >>",
        b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Nested) Tj ET\nendstream",
    ]
    return _pdf_from(objects)


def huge_content_pdf(inflated_mb: int = 60) -> bytes:
    """A small PDF whose one page inflates to `inflated_mb` MB of text to show."""
    line = b"(" + b"Python developer " * 60 + b") Tj T*\n"
    content = b"BT /F1 12 Tf 14 TL 72 712 Td\n" + line * (inflated_mb * 1024 * 1024 // len(line))
    packed = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf_from(objects)


def _pdf_from(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _replace_part(docx: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item.filename, content if item.filename == name else source.read(item))
    return buffer.getvalue()


def docx_zip_bomb(inflated_mb: int = 64) -> bytes:
    """A Word file whose document part inflates to `inflated_mb` MB of spaces."""
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats'
        b'.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
        + b" " * (inflated_mb * 1024 * 1024)
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    return _replace_part(docx_document("Bomb"), "word/document.xml", body)


def deeply_nested_docx(depth: int = 5_000) -> bytes:
    """Tables inside tables, `depth` deep."""
    table = b"<w:tbl><w:tr><w:tc>" * depth + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * depth
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats'
        b'.org/wordprocessingml/2006/main"><w:body>' + table + b"</w:body></w:document>"
    )
    return _replace_part(docx_document("Nested"), "word/document.xml", body)


def docx_with_external_entity() -> bytes:
    """XXE: a document that asks the reader to include a file of the server's."""
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Name: Eve &secret; Python</w:t></w:r></w:p></w:body></w:document>"
    )
    return _replace_part(docx_document("XXE"), "word/document.xml", body)


def docx_billion_laughs() -> bytes:
    """Entities that expand to gigabytes if the reader expands them."""
    entities = b'<!ENTITY l0 "ha">' + b"".join(
        b'<!ENTITY l%d "%s">' % (n, b"&l%d;" % (n - 1) * 10) for n in range(1, 10)
    )
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [' + entities + b"]>"
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _replace_part(docx_document("Laughs"), "word/document.xml", body)


def not_a_zip_docx() -> bytes:
    """Starts like a zip archive, then nothing of one."""
    return b"PK\x03\x04" + b"\x00" * 200
