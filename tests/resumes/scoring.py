"""How well fields are read from the corpus's real files: build, extract text, read fields, score.

Used by `test_quality.py` (which asserts floors) and `bench/resume_quality.py` (which prints).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from hireline.resumes.extract import extract_text
from hireline.resumes.fields import ResumeFields, extract_fields
from tests.resumes.corpus_builder import CorpusResume, build, fold_for_pdf, load_corpus
from tests.resumes.generated import GeneratedResume, build_file

YEARS_TOLERANCE = 0.5


@dataclass(frozen=True)
class ResumeScore:
    """What was read from one résumé, next to what should have been."""

    resume: CorpusResume
    fields: ResumeFields
    seconds: float
    years_tolerance: float = YEARS_TOLERANCE

    def _fold(self, text: str) -> str:
        return fold_for_pdf(text) if self.resume.layout.startswith("pdf-") else text

    @property
    def skills_found(self) -> set[str]:
        return set(self.fields.skills)

    @property
    def skills_expected(self) -> set[str]:
        return set(self.resume.expected.skills)

    @property
    def name_ok(self) -> bool:
        expected = self.resume.expected.name
        return self.fields.name == (self._fold(expected) if expected else None)

    @property
    def emails_ok(self) -> bool:
        return set(self.fields.emails) == set(self.resume.expected.emails)

    @property
    def phones_ok(self) -> bool:
        return set(self.fields.phones) == set(self.resume.expected.phones)

    @property
    def links_ok(self) -> bool:
        found = {kind: set(urls) for kind, urls in self.fields.links.items() if urls}
        expected = {kind: set(urls) for kind, urls in self.resume.expected.links.items() if urls}
        return found == expected

    @property
    def years_ok(self) -> bool:
        expected = self.resume.expected.years_experience
        found = self.fields.years_experience
        if expected is None or found is None:
            return expected is found
        return abs(found - expected) <= self.years_tolerance

    @property
    def education_ok(self) -> bool:
        return len(self.fields.education) == self.resume.expected.education

    def problems(self) -> list[str]:
        """One line per field read wrongly, saying what was read and what was expected."""
        expected = self.resume.expected
        out: list[str] = []
        missing = self.skills_expected - self.skills_found
        extra = self.skills_found - self.skills_expected
        if missing:
            out.append(f"skills missed: {sorted(missing)}")
        if extra:
            out.append(f"skills wrongly found: {sorted(extra)}")
        checks = (
            (self.name_ok, "name", self.fields.name, expected.name),
            (self.emails_ok, "emails", self.fields.emails, expected.emails),
            (self.phones_ok, "phones", self.fields.phones, expected.phones),
            (self.links_ok, "links", self.fields.links, expected.links),
            (self.years_ok, "years", self.fields.years_experience, expected.years_experience),
            (self.education_ok, "education", len(self.fields.education), expected.education),
        )
        for ok, label, found, wanted in checks:
            if not ok:
                out.append(f"{label}: read {found!r}, expected {wanted!r}")
        return out


@dataclass
class QualityReport:
    """Micro-averaged skill precision and recall; per-field accuracies over the résumés."""

    scores: list[ResumeScore] = field(default_factory=list)

    def _share(self, name: str) -> float:
        if not self.scores:
            return 0.0
        return sum(bool(getattr(score, name)) for score in self.scores) / len(self.scores)

    @property
    def _tolerance(self) -> float:
        return self.scores[0].years_tolerance if self.scores else YEARS_TOLERANCE

    @property
    def skills_precision(self) -> float:
        found = sum(len(score.skills_found) for score in self.scores)
        right = sum(len(score.skills_found & score.skills_expected) for score in self.scores)
        return right / found if found else 0.0

    @property
    def skills_recall(self) -> float:
        expected = sum(len(score.skills_expected) for score in self.scores)
        right = sum(len(score.skills_found & score.skills_expected) for score in self.scores)
        return right / expected if expected else 0.0

    @property
    def figures(self) -> dict[str, float]:
        return {
            "skills precision": self.skills_precision,
            "skills recall": self.skills_recall,
            "name accuracy": self._share("name_ok"),
            "e-mail accuracy": self._share("emails_ok"),
            "phone accuracy": self._share("phones_ok"),
            "link accuracy": self._share("links_ok"),
            f"years accuracy (±{self._tolerance:g})": self._share("years_ok"),
            "education count accuracy": self._share("education_ok"),
        }

    def format(self, *, details: bool = True) -> str:
        """The report as a plain-text table, then what went wrong per résumé."""
        layouts = sorted({score.resume.layout for score in self.scores})
        total = sum(score.seconds for score in self.scores)
        lines = [
            f"Résumé field extraction: {len(self.scores)} résumés, layouts {', '.join(layouts)}",
            f"{'figure':<30} {'value':>7}",
            f"{'-' * 30} {'-' * 7}",
        ]
        lines += [f"{label:<30} {value:>7.1%}" for label, value in self.figures.items()]
        lines.append(
            f"{'time per résumé (ms)':<30} {1000 * total / max(len(self.scores), 1):>7.1f}"
        )
        header = f"{'résumé':<34} {'layout':<19} name mail tel  link yrs  edu  skills P/R"
        lines += ["", header, "-" * len(header)]
        for score in self.scores:
            marks = [
                score.name_ok,
                score.emails_ok,
                score.phones_ok,
                score.links_ok,
                score.years_ok,
                score.education_ok,
            ]
            found = len(score.skills_found)
            right = len(score.skills_found & score.skills_expected)
            lines.append(
                f"{score.resume.key[:34]:<34} {score.resume.layout:<19} "
                + " ".join(f"{'ok' if mark else 'NO':<4}" for mark in marks)
                + f" {right}/{found} of {len(score.skills_expected)}"
            )
        if details:
            for score in self.scores:
                problems = score.problems()
                if problems:
                    lines.append(f"\n{score.resume.key}:")
                    lines += [f"  {problem}" for problem in problems]
        return "\n".join(lines)


def score_resume(
    resume: CorpusResume,
    file: tuple[bytes, str] | None = None,
    *,
    years_tolerance: float = YEARS_TOLERANCE,
) -> ResumeScore:
    """Build the file (unless given), read its text back, read the fields from the text."""
    data, content_type = file or build(resume)
    started = time.perf_counter()
    text = extract_text(data, content_type)
    fields = extract_fields(text, today=resume.today, default_region=resume.default_region)
    return ResumeScore(resume, fields, time.perf_counter() - started, years_tolerance)


def score_corpus(resumes: list[CorpusResume] | None = None) -> QualityReport:
    """Scores for every résumé of the corpus."""
    return QualityReport([score_resume(resume) for resume in resumes or load_corpus()])


# The goals are judged within a year: a résumé giving years only cannot say more.
GENERATED_YEARS_TOLERANCE = 1.0


def score_generated(resumes: list[GeneratedResume]) -> QualityReport:
    """Scores for generated résumés, each built in its own layout and encoding."""
    return QualityReport(
        [
            score_resume(
                generated.resume,
                build_file(generated),
                years_tolerance=GENERATED_YEARS_TOLERANCE,
            )
            for generated in resumes
        ]
    )
