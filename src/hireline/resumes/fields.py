"""The facts a recruiter looks for first, read from a résumé's plain text.

Pure functions, no I/O. Every pattern here is linear: no nested unbounded quantifiers, every
run capped, and the text itself capped, so no input can make a regex backtrack for long.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import phonenumbers

from hireline.resumes.taxonomy import load_taxonomy

MAX_SCAN_CHARS = 200_000  # a long CV is ~20 000 characters; the rest is not a résumé
MAX_LINE_CHARS = 500
MAX_LINES = 4_000
NAME_SCAN_LINES = 25

SectionKind = Literal["top", "experience", "education", "skills", "contact", "other"]


@dataclass(frozen=True)
class Education:
    """One degree or school entry, as much of it as the text says."""

    institution: str | None
    degree: str | None
    field: str | None
    end_year: int | None


@dataclass(frozen=True)
class WorkPeriod:
    """One dated job. A month runs to its last day; a bare year is taken as its middle
    ("2017 - 2019" is 1 July 2017 to 30 June 2019, two years)."""

    start: date
    end: date | None  # None: still there
    title: str | None
    employer: str | None


@dataclass(frozen=True)
class ResumeFields:
    """Everything `extract_fields` reads from one résumé."""

    name: str | None
    emails: list[str]
    phones: list[str]
    links: dict[str, list[str]]
    skills: list[str]
    years_experience: float | None
    work_history: list[WorkPeriod]
    education: list[Education]


def extract_fields(text: str, *, today: date, default_region: str | None = None) -> ResumeFields:
    """The fields found in `text`; what cannot be told is None or empty, never guessed wildly."""
    lines = _lines(text)
    sections = label_sections(lines)
    emails = find_emails(lines)
    phones = find_phones(lines, default_region.upper() if default_region else None)
    name = find_name(lines)
    links = find_links(lines, sections, emails)
    work_history = find_work_history(lines, sections, today=today)
    return ResumeFields(
        name=name,
        emails=emails,
        phones=phones,
        links=links,
        skills=find_skills(lines, name=name),
        years_experience=years_of_experience(work_history, today=today),
        work_history=work_history,
        education=find_education(lines, sections),
    )


def _lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text[:MAX_SCAN_CHARS])
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    lines = [line.strip()[:MAX_LINE_CHARS] for line in text.splitlines()[:MAX_LINES]]
    return _rejoin_broken_addresses(lines)


_ADDRESS_END = re.compile(r"\S{0,200}[@/.]\S{0,200}$")
_ADDRESS_REST = re.compile(r"[a-z0-9][\w./-]{0,40}")


def _rejoin_broken_addresses(lines: list[str]) -> list[str]:
    """Join an address a narrow column broke in two: "ana@mail.examp" + "le.com".

    A line ending in an address-like word is joined with a next line of one lower-case word,
    unless that word is an address of its own ("github.com/ana") and the first one looks
    complete; "github.com/ana" + "Skills" stays apart.
    """
    out: list[str] = []
    for line in lines:
        tail = _ADDRESS_END.search(out[-1]) if out else None
        if (
            tail
            and _ADDRESS_REST.fullmatch(line)
            and not heading_kind(line)
            and (not _HOST_START.match(line) or _unfinished_email(tail.group(0)))
        ):
            out[-1] += line
        else:
            out.append(line)
    return out


def _unfinished_email(word: str) -> bool:
    if "@" not in word:
        return False
    domain = word.rsplit("@", 1)[1]
    return "." not in domain or domain.rsplit(".", 1)[1] not in _TLD_SET


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- sections ------------------------------------------------------------------------------

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
        "academic history|qualifications|studies|formation|formations|études|diplômes|ausbildung|"
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
        "personal projects|languages|langues|sprachen|idiomas|certifications|certificates|"
        "zertifikate|awards|honours|honors|publications|interests|hobbies|loisirs|intérêts|"
        "interessen|volunteering|volunteer work|bénévolat|ehrenamt|references|références|"
        "referenzen|profil|perfil|résumé|kurzprofil|talks|open source|courses|training|"
        "achievements|activities|centres d'intérêt|voluntariado"
    ),
}
for _kind, _phrases in _HEADING_PHRASES.items():
    for _phrase in _phrases.split("|"):
        _HEADINGS[_phrase] = _kind

_HEADING_TRIM = re.compile(r"^[^\w]{0,10}|[^\w)]{0,10}$")
_HEADING_SPLIT = re.compile(r"\s{0,3}(?:\||:|\t)\s{0,3}")


def heading_kind(line: str) -> SectionKind | None:
    """The kind of section `line` opens, if it is a heading (alone or as a table-row label)."""
    if not line or len(line) > 60:
        return None
    label = _HEADING_SPLIT.split(line, maxsplit=1)[0]
    label = _HEADING_TRIM.sub("", label).lower()
    label = " ".join(label.split())
    return _HEADINGS.get(label)


def label_sections(lines: list[str]) -> list[SectionKind]:
    """For every line, the section it belongs to; lines before any heading are `top`."""
    current: SectionKind = "top"
    kinds: list[SectionKind] = []
    for line in lines:
        current = heading_kind(line) or current
        kinds.append(current)
    return kinds


# --- e-mail ---------------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![\w.+%-])([\w.+%-]{1,64})@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24})"
    r"(?![A-Za-z0-9-]|\.[A-Za-z0-9])"
)


def find_emails(lines: Iterable[str]) -> list[str]:
    """E-mail addresses, lower-cased, de-duplicated, in the order found."""
    found: list[str] = []
    for line in lines:
        if "@" not in line:
            continue
        for match in _EMAIL.finditer(line):
            local = match.group(1).strip(".")
            domain = match.group(2).strip("-")
            if not local or ".." in local:
                continue
            address = f"{local}@{domain}".lower()
            if address not in found:
                found.append(address)
    return found


# --- phones ---------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d")
_PHONE_LABEL = re.compile(
    r"(?i)\b(?:phone|tel|tél|téléphone|telefon|teléfono|telefono|mobile|mobil|portable|cell"
    r"|handy|móvil|whatsapp)\b\.?\s{0,3}[:.]?\s{0,3}(\+?\(?\d[\d ()./-]{5,22}\d)"
)


def find_phones(lines: Iterable[str], default_region: str | None) -> list[str]:
    """Phone numbers in E.164 when their country is known, else `+digits` or digits.

    National numbers ("020 7946 0958") are read in `default_region`, or else in the country
    of the first international number given.
    """
    candidates = [line for line in lines if len(_DIGITS.findall(line)) >= 7][:200]
    international = [_matches(line, None) for line in candidates]
    region = default_region if default_region in phonenumbers.SUPPORTED_REGIONS else None
    for matches in international:
        for match in matches:
            if region is None and match.region:
                region = match.region
    found: list[str] = []
    for line, plus_matches in zip(candidates, international, strict=True):
        matches = list(plus_matches)
        if region:
            matches.extend(
                match
                for match in _matches(line, region)
                if not any(match.overlaps(other) for other in plus_matches)
            )
        if not matches:
            labelled = _PHONE_LABEL.search(line)
            if labelled:
                raw = labelled.group(1)
                digits = "".join(_DIGITS.findall(raw))
                if 7 <= len(digits) <= 15:
                    number = ("+" if raw.startswith("+") else "") + digits
                    matches.append(_PhoneMatch(labelled.start(1), labelled.end(1), number, None))
        for match in sorted(matches, key=lambda match: match.start):
            if match.number not in found:
                found.append(match.number)
    return found


@dataclass(frozen=True)
class _PhoneMatch:
    start: int
    end: int
    number: str
    region: str | None

    def overlaps(self, other: _PhoneMatch) -> bool:
        return self.start < other.end and other.start < self.end


_PLUS_NUMBER = re.compile(r"(?<![\w+])\+\d[\d ().-]{6,20}\d")


def _matches(line: str, region: str | None) -> list[_PhoneMatch]:
    """Valid numbers in `line`; without a region only `+` numbers, kept even if not valid."""
    dated = [(found.first, found.last) for found in find_date_ranges(line, today=date.max)]
    out: list[_PhoneMatch] = []
    matcher = phonenumbers.PhoneNumberMatcher(
        line, region, leniency=phonenumbers.Leniency.VALID, max_tries=50
    )
    for match in matcher:
        if not match.raw_string.startswith("+") and any(
            match.start < last and first < match.end for first, last in dated
        ):
            continue  # "2015 - 2019" is not a phone number anywhere
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        country = phonenumbers.region_code_for_number(match.number)
        out.append(_PhoneMatch(match.start, match.end, number, country))
    if region is None:
        for plus in _PLUS_NUMBER.finditer(line):
            candidate = _PhoneMatch(plus.start(), plus.end(), "", None)
            digits = "".join(_DIGITS.findall(plus.group(0)))
            if 8 <= len(digits) <= 15 and not any(candidate.overlaps(other) for other in out):
                out.append(_PhoneMatch(plus.start(), plus.end(), "+" + digits, None))
    return out


# --- links ----------------------------------------------------------------------------------

_URL = re.compile(r"(?i)(?<![\w@./-])(?:https?://|www\.)[^\s<>\"'()\[\]{}|,;]{1,300}")
_TLDS = (
    "com|org|net|io|dev|me|co|uk|de|fr|es|it|nl|ch|at|be|pl|se|no|dk|fi|ie|pt|eu|in|us|ca|au"
    "|nz|jp|br|mx|ar|info|app|tech|ai|xyz|site|page|blog|online|codes|design|studio|work|page"
    "|website|one|cloud|digital|sh|is|cc|tv|fm|ly|gg|so|to|im|life|space|world|name"
)
_TLD_SET = set(_TLDS.split("|"))
_HOST_START = re.compile(r"(?:www\.|https?://|[a-z0-9-]{1,63}\.(?:" + _TLDS + r")(?:/|$))")
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./:-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,4}(?:" + _TLDS + r"))"
    r"(/[^\s<>\"'()\[\]{}|,;]{0,200})?(?![\w@-])"
)
_LINK_LABEL = re.compile(
    r"(?i)\b(?:website|web|site|portfolio|blog|homepage|home page|url|links?|online|webseite"
    r"|sitio|site web)\s{0,2}:"
)
_GITHUB_RESERVED = _words(
    "about features topics sponsors orgs marketplace pricing login join explore settings "
    "enterprise collections trending site"
)


def find_links(
    lines: list[str], sections: list[SectionKind], emails: Iterable[str]
) -> dict[str, list[str]]:
    """LinkedIn and GitHub profiles and personal websites, each normalised to an https URL.

    A site counts as personal when it is given as contact data: after a label such as
    "Portfolio:", on a line of addresses only (a page footer), or in a short line where contact
    data is (the top of the résumé, a contact section, next to an e-mail or phone). A company
    named in a sentence of a bullet point is not the candidate's site.
    """
    email_hosts = {address.rsplit("@", 1)[1] for address in emails}
    links: dict[str, list[str]] = {"linkedin": [], "github": [], "website": []}
    contact_lines = _contact_line_numbers(lines, sections)
    for number, line in enumerate(lines):
        if "." not in line:
            continue
        scrubbed = _EMAIL.sub(" ", line)
        for raw in _link_candidates(scrubbed):
            kind, url = _classify_link(raw)
            if kind is None or url is None:
                continue
            if kind == "website":
                host = url.split("/", 3)[2]
                bare_host = host.removeprefix("www.")
                if bare_host in email_hosts or host in email_hosts:
                    continue
                if not (
                    _LINK_LABEL.search(line)
                    or _prose_words(scrubbed) <= 2
                    or (number in contact_lines and _prose_words(scrubbed) <= 8)
                ):
                    continue
            if url not in links[kind]:
                links[kind].append(url)
    return links


def _prose_words(line: str) -> int:
    """How many words are left once addresses are taken out: contact lines have few."""
    words = _URL.sub(" ", _BARE_DOMAIN.sub(" ", line)).split()
    return sum(1 for word in words if any(character.isalpha() for character in word))


def _contact_line_numbers(lines: list[str], sections: list[SectionKind]) -> set[int]:
    near_contact: set[int] = set()
    for number, line in enumerate(lines):
        top = sections[number] == "top" and number < NAME_SCAN_LINES
        if top or sections[number] == "contact" or "@" in line or _PHONE_HINT.search(line):
            near_contact.update((number - 1, number, number + 1))
    return near_contact


_PHONE_HINT = re.compile(r"\+\d{1,3}[ .-]?\(?\d")


def _link_candidates(line: str) -> Iterator[str]:
    taken: list[tuple[int, int]] = []
    for match in _URL.finditer(line):
        taken.append(match.span())
        yield match.group(0)
    for match in _BARE_DOMAIN.finditer(line):
        if any(start <= match.start() < end for start, end in taken):
            continue
        yield match.group(0)


def _classify_link(raw: str) -> tuple[str | None, str | None]:
    raw = raw.rstrip(".,;:!?)/'\"")
    lowered = raw.lower()
    without_scheme = re.sub(r"^https?://", "", lowered)
    host, _, path = without_scheme.partition("/")
    host = host.split(":", 1)[0]
    bare_host = host.removeprefix("www.")
    if "." not in bare_host or not re.fullmatch(r"[a-z0-9.-]{3,253}", bare_host):
        return None, None
    segments = [segment for segment in path.split("/") if segment]
    if bare_host == "linkedin.com" or bare_host.endswith(".linkedin.com"):
        if len(segments) >= 2 and segments[0] in ("in", "pub"):
            return "linkedin", f"https://www.linkedin.com/in/{segments[1]}"
        return None, None
    if bare_host == "github.com":
        if segments and segments[0] not in _GITHUB_RESERVED:
            return "github", f"https://github.com/{segments[0]}"
        return None, None
    original_path = raw[len(raw) - len(path) :] if path else ""
    url = f"https://{host}" + (f"/{original_path}".rstrip("/") if original_path else "")
    return "website", url


# --- name -----------------------------------------------------------------------------------

_NAME_PARTICLES = _words(
    "de da das do dos del della di du des van von der den la le bin ibn al y e ter zu af"
)
_NOT_NAME_WORDS = _words(
    "resume résumé curriculum vitae cv lebenslauf profile profil contact summary engineer "
    "developer manager designer analyst scientist consultant director lead senior junior "
    "architect specialist officer intern head product software data backend frontend full stack "
    "full-stack devops administrator technician student graduate ingénieur développeur "
    "entwickler ingenieur ingeniero desarrollador chef responsable programmer researcher "
    "professor teacher nurse recruiter accountant coordinator assistant associate principal "
    "staff chief page mobile phone email e-mail address street road avenue university school "
    "college inc ltd gmbh llc sa sas ag team experience education skills projects london paris "
    "berlin madrid new san remote platform cloud machine learning web site reliability security "
    "qa test it ux ui marketing sales operations support customer business"
)
_NAME_SEPARATORS = re.compile(r"\s(?:\||·|•|\u2013|\u2014|-|/)\s|,|\t|\s{3,}")
_NAME_LABEL = re.compile(r"(?i)^(?:name|nom|nombre|vor- und nachname|full name)\s{0,3}:\s{0,3}")


def find_name(lines: list[str]) -> str | None:
    """The candidate's name: the first line near the top that reads as 2-4 name words."""
    for line in lines[:NAME_SCAN_LINES]:
        name = _name_in(line)
        if name:
            return name
    return None


