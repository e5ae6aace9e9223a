"""Which section of a résumé each line belongs to, told by its headings.

Shared by the date/history, contact and education readers, so it depends on none of them.
Headings are matched whole against a fixed list, in English, French, German, Spanish,
Italian and Portuguese; nothing here can backtrack.
"""

from __future__ import annotations

import re
from typing import Literal

SectionKind = Literal["top", "experience", "education", "skills", "contact", "other"]

_HEADINGS: dict[str, SectionKind] = {}
_HEADING_PHRASES: dict[SectionKind, str] = {
    "experience": (
        "experience|work experience|professional experience|work history|employment|"
        "employment history|career|career history|relevant experience|professional background|"
        "positions|experience professionnelle|expériences professionnelles|"
        "expérience professionnelle|expérience|expériences|parcours professionnel|"
        "berufserfahrung|beruflicher werdegang|berufliche erfahrung|berufspraxis|experiencia|"
        "experiencia laboral|experiencia profesional|trayectoria profesional|esperienza|"
        "esperienze lavorative|experiência|experiência profissional|work|professional history|"
        "industry experience"
    ),
    "education": (
        "education|academic background|education and training|education & training|"
        "academic history|qualifications|studies|academic qualifications|education history|"
        "certification|certifications|formation|formations|études|diplômes|ausbildung|"
        "bildungsweg|studium|akademischer werdegang|educación|formación|formación académica|"
        "istruzione|degrees|formação|formação académica"
    ),
    "skills": (
        "skills|technical skills|key skills|core skills|skills & tools|skills and tools|"
        "technologies|tech stack|tools|competencies|core competencies|compétences|"
        "compétences techniques|kenntnisse|fähigkeiten|it-kenntnisse|technische kenntnisse|"
        "habilidades|competencias|conocimientos|stack|expertise|toolbox"
    ),
    "contact": (
        "contact|contact details|contact information|kontakt|coordonnées|contacto|links|online|"
        "profiles|personal details|persönliche daten"
    ),
    "other": (
        "summary|profile|professional summary|about|about me|objective|projects|side projects|"
        "personal projects|languages|langues|sprachen|idiomas|certificates|licenses|"
        "zertifikate|awards|honours|honors|publications|interests|hobbies|loisirs|intérêts|"
        "interessen|volunteering|volunteer work|bénévolat|ehrenamt|references|références|"
        "referenzen|profil|perfil|résumé|kurzprofil|talks|open source|courses|training|"
        "achievements|activities|centres d'intérêt|voluntariado"
    ),
}
for _kind, _phrases in _HEADING_PHRASES.items():
    for _phrase in _phrases.split("|"):
        _HEADINGS[_phrase] = _kind

_HEADING_TRIM = re.compile(r"^(?:[^\w]|_){0,10}|(?:[^\w)]|_){0,80}$")
_HEADING_SPLIT = re.compile(r"\s{0,3}(?:\||:|\t)\s{0,3}")
# "Education & Certification", "Certifications and Education": a heading joining two.
_HEADING_JOIN = re.compile(r"\s(?:&|and|\+|/|et|und|y)\s|,\s|\s/\s")
# A mixed heading is the section of its most specific part: degrees and certificates together
# are read as education (a certificate is never a job), experience beats the rest.
_JOINED_PRIORITY: tuple[SectionKind, ...] = (
    "education",
    "experience",
    "skills",
    "contact",
    "other",
)


def heading_kind(line: str) -> SectionKind | None:
    """The kind of section `line` opens, if it is a heading (alone or as a table-row label).

    Headings are recognised in capitals, with a colon, or followed by a rule of dashes,
    underscores or box-drawing lines ("WORK HISTORY ─────").
    """
    if not line or len(line) > 140:
        return None
    label = _HEADING_SPLIT.split(line, maxsplit=1)[0]
    label = _HEADING_TRIM.sub("", label).lower()
    label = " ".join(label.split())
    if not label or len(label) > 60:
        return None
    kind = _HEADINGS.get(label)
    if kind is None and _HEADING_JOIN.search(label):
        parts = [_HEADINGS.get(part.strip()) for part in _HEADING_JOIN.split(label)]
        if all(parts):
            kind = next(k for k in _JOINED_PRIORITY if k in parts)
    return kind


def label_sections(lines: list[str]) -> list[SectionKind]:
    """For every line, the section it belongs to; lines before any heading are `top`."""
    current: SectionKind = "top"
    kinds: list[SectionKind] = []
    for line in lines:
        current = heading_kind(line) or current
        kinds.append(current)
    return kinds
