"""Prints how well résumé fields are read from the test corpus (real PDF, DOCX and text files).

    .venv/bin/python bench/resume_quality.py [--brief]

Same scoring as `tests/resumes/test_quality.py`: skills precision and recall micro-averaged
over all résumés; name, e-mail, phone, link, years (±0.5) and education-count accuracy as the
share of résumés read exactly right; then one row per résumé and what went wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.resumes.scoring import score_corpus


def main() -> None:
    print(score_corpus().format(details="--brief" not in sys.argv[1:]))


if __name__ == "__main__":
    main()
