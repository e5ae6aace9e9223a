"""The parser on the generated held-out corpus: the goals of the product, as floors.

The parser was tuned on `DEV_SEEDS` only; these seeds were measured, never read for tuning.
`bench/resume_quality.py` prints the same figures with every miss.
"""

from __future__ import annotations

import pytest

from hireline.resumes.extract import extract_text
from tests.resumes.generated import (
    HELD_OUT_SEEDS,
    LAYOUTS,
    GeneratedResume,
    build_file,
    corpus,
    generate,
)
from tests.resumes.scoring import QualityReport, score_generated


@pytest.fixture(scope="module")
def resumes() -> list[GeneratedResume]:
    return corpus(HELD_OUT_SEEDS)


@pytest.fixture(scope="module")
def held_out(resumes: list[GeneratedResume]) -> QualityReport:
    return score_generated(resumes)


def test_held_out_fields_meet_the_goals(held_out: QualityReport) -> None:
    assert held_out.skills_precision >= 0.98
    assert held_out.skills_recall >= 0.97
    figures = held_out.figures
    assert figures["e-mail accuracy"] >= 0.99  # goal 100 %: one miss in 150 fails here
    assert figures["phone accuracy"] >= 0.95
    assert figures["name accuracy"] >= 0.95
    assert figures["link accuracy"] >= 0.95
    assert figures["years accuracy (±1)"] >= 0.90


def test_the_corpus_covers_every_layout_and_text_encoding(
    resumes: list[GeneratedResume],
) -> None:
    assert {generated.resume.layout for generated in resumes} == set(LAYOUTS)
    texts = [build_file(g)[0] for g in resumes if g.resume.layout == "text"]
    assert any(data.startswith(b"\xff\xfe") for data in texts)  # UTF-16 with its BOM
    assert any(b"\xe9" in data or b"\xf3" in data for data in texts)  # Latin-1 accents


def test_a_seed_always_gives_the_same_resume() -> None:
    first, second = build_file(generate(1003)), build_file(generate(1003))
    assert extract_text(*first) == extract_text(*second)  # files differ by their timestamps
