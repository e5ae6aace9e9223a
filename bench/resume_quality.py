"""Prints how well résumé fields are read: the generated held-out corpus, then the files
written by hand for the tests.

    .venv/bin/python bench/resume_quality.py [--brief] [--dev] [--quick]

The generated corpus (`tests/resumes/generated.py`: PDF in one and two columns and with
tables, DOCX with tables or header/footer contacts, text in UTF-8, UTF-16, Windows-1252 and
Latin-1; names, countries, phone formats, heading styles and date formats drawn per seed) is
split: the parser was tuned on the dev seeds; the validation seeds' misses were read once
(and fixed as a class); the held-out seeds, drawn after that, are only measured. `--dev`
prints the dev and validation seeds too. Skills precision and recall are micro-averaged;
the other figures are the share of résumés read exactly right (years within one year on the
generated corpus, half a year on the hand-written one).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.resumes.generated import DEV_SEEDS, HELD_OUT_SEEDS, VALIDATION_SEEDS, corpus
from tests.resumes.scoring import score_corpus, score_generated


def main() -> None:
    # `--quick` (make bench): figures only, over the first 20 held-out seeds.
    quick = "--quick" in sys.argv[1:]
    details = "--brief" not in sys.argv[1:] and not quick
    held_out = HELD_OUT_SEEDS[:20] if quick else HELD_OUT_SEEDS
    print("== Generated corpus, held-out seeds (never used for tuning) ==")
    print(score_generated(corpus(held_out)).format(details=details))
    if "--dev" in sys.argv[1:]:
        print("\n== Generated corpus, validation seeds (misses read once) ==")
        print(score_generated(corpus(VALIDATION_SEEDS)).format(details=details))
        print("\n== Generated corpus, dev seeds (tuned on) ==")
        print(score_generated(corpus(DEV_SEEDS)).format(details=details))
    print("\n== Hand-written test corpus (tuned on: a regression guard) ==")
    print(score_corpus().format(details=details))


if __name__ == "__main__":
    main()
