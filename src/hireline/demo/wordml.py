"""A minimal Word (.docx) writer: paragraphs, headings, bullets and a table, nothing else.

python-docx takes 60-70 ms a document (it loads and re-zips its whole default template);
the demo draws a hundred Word résumés while `make run` waits, so it writes the few parts a
valid package needs directly (about 1 ms). Word, LibreOffice and python-docx open the result.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)


def _style(style_id: str, name: str, size_half_points: int, *, bold: bool) -> str:
    weight = "<w:b/>" if bold else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="120" w:after="60"/></w:pPr>'
        f'<w:rPr>{weight}<w:sz w:val="{size_half_points}"/></w:rPr></w:style>'
    )


_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{_W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="21"/></w:rPr></w:style>'
    + _style("Title", "Title", 40, bold=True)
    + _style("Heading1", "heading 1", 26, bold=True)
    + _style("ListBullet", "List Bullet", 21, bold=False)
    + "</w:styles>"
)


def _paragraph(text: str, style: str | None = None, *, bold: bool = False) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    runs = []
    for number, line in enumerate(text.split("\n")):
        brk = "<w:br/>" if number else ""
        weight = "<w:rPr><w:b/></w:rPr>" if bold else ""
        runs.append(f'<w:r>{weight}{brk}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
    return f"<w:p>{properties}{''.join(runs)}</w:p>"


@dataclass
class WordDocument:
    """Body parts in order; `bytes()` packs them into a .docx."""

    parts: list[str] = field(default_factory=list)

    def title(self, text: str) -> None:
        self.parts.append(_paragraph(text, "Title"))

    def heading(self, text: str) -> None:
        self.parts.append(_paragraph(text, "Heading1"))

    def paragraph(self, text: str, *, bold: bool = False) -> None:
        self.parts.append(_paragraph(text, bold=bold))

    def bullet(self, text: str) -> None:
        self.parts.append(_paragraph("• " + text, "ListBullet"))

    def table(self, rows: list[list[str]]) -> None:
        cells = "".join(
            "<w:tr>" + "".join(f"<w:tc>{_paragraph(cell)}</w:tc>" for cell in row) + "</w:tr>"
            for row in rows
        )
        self.parts.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>{cells}</w:tbl>'
        )

    def __bytes__(self) -> bytes:
        body = "".join(self.parts)
        document = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
            f"<w:body>{body}<w:sectPr/></w:body></w:document>"
        )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", _CONTENT_TYPES)
            package.writestr("_rels/.rels", _PACKAGE_RELS)
            package.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
            package.writestr("word/document.xml", document)
            package.writestr("word/styles.xml", _STYLES)
        return buffer.getvalue()