def _name_in(line: str) -> str | None:
    if not line or heading_kind(line) or "@" in line or "://" in line or "www." in line:
        return None
    line = _NAME_LABEL.sub("", line)
    first = _NAME_SEPARATORS.split(line, maxsplit=1)[0].strip()
    words = first.split()
    taken: list[str] = []
    for word in words:
        if not _is_name_word(word, first_word=not taken):
            break
        taken.append(word)
    proper = [word for word in taken if word.lower() not in _NAME_PARTICLES]
    if not 2 <= len(proper) <= 4 or taken[-1].lower() in _NAME_PARTICLES:
        return None
    if len(taken) < len(words):
        rest = words[len(taken)]
        # "Ana Lima Silva Costa Rocha" is a list, not a name; "Ana Lima Senior ..." is fine.
        if rest[:1].isupper() and rest.lower().strip(".,") not in _NOT_NAME_WORDS:
            return None
    if all(word.isupper() for word in proper if len(word) > 2):
        taken = [_title_case(word) for word in taken]
    return " ".join(taken)


def _is_name_word(word: str, *, first_word: bool) -> bool:
    if word.lower() in _NAME_PARTICLES:
        return not first_word
    if word.lower().strip(".,") in _NOT_NAME_WORDS:
        return False
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return not first_word  # a middle initial
    parts = re.split(r"[-'\u2019]", word)
    for part in parts:
        if not part or not part.isalpha() or not part[0].isupper():
            # "d'Almeida", "McArthur" and "O'Neil" have lower-case parts or inner capitals
            if part and part.isalpha() and part in ("d", "l", "de", "da"):
                continue
            return False
    return len(word) <= 30


def _title_case(word: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)


# --- dates and work history ------------------------------------------------------------------

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
        if not has_experience:
            # The line says what the dates are about, or, if it holds only them, the one above.
            context = _DATE_TOKEN.sub("", joined)
            if sum(character.isalpha() for character in context) < 3 and number > 0:
                context = lines[number - 1]
            if _EDUCATION_WORDS.search(context):
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
            current["institution"] = (
                _DATE_TOKEN.sub("", segment).strip(" ,|\u2013\u2014-()") or None
            )
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
    return _DATE_TOKEN.sub("", segment).strip(" ,|\u2013\u2014-()") or None


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
        line = _EMAIL.sub(" ", line)
        line = _URL.sub(" ", line)
        line = _BARE_DOMAIN.sub(" ", line)
        if name:
            line = line.replace(name, " ")
        kept.append(line)
    # The taxonomy itself tells "R&D", "C-level" and "go live" from the skills R, C and Go.
    return list(load_taxonomy().find("\n".join(kept)))
