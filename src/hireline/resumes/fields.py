"""The facts a recruiter looks for first, read from a résumé's plain text: the entry point.

`extract_fields` cuts the text into lines and asks each reader for its part: `contacts`
(name, e-mails, phones, links), `dates` (work history, years of experience), and, here,
education and skills. `sections` labels the lines for all of them. The readers' public
names are re-exported so callers need import only this module.

Pure functions, no I/O. Every pattern is linear (no nested unbounded quantifiers, every run
capped) and the text itself is capped, so no input can make a regex backtrack for long.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from hireline.resumes.contacts import (
    NAME_SCAN_LINES,
    find_emails,
    find_links,
    find_location,
    find_name,
    find_name_with_confidence,
    find_phones,
    find_phones_with_confidence,
    rejoin_broken_addresses,
    remove_addresses,
)
from hireline.resumes.dates import (
    DateRange,
    WorkPeriod,
    find_date_ranges,
    find_work_history,
    remove_dates,
    years_of_experience,
)
from hireline.resumes.sections import SectionKind, heading_kind, label_sections
from hireline.resumes.taxonomy import load_taxonomy

__all__ = [
    "MAX_LINES",
    "MAX_LINE_CHARS",
    "MAX_SCAN_CHARS",
    "NAME_SCAN_LINES",
    "DateRange",
    "Education",
    "ResumeFields",
    "SectionKind",
    "WorkPeriod",
    "extract_fields",
    "find_date_ranges",
    "find_education",
    "find_emails",
    "find_links",
    "find_name",
    "find_phones",
    "find_skills",
    "find_work_history",
    "heading_kind",
    "label_sections",
    "years_of_experience",
]

MAX_SCAN_CHARS = 200_000  # a long CV is ~20 000 characters; the rest is not a résumé
MAX_LINE_CHARS = 500
MAX_LINES = 4_000


@dataclass(frozen=True)
class Education:
    """One degree or school entry, as much of it as the text says."""

    institution: str | None
    degree: str | None
    field: str | None
    end_year: int | None


@dataclass(frozen=True)
class ResumeFields:
    """Everything `extract_fields` reads from one résumé."""

    name: str | None
    emails: list[str]
    phones: list[str]
    location: str | None  # as written near the top ("Lyon, France")
    links: dict[str, list[str]]
    skills: list[str]
    years_experience: float | None
    work_history: list[WorkPeriod]
    education: list[Education]
    # How sure each reading is, 0-1 (0: nothing found), by the evidence it rests on.
    confidence: dict[str, float]


def extract_fields(
    text: str,
    *,
    today: date,
    default_region: str | None = None,
    home_region: str | None = None,
) -> ResumeFields:
    """The fields found in `text`; what cannot be told is None or empty, never guessed wildly.

    National phone numbers are read in `home_region` (the country of the candidate's stated
    location), else in that of the location the résumé gives, else as `find_phones` says,
    ending with `default_region` (the job's or the organisation's country).
    """
    lines = _lines(text)
    sections = label_sections(lines)
    emails = find_emails(lines)
    location = find_location(lines, sections)
    home = home_region.upper() if home_region else (location[1] if location else None)
    phones, phone_confidence = find_phones_with_confidence(
        lines, default_region.upper() if default_region else None, home_region=home
    )
    found_name = find_name_with_confidence(lines, sections)
    name = found_name.name if found_name else None
    links = find_links(lines, sections, emails)
    work_history = find_work_history(lines, sections, today=today)
    skills = find_skills(lines, name=name)
    education = find_education(lines, sections)
    years = years_of_experience(work_history, today=today)
    return ResumeFields(
        name=name,
        emails=emails,
        phones=phones,
        location=location[0] if location else None,
        links=links,
        skills=skills,
        years_experience=years,
        work_history=work_history,
        education=education,
        confidence={
            "name": found_name.confidence if found_name else 0.0,
            "emails": 1.0 if emails else 0.0,
            "phones": phone_confidence,
            "location": (1.0 if home_region else 0.7) if location else 0.0,
            "links": _links_confidence(links),
            "skills": (0.9 if "skills" in sections else 0.7) if skills else 0.0,
            "years_experience": _years_confidence(years, work_history, sections),
            "education": (0.9 if "education" in sections else 0.6) if education else 0.0,
        },
    )


def _links_confidence(links: dict[str, list[str]]) -> float:
    # Profile URLs have a fixed shape; a personal site is told from prose by its context.
    if links.get("website"):
        return 0.7
    return 1.0 if any(links.values()) else 0.0


def _years_confidence(
    years: float | None, history: list[WorkPeriod], sections: list[SectionKind]
) -> float:
    if years is None:
        return 0.0
    # Without an experience heading, dates are told from education by the words around them.
    confidence = 0.9 if "experience" in sections else 0.6
    if any(period.start.month == 7 and period.start.day == 1 for period in history):
        confidence -= 0.2  # a bare year ("2017 - 2019") is read as its middle
    return round(confidence, 2)


def _lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text[:MAX_SCAN_CHARS])
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    lines = [line.strip()[:MAX_LINE_CHARS] for line in text.splitlines()[:MAX_LINES]]
    return rejoin_broken_addresses(lines)


# --- education ------------------------------------------------------------------------------

_DEGREE = re.compile(
    r"(?i)(?<![\w])(?:bachelor(?:'s|\u2019s)?(?:\sof\s(?:science|arts|engineering))?|master(?:'s|\u2019s)?"
    r"(?:\sof\s(?:science|arts|engineering|business administration))?|b\.?\s?sc\.?|m\.?\s?sc\.?"
    r"|ph\.?\s?d\.?|doctorate|doktor|dr\.|mba|b\.a\.|m\.a\.|ba|ma|bs|ms|beng|meng|b\.?\s?tech"
    r"|m\.?\s?tech|b\.?e\.|licence|master\s?\d|diplôme(?:\sd['\u2019]ingénieur)?|dipl\.-\w{2,4}\.?"
    r"|diplom(?:-\w{2,12})?|abitur|baccalauréat|bac\s?\+\s?\d|dut|bts|grado|licenciatura"
    r"|máster|maestría|mestrado|doctorado|ingeniero|ingénieur|associate(?:'s)? degree"
    r"|high school diploma|a-levels|staatsexamen|magister|hnd)(?![\w])"
)
_INSTITUTION = re.compile(
    r"(?i)(?:universit(?:y|ät|é|at|ad|à)|college|school|école|ecole|hochschule|institute"
    r"|institut|polytechnic|politécnica|politecnico|academy|akademie|lycée|gymnasium"
    r"|\bIIT\b|\bETH\b|\bEPFL\b|\bMIT\b|\bTU\b|\bUCL\b|sorbonne|insa\b|hec\b)"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_FIELD = re.compile(r"(?i)\b(?:in|of|en|in der|im fach)\s([^,|\u2013\u2014()\d]{3,60})")
_SEGMENT_SPLIT = re.compile(r"\s[|\u2013\u2014-]\s|,\s|\t|\s·\s")


def find_education(lines: list[str], sections: list[SectionKind]) -> list[Education]:
    """Degrees, one per entry of the education section (or of degree lines without one)."""
    has_section = "education" in sections
    entries: list[dict[str, str | int | None]] = []
    current: dict[str, str | int | None] | None = None
    for number, line in enumerate(lines):
        if not line or heading_kind(line):
            continue
        if has_section and sections[number] != "education":
            current = None
            continue
        degree = _DEGREE.search(line)
        institution = _INSTITUTION.search(line)
        if not has_section and not (degree and institution):
            continue
        if not has_section and sections[number] == "experience":
            continue
        if degree or institution:
            starts_entry = (
                current is None
                or (degree is not None and current["degree"] is not None)
                or (institution is not None and current["institution"] is not None)
            )
            if starts_entry:
                current = {"institution": None, "degree": None, "field": None, "end_year": None}
                entries.append(current)
        if current is None:
            continue
        segments = [segment.strip(" •") for segment in _SEGMENT_SPLIT.split(line)]
        if degree and current["degree"] is None:
            segment = next((s for s in segments if _DEGREE.search(s)), line)
            current["degree"] = _without_dates(segment)
            field = _FIELD.search(segment[degree.end() :] if degree.end() < len(line) else "")
            if field:
                current["field"] = field.group(1).strip()
        if institution and current["institution"] is None:
            segment = next((s for s in segments if _INSTITUTION.search(s)), line)
            current["institution"] = _without_dates(segment)
        years = [int(year) for year in _YEAR.findall(line)]
        if years:
            previous = current["end_year"]
            current["end_year"] = max([*years, previous] if isinstance(previous, int) else years)
    return [
        Education(
            institution=_str_or_none(entry["institution"]),
            degree=_str_or_none(entry["degree"]),
            field=_str_or_none(entry["field"]),
            end_year=entry["end_year"] if isinstance(entry["end_year"], int) else None,
        )
        for entry in entries
        if entry["degree"] is not None or entry["institution"] is not None
    ]


def _without_dates(segment: str) -> str | None:
    return remove_dates(segment).strip(" ,|\u2013\u2014-()") or None


def _str_or_none(value: str | int | None) -> str | None:
    return value if isinstance(value, str) else None


# --- skills ---------------------------------------------------------------------------------


def find_skills(lines: list[str], *, name: str | None) -> list[str]:
    """Canonical skill names the taxonomy finds, in text stripped of addresses and the name.

    E-mail addresses and URLs ("github.com/...") and the candidate's own name ("Julia Ruby")
    would otherwise read as skills.
    """
    kept: list[str] = []
    for line in lines:
        line = remove_addresses(line)
        if name:
            line = line.replace(name, " ")
        kept.append(line)
    # The taxonomy itself tells "R&D", "C-level" and "go live" from the skills R, C and Go.
    return list(load_taxonomy().find("\n".join(kept)))
