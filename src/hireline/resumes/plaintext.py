"""Plain-text résumés: telling text from binary and decoding it, with no parser loaded.

Shared by the upload check (in the API process, which must not import the PDF and Word
readers) and by text extraction, so a file accepted at upload is always read the same way.
"""

from __future__ import annotations

import re

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Controls that never occur in a text file (NUL and the C0 ones other than tab, line feed,
# vertical tab, form feed, carriage return and escape): one means the file is binary.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SNIFF_CHARS = 8192


class NotText(ValueError):
    """The bytes are not a text file."""


def decode_text(data: bytes) -> str:
    """A text file's characters: UTF-8 (with or without BOM), UTF-16 with a BOM, else
    Windows-1252 or Latin-1 (one of which reads any byte, so real text never fails).

    `NotText` if the characters are not text (a binary file, an image).
    """
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NotText("The file is not text.") from exc
    else:
        text = _decode_8bit(data)
    if _BINARY.search(text[:_SNIFF_CHARS]):
        raise NotText("The file is not text.")
    return text


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # What is called Latin-1 is usually Windows-1252 (Word, Notepad): it reads 0x80-0x9f as
    # curly quotes and dashes. The few bytes it leaves undefined fall back to Latin-1.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
