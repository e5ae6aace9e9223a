"""Broken and hostile files end as a readable `failed` reason; the parser keeps working."""

from __future__ import annotations

import io
import os
import signal
from collections.abc import AsyncIterator, Callable
from datetime import date

import pytest
from docx import Document

from hireline.resumes.extract import extract_text
from hireline.resumes.sandbox import ParserPool
from tests.candidates.files import pdf_resume
from tests.resumes import hostile

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
async def pool() -> AsyncIterator[ParserPool]:
    parsers = ParserPool(1, seconds=20, memory_bytes=768 * 1024 * 1024)
    yield parsers
    parsers.close()


async def _still_works(pool: ParserPool) -> None:
    outcome = await pool.parse(pdf_resume(), hostile.PDF, today=TODAY)
    assert outcome.error is None
    assert outcome.parsed is not None
    assert "PostgreSQL" in outcome.parsed["skills"]


@pytest.mark.parametrize(
    ("build", "content_type", "reason"),
    [
        (hostile.encrypted_pdf, hostile.PDF, "password-protected"),
        (hostile.truncated_pdf, hostile.PDF, "damaged"),
        (hostile.image_only_pdf, hostile.PDF, "only images"),
        (hostile.many_pages_pdf, hostile.PDF, "5001 pages"),
        (hostile.deeply_nested_pdf, hostile.PDF, "PDF"),
        (hostile.docx_zip_bomb, hostile.DOCX, "inflate to more than 40 MB"),
        (hostile.deeply_nested_docx, hostile.DOCX, "Word file"),
        (hostile.docx_billion_laughs, hostile.DOCX, "Word file"),
        (hostile.not_a_zip_docx, hostile.DOCX, "damaged"),
    ],
    ids=lambda value: getattr(value, "__name__", None) if callable(value) else None,
)
async def test_a_hostile_file_fails_with_a_reason_and_the_parser_lives_on(
    pool: ParserPool, build: Callable[[], bytes], content_type: str, reason: str
) -> None:
    outcome = await pool.parse(build(), content_type, today=TODAY)

    assert outcome.parsed is None
    assert outcome.error is not None
    assert reason in outcome.error
    await _still_works(pool)


async def test_a_file_needing_too_much_memory_stops_only_its_reader() -> None:
    small = ParserPool(1, seconds=60, memory_bytes=250 * 1024 * 1024)
    try:
        outcome = await small.parse(hostile.huge_content_pdf(), hostile.PDF, today=TODAY)
        assert outcome.error == "The file needs more memory than a résumé may use."
        await _still_works(small)
    finally:
        small.close()


async def test_external_entities_are_never_read(pool: ParserPool) -> None:
    outcome = await pool.parse(hostile.docx_with_external_entity(), hostile.DOCX, today=TODAY)

    text = (outcome.parsed or {}).get("text", "") + (outcome.error or "")
    assert "root:" not in text  # /etc/passwd stayed where it was
    await _still_works(pool)


async def test_a_file_over_its_time_is_stopped() -> None:
    slow = ParserPool(1, seconds=0.001, memory_bytes=768 * 1024 * 1024)
    try:
        outcome = await slow.parse(hostile.many_pages_pdf(), hostile.PDF, today=TODAY)
        assert outcome.error == "Reading the file took longer than 0.001 s; it was stopped."
        slow.seconds = 20
        await _still_works(slow)
    finally:
        slow.close()


async def test_a_reader_that_dies_is_replaced(pool: ParserPool) -> None:
    await _still_works(pool)
    (pid,) = pool.pids
    os.kill(pid, signal.SIGKILL)

    await _still_works(pool)
    assert pool.pids != [pid]


async def test_a_word_document_with_tables_headers_and_footers_is_read_in_order() -> None:
    document = Document()
    document.sections[0].header.paragraphs[0].text = "Mara Quispe · mara@example.org"
    document.add_paragraph("Experience")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Skills"
    table.cell(0, 1).text = "Python, Kubernetes"
    table.cell(1, 0).text = "Languages"
    table.cell(1, 1).text = "Spanish, English"
    document.sections[0].footer.paragraphs[0].text = "+51 1 555 0101"
    buffer = io.BytesIO()
    document.save(buffer)

    text = extract_text(buffer.getvalue(), hostile.DOCX)
    assert text.splitlines() == [
        "Mara Quispe · mara@example.org",
        "Experience",
        "Skills | Python, Kubernetes",
        "Languages | Spanish, English",
        "+51 1 555 0101",
    ]
