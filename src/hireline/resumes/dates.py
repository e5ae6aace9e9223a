"""Dates in résumé text: date ranges, the dated jobs they mark, and years of experience.

Pure functions, no I/O. Every pattern is linear (no nested unbounded quantifiers, every run
capped), so no line can make a regex backtrack for long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from hireline.resumes.sections import SectionKind, heading_kind


@dataclass(frozen=True)
class WorkPeriod:
    """One dated job. A month runs to its last day; a bare year is taken as its middle
    ("2017 - 2019" is 1 July 2017 to 30 June 2019, two years)."""

    start: date
    end: date | None  # None: still there
    title: str | None
    employer: str | None


_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january janv janvier januar jänner jaenner enero ene gennaio",
        "feb february fév févr février fevrier februar febrero febbraio",
        "mar march mars märz maerz marz marzo",
        "apr april avr avril abril abr aprile",
        "may mai mayo maggio",
        "jun june juin juni junio giugno",
        "jul july juil juillet juli julio luglio",
        "aug august août aout agosto ago",
        "sep sept set september septembre septiembre setiembre settembre",
        "oct october octobre oktober okt octubre ottobre",
        "nov november novembre noviembre",
        "dec december déc déc décembre decembre dezember dez diciembre dic dicembre",
    ),
    start=1,
):
    for _month_name in _names.split():
        _MONTHS[_month_name] = _number

_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PRESENT_ALT = (
    "present|presently|current|currently|now|today|ongoing|date|aujourd['\u2019]hui|présent"
    "|actuel|actuellement|heute|jetzt|aktuell|laufend|actualidad|presente|hoy|oggi"
)
_DATE_TOKEN = re.compile(
    r"(?i)(?<![\w])(?:"
    rf"(?P<mname>{_MONTH_ALT})\.?(?:\s(?P<mday>[0-3]?\d))?,?\s{{0,2}}"
    r"(?P<myear>(?:19|20)\d{2}|['\u2019]\d{2})"
    r"|(?P<iyear>(?:19|20)\d{2})[-/.](?P<imonth>1[0-2]|0?[1-9])(?![\d])"
    r"|(?:[0-3]?\d[./])?(?P<nmonth>1[0-2]|0?[1-9])[/.-](?P<nyear>(?:19|20)\d{2})"
    r"|(?P<year>(?:19|20)\d{2})"
    rf"|(?P<monly>{_MONTH_ALT})\.?"
    rf"|(?P<now>{_PRESENT_ALT})"
    r")(?![\w])"
)
_RANGE_SEPARATOR = re.compile(
    r"(?i)(?:[-\u2013\u2014\u2212~→>]{1,2}|to|till|until|through|thru|bis|à|au|a|al|hasta|jusqu['\u2019]à"
    r"|[-\u2013\u2014]\s?(?:to|bis))"
)
_SINCE = re.compile(r"(?i)(?:since|seit|depuis|desde|dès|ab|from|von|de)\s{0,2}:?\s{0,2}$")
_RANGE_CONTINUES = re.compile(r"(?i)(?:[-\u2013\u2014]|\bto|\bbis|\bau|\bhasta)$")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    year: int | None
    month: int | None
    present: bool
    month_only: bool


@dataclass(frozen=True)
class DateRange:
    """A span as written: `end` None means up to now; bare years are taken as their middle."""

    start: date
    end: date | None
    first: int  # where the range starts and ends in its line
    last: int


def _tokens(line: str, today: date) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _DATE_TOKEN.finditer(line):
        group = match.group
        year: int | None = None
        month: int | None = None
        if group("mname"):
            month = _MONTHS[group("mname").lower()]
            raw_year = group("myear")
            if raw_year[0] in "'\u2019":
                two = int(raw_year[1:])
                year = 2000 + two if two <= today.year % 100 + 1 else 1900 + two
            else:
                year = int(raw_year)
        elif group("iyear"):
            year, month = int(group("iyear")), int(group("imonth"))
        elif group("nyear"):
            year, month = int(group("nyear")), int(group("nmonth"))
        elif group("year"):
            year = int(group("year"))
        elif group("monly"):
            month = _MONTHS[group("monly").lower()]
        tokens.append(
            _Token(
                start=match.start(),
                end=match.end(),
                year=year,
                month=month,
                present=bool(group("now")),
                month_only=bool(group("monly")),
            )
        )
    return tokens


def remove_dates(text: str) -> str:
    """`text` with every date, month name and "present" word taken out."""
    return _DATE_TOKEN.sub("", text)


def find_date_ranges(line: str, *, today: date) -> list[DateRange]:
    """Date ranges in one line: "Jan 2019 - Present", "03/2019 to 07/2021", "since 2021"..."""
    tokens = _tokens(line, today)
    ranges: list[DateRange] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            following is not None
            and not token.present
            and (following.year is not None or following.present)
            and _RANGE_SEPARATOR.fullmatch(line[token.end : following.start].strip())
        ):
            start_year = token.year
            if token.month_only:
                if following.year is None or token.month is None:
                    index += 1
                    continue
                later = following.month is not None and token.month > following.month
                start_year = following.year - 1 if later else following.year
            if start_year is not None:
                start = _start_date(start_year, token.month)
                end = None if following.present else _end_date(following, start)
                ranges.append(DateRange(start, end, token.start, following.end))
                index += 2
                continue
        if token.year is not None and not token.present and _SINCE.search(line[: token.start]):
            start = _start_date(token.year, token.month)
            ranges.append(DateRange(start, None, token.start, token.end))
        index += 1
    return ranges


def _start_date(year: int, month: int | None) -> date:
    return date(year, month or 7, 1)


def _end_date(token: _Token, start: date) -> date:
    assert token.year is not None
    if token.month:
        following = date(token.year + token.month // 12, token.month % 12 + 1, 1)
        return following - timedelta(days=1)
    if token.year <= start.year:
        return date(token.year, 12, 31)
    return date(token.year, 6, 30)


_EDUCATION_WORDS = re.compile(
    r"(?i)\b(?:universit(?:y|ät|é|at|ad|à)|college|school|école|hochschule|institute|institut"
    r"|bachelor|master|m\.?sc|b\.?sc|ph\.?d|mba|b\.?a\.|m\.?a\.|beng|meng|b\.?tech|m\.?tech"
    r"|diplom|diplôme|licence|abitur|baccalauréat|doctorate|degree|graduated|grado|máster"
    r"|licenciatura|maestría|mestrado|lycée|gymnasium|polytechnic|politécnica|politecnico|academy|akademie)\b"
)
# Degrees and certificates by name ("Scrum Master" alone is a job, "Master of ..." is not).
_CREDENTIAL_WORDS = re.compile(
    r"(?i)\b(?:certified|certification|certificate|bachelor(?:'s)?|master of|master's"
    r"|b\.?sc|m\.?sc|ph\.?d|mba|diploma|degree)\b"
)
_TITLE_EMPLOYER = re.compile(r"\s(?:at|@|chez|bei|en)\s|\s[|\u2013\u2014-]\s|,\s|\t")


def find_work_history(
    lines: list[str], sections: list[SectionKind], *, today: date
) -> list[WorkPeriod]:
    """Dated jobs: ranges in the experience section (or, without one, outside education)."""
    has_experience = "experience" in sections
    periods: list[WorkPeriod] = []
    for number, line in enumerate(lines):
        if not any(character.isdigit() for character in line):
            continue
        section = sections[number]
        if has_experience and section != "experience":
            continue
        if not has_experience and section in ("education", "skills", "other"):
            continue
        joined = line
        if _RANGE_CONTINUES.search(line) and number + 1 < len(lines):
            joined = f"{line} {lines[number + 1]}"
        ranges = find_date_ranges(joined, today=today)
        if not ranges:
            continue
        # The line says what the dates are about, or, if it holds only them, the one above.
        context = _DATE_TOKEN.sub("", joined)
        if sum(character.isalpha() for character in context) < 3 and number > 0:
            context = lines[number - 1]
        if _CREDENTIAL_WORDS.search(context):
            continue  # a degree or a certificate listed among the jobs is still not a job
        if not has_experience and _EDUCATION_WORDS.search(context):
            continue
        for found in ranges:
            if found.start > today:
                continue
            title, employer = _title_and_employer(lines, number, joined, found)
            periods.append(WorkPeriod(found.start, found.end, title, employer))
    return periods


def _title_and_employer(
    lines: list[str], number: int, line: str, found: DateRange
) -> tuple[str | None, str | None]:
    rest = (line[: found.first] + " " + line[found.last :]).strip(" |\u2013\u2014-,:()\t")
    rest = _DATE_TOKEN.sub("", rest).strip(" |\u2013\u2014-,:()\t")
    if len(rest) < 3 and number > 0:
        rest = lines[number - 1].strip(" |\u2013\u2014-,:()\t•")
        if heading_kind(rest) or find_date_ranges(rest, today=found.start):
            return None, None
    if not rest or len(rest) > 120:
        return None, None
    parts = [part.strip(" |\u2013\u2014-,:()") for part in _TITLE_EMPLOYER.split(rest, maxsplit=1)]
    title = parts[0] or None
    employer = parts[1] if len(parts) > 1 and parts[1] else None
    return title, employer


def years_of_experience(periods: Iterable[WorkPeriod], *, today: date) -> float | None:
    """Years covered by the periods, overlaps counted once, to one decimal."""
    spans: list[tuple[date, date]] = []
    for period in periods:
        end = min(period.end or today, today) + timedelta(days=1)
        if period.start < end:
            spans.append((period.start, end))
    if not spans:
        return None
    spans.sort()
    days = 0
    current_start, current_end = spans[0]
    for start, end in spans[1:]:
        if start <= current_end:
            current_end = max(current_end, end)
        else:
            days += (current_end - current_start).days
            current_start, current_end = start, end
    days += (current_end - current_start).days
    return round(days / 365.25, 1)
