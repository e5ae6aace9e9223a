"""Field extraction quality on the corpus: real PDF/DOCX/text files, read back, then scored.

Run with `pytest -s` to see the report; `bench/resume_quality.py` prints the same table.
The floors are what the corpus reaches today, a little below, so a regression shows.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.resumes.corpus_builder import LAYOUTS, load_corpus
from tests.resumes.scoring import QualityReport, score_corpus

FLOORS = {
    "skills precision": 0.90,
    "skills recall": 0.85,
    "name accuracy": 0.95,
    "e-mail accuracy": 1.0,
    "phone accuracy": 0.90,
    "link accuracy": 0.90,
    "years accuracy (±0.5)": 0.85,
    "education count accuracy": 0.85,
}


@pytest.fixture(scope="module")
def report() -> QualityReport:
    report = score_corpus()
    print("\n" + report.format())
    return report


def test_the_corpus_is_big_and_varied() -> None:
    corpus = load_corpus()
    layouts = Counter(resume.layout for resume in corpus)
    assert len(corpus) >= 22
    assert set(layouts) == set(LAYOUTS)
    assert all(count >= 2 for count in layouts.values())
    assert any(not resume.expected.phones for resume in corpus)
    assert any(len(resume.expected.emails) > 1 for resume in corpus)
    assert any(resume.expected.years_experience is None for resume in corpus)


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_quality_floor(report: QualityReport, figure: str) -> None:
    assert report.figures[figure] >= FLOORS[figure], report.format()


def test_every_file_is_read_within_a_second(report: QualityReport) -> None:
    slow = [score.resume.key for score in report.scores if score.seconds > 1.0]
    assert not slow
