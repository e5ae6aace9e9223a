"""Checking an uploaded résumé by what it contains, not by what it is called."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from fastapi import UploadFile

from hireline.core.errors import PayloadTooLarge, UnsupportedMediaType, ValidationFailed
from hireline.resumes.plaintext import NotText, decode_text

MAX_RESUME_BYTES = 10 * 1024 * 1024
_CHUNK = 256 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"


@dataclass(frozen=True)
class CheckedFile:
    """A résumé that passed the checks."""

    data: bytes
    content_type: str
    extension: str
    filename: str


def _field_error(message: str) -> list[dict[str, object]]:
    return [{"loc": ["body", "resume"], "msg": message, "type": "file"}]


def sanitize_filename(name: str | None, extension: str) -> str:
    """A display name with no path, no control characters and the real extension."""
    base = (name or "resume").replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")[:80] or "resume"
    return f"{stem}.{extension}"


def sniff(data: bytes) -> tuple[str, str] | None:
    """(content type, extension) for PDF, DOCX and plain-text content; None for anything else.

    Text is recognised by decoding it as the parser will (UTF-8, UTF-16 with a BOM, Latin-1),
    so a file accepted here is never refused later as "not text".
    """
    if data.startswith(b"%PDF-"):
        return PDF, "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError):
            return None
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return DOCX, "docx"
        return None
    try:
        decode_text(data)
    except NotText:
        return None
    return TEXT, "txt"


async def read_resume(upload: UploadFile | None) -> CheckedFile:
    """The upload's bytes if it is a PDF, DOCX or text file within the size limit; a 4xx
    otherwise."""
    if upload is None:
        raise ValidationFailed("A résumé file is required.", errors=_field_error("missing"))
    if upload.size is not None and upload.size > MAX_RESUME_BYTES:
        raise PayloadTooLarge("The résumé is larger than 10 MB.")
    chunks = []
    total = 0
    while chunk := await upload.read(_CHUNK):
        total += len(chunk)
        if total > MAX_RESUME_BYTES:
            raise PayloadTooLarge("The résumé is larger than 10 MB.")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data:
        raise ValidationFailed("The résumé file is empty.", errors=_field_error("empty file"))
    kind = sniff(data)
    if kind is None:
        raise UnsupportedMediaType(
            "The résumé must be a PDF, a Word (.docx) document or a plain-text (.txt) file; "
            "this file is none of them."
        )
    content_type, extension = kind
    return CheckedFile(data, content_type, extension, sanitize_filename(upload.filename, extension))
