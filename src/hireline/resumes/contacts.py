"""Who the résumé is from and how to reach them: name, e-mails, phones and profile links.

Pure functions, no I/O. Every pattern is linear (no nested unbounded quantifiers, every run
capped), so no line can make a regex backtrack for long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

import phonenumbers

from hireline.resumes.dates import find_date_ranges
from hireline.resumes.places import country_of
from hireline.resumes.sections import SectionKind, heading_kind

NAME_SCAN_LINES = 25  # the name, and contact data without a heading, are near the top


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ADDRESS_END = re.compile(r"\S{0,200}[@/.]\S{0,200}$")
_ADDRESS_REST = re.compile(r"\.?[a-z0-9][\w./-]{0,40}")


def rejoin_broken_addresses(lines: list[str]) -> list[str]:
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
            and len(_DIGITS.findall(line)) < 6  # a phone number on the next line is not the rest
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


def find_phones(
    lines: Iterable[str], default_region: str | None, *, home_region: str | None = None
) -> list[str]:
    """Phone numbers in E.164 when their country is known (see `find_phones_with_confidence`)."""
    return find_phones_with_confidence(lines, default_region, home_region=home_region)[0]


# How sure a number's reading is, by what told its country.
_PHONE_CONFIDENCE = {"written": 1.0, "home": 0.9, "international": 0.8, "default": 0.6}


def find_phones_with_confidence(
    lines: Iterable[str], default_region: str | None, *, home_region: str | None = None
) -> tuple[list[str], float]:
    """Phone numbers in E.164 when their country is known, else `+digits` or digits, and how
    sure the reading is (0-1; the least sure number's).

    A number with its country code is read as written. National numbers ("020 7946 0958",
    "(415) 555-0134") are read in `home_region` (the country the candidate says they live
    in), else in the country of the first international number given, else in
    `default_region` (the job's or the organisation's country).
    """
    candidates = [line for line in lines if len(_DIGITS.findall(line)) >= 7][:200]
    international = [_matches(line, None) for line in candidates]
    region = home_region if home_region in phonenumbers.SUPPORTED_REGIONS else None
    source = "home"
    for matches in international:
        for match in matches:
            if region is None and match.region:
                region, source = match.region, "international"
    if region is None and default_region in phonenumbers.SUPPORTED_REGIONS:
        region, source = default_region, "default"
    found: list[str] = []
    confidence = 1.0
    for line, plus_matches in zip(candidates, international, strict=True):
        matches = list(plus_matches)
        if region:
            national = [
                match
                for match in _matches(line, region)
                if not any(match.overlaps(other) for other in plus_matches)
            ]
            if national:
                confidence = min(confidence, _PHONE_CONFIDENCE[source])
            matches.extend(national)
        if not matches:
            labelled = _PHONE_LABEL.search(line)
            if labelled:
                raw = labelled.group(1)
                digits = "".join(_DIGITS.findall(raw))
                if 7 <= len(digits) <= 15:
                    number = ("+" if raw.startswith("+") else "") + digits
                    matches.append(_PhoneMatch(labelled.start(1), labelled.end(1), number, None))
                    confidence = min(confidence, 0.4)  # digits, not a number known valid
        for match in sorted(matches, key=lambda match: match.start):
            if match.number not in found:
                found.append(match.number)
    return found, confidence if found else 0.0


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


# --- location -------------------------------------------------------------------------------

_LOCATION_SPLIT = re.compile(r"\s[|·•\u2013\u2014]\s|\t|\s{3,}|\s/\s")
_LOCATION_LABEL = re.compile(
    r"(?i)^(?:location|address|based in|lives in|adresse|wohnort|ubicación|domicilio|ville)"
    r"\s{0,3}:?\s{0,3}"
)


def find_location(lines: list[str], sections: list[SectionKind]) -> tuple[str, str] | None:
    """Where the candidate says they live, from the contact lines near the top: the place as
    written ("Berlin, Germany") and its country code; None if no line there names a country."""
    for number, line in enumerate(lines[:NAME_SCAN_LINES]):
        if sections[number] not in ("top", "contact") or heading_kind(line):
            continue
        for chunk in _LOCATION_SPLIT.split(line):
            chunk = _LOCATION_LABEL.sub("", _EMAIL.sub(" ", chunk)).strip(" ,;")
            if not chunk or "/" in chunk or len(chunk.split()) > 6 or len(chunk) > 80:
                continue
            country = country_of(chunk)
            if country:
                return chunk, country
    return None


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


_ADDRESS_LABEL = re.compile(
    r"(?i)\b(?:github|gitlab|linkedin|e-?mail|web|website|portfolio|blog)\s{0,2}:\s{0,2}"
    r"(?=\S{0,200}[@./]|$)"
)


def remove_addresses(line: str) -> str:
    """`line` with its e-mail addresses, URLs and bare domains ("github.com/ana") blanked out,
    and the labels in front of them ("GitHub: github.com/ana" names no skill)."""
    line = _ADDRESS_LABEL.sub(" ", line)
    line = _EMAIL.sub(" ", line)
    line = _URL.sub(" ", line)
    return _BARE_DOMAIN.sub(" ", line)


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
    "qa test it ux ui marketing sales operations support customer business certified "
    "bachelor master science engineering technology computer information systems background "
    "history academic certifications certification platforms languages tools stack core "
    "technical relevant professional employment career work interests hobbies references"
)
_NAME_SEPARATORS = re.compile(r"\s(?:\||·|•|\u2013|\u2014|-|/)\s|,|\t|\s{3,}")
_NAME_LABEL = re.compile(r"(?i)^(?:name|nom|nombre|vor- und nachname|full name)\s{0,3}:\s{0,3}")


@dataclass(frozen=True)
class FoundName:
    """A name and how sure the reading is (0-1)."""

    name: str
    confidence: float


def find_name(lines: list[str], sections: list[SectionKind] | None = None) -> str | None:
    """The candidate's name (see `find_name_with_confidence`)."""
    found = find_name_with_confidence(lines, sections)
    return found.name if found else None


def find_name_with_confidence(
    lines: list[str], sections: list[SectionKind] | None = None
) -> FoundName | None:
    """The candidate's name: the first line near the top that reads as 2-4 name words.

    Also found: "SURNAME, Given" (read "Given Surname"), a name in capitals (small capitals
    come out of a PDF so), a name split over two lines ("Ana" / "Lima"), and, when a sidebar
    was printed after the main column, a name right above the contact details. A line of
    the education or skills section, or one naming a skill or a degree, is never the name.
    """
    sections = sections or ["top"] * len(lines)
    for number in range(min(len(lines), NAME_SCAN_LINES)):
        if sections[number] not in ("top", "contact"):
            continue
        found = _name_at(lines, sections, number)
        if found:
            return found
    # A sidebar read after the main column: the name sits just above the contact details.
    for number in range(len(lines) - 1):
        if number + 1 < len(lines) and _opens_contacts(lines[number + 1 : number + 3]):
            found = _name_at(lines, sections, number, two_lines_back=True)
            if found:
                return FoundName(found.name, min(found.confidence, 0.6))
    return None


def _opens_contacts(following: list[str]) -> bool:
    return any(
        heading_kind(line) == "contact" or "@" in line or _PHONE_HINT.search(line)
        for line in following
    )


def _name_at(
    lines: list[str], sections: list[SectionKind], number: int, *, two_lines_back: bool = False
) -> FoundName | None:
    line = lines[number]
    found = _surname_first(line)
    if found:
        return found
    name = _name_in(line)
    if name and not _names_a_thing(name):
        return FoundName(name, 0.9 if number < 5 else 0.7)
    # A name over two lines: "Ana" / "Lima", "Joris" / "van Dijk", "WÓJCIK," / "Tomasz".
    neighbour = number - 1 if two_lines_back else number + 1
    if 0 <= neighbour < len(lines) and sections[neighbour] == sections[number]:
        first, second = (lines[neighbour], line) if two_lines_back else (line, lines[neighbour])
        if _short_name_line(first) and _short_name_line(second):
            joined = re.sub(r"\s*,\s*", ", ", f"{first} {second}").strip(", ")
            found = _surname_first(joined)
            if found:
                return FoundName(found.name, 0.7)
            name = _name_in(joined) if "," not in joined else None
            if name and not _names_a_thing(name):
                return FoundName(name, 0.7)
    return None


def _surname_first(line: str) -> FoundName | None:
    """ "MÜLLER, Zoë" as "Zoë Müller": the surname in capitals, then a comma, then the given
    name (so that "Lyon, France" is not read as a name)."""
    match = _SURNAME_FIRST.fullmatch(line.strip())
    if not match or not match["family"].isupper() or match["given"].isupper():
        return None
    given = match["given"]
    if not _is_name_word(given.split()[0], first_word=True) or country_of(given):
        return None
    family = " ".join(_title_case(word) for word in match["family"].split())
    name = f"{given} {family}"
    return None if _names_a_thing(name) else FoundName(name, 0.8)


def _short_name_line(line: str) -> bool:
    words = line.replace(",", " ").split()
    return 1 <= len(words) <= 3 and len(line) <= 40 and not heading_kind(line)


_SURNAME_FIRST = re.compile(
    r"(?P<family>[^\W\d_][^\W\d_'\u2019-]{0,30}(?:[-'\u2019 ][^\W\d_]{1,30}){0,2}),\s(?P<given>"
    r"[^\W\d_][^\W\d_'\u2019-]{0,30}(?:[-\s][^\W\d_]{1,30}){0,2})"
)


def _names_a_thing(name: str) -> bool:
    """Whether words that look like a name are a skill ("Spring Boot") or a degree."""
    from hireline.resumes.taxonomy import load_taxonomy

    return load_taxonomy().canonical(name) is not None or bool(_DEGREE_WORDS.search(name))


_DEGREE_WORDS = re.compile(
    r"(?i)\b(?:certified|certificate|bachelor|master|diploma|b\.?sc|m\.?sc|ph\.?d|mba)\b"
)


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
