"""Real résumé files for tests: a PDF drawn with fpdf2 and a minimal Word document."""

from __future__ import annotations

import io
import zipfile

from fpdf import FPDF


def pdf_resume(name: str = "Ada Lovelace", body: str = "Python, PostgreSQL, FastAPI") -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=12)
    document.multi_cell(0, 8, f"{name}\n{body}")
    return bytes(document.output())


def docx_resume(text: str = "Grace Hopper - COBOL, compilers") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return buffer.getvalue()
