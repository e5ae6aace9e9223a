"""The country a written place is in ("Berlin, Germany", "Austin, TX", "Lyon (France)").

Used to read national phone numbers in the right country. Country names are in
`data/countries.json`, taken from the data `phonenumbers` ships (every country in 17 Latin-
script languages); importing that data itself costs seconds, paid by every parser child.
A US state or Canadian province, written out or as its postal code, names its country.
Pure functions; the names are read once per process.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from importlib import resources

from phonenumbers import SUPPORTED_REGIONS

_US_STATES = (
    "AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|"
    "DE Delaware|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|IN Indiana|IA Iowa|"
    "KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|MI Michigan|"
    "MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|"
    "NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|"
    "ND North Dakota|OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|"
    "SC South Carolina|SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|"
    "WA Washington|WV West Virginia|WI Wisconsin|WY Wyoming|DC District of Columbia"
)
_CA_PROVINCES = (
    "AB Alberta|BC British Columbia|MB Manitoba|NB New Brunswick|NL Newfoundland|"
    "NS Nova Scotia|ON Ontario|PE Prince Edward Island|QC Quebec|SK Saskatchewan"
)
# Names people write that the country list spells otherwise.
_OTHER_NAMES = {
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "holland": "NL",
    "the netherlands": "NL",
    "czech republic": "CZ",
    "czechia": "CZ",
    "south korea": "KR",
    "korea": "KR",
    "russia": "RU",
    "uae": "AE",
    "méxico": "MX",
    "türkiye": "TR",
    "turkey": "TR",
    "viet nam": "VN",
    "vietnam": "VN",
    "brasil": "BR",
    "españa": "ES",
    "suisse": "CH",
    "schweiz": "CH",
    "österreich": "AT",
    "polska": "PL",
    "italia": "IT",
}
_PARTS = re.compile(r"\s*(?:,|\(|\)|/|\||·|•|\s[-\u2013\u2014]\s)\s*")


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@functools.cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    source = resources.files("hireline.resumes").joinpath("data/countries.json")
    countries: dict[str, list[str]] = json.loads(source.read_text(encoding="utf-8"))
    for region, spellings in countries.items():
        for name in spellings:
            names.setdefault(_key(name), region)
    for entry in _US_STATES.split("|"):
        names[_key(entry[3:])] = "US"
    for entry in _CA_PROVINCES.split("|"):
        names[_key(entry[3:])] = "CA"
    names.update(_OTHER_NAMES)
    return names


_STATE_CODES = {entry[:2]: "US" for entry in _US_STATES.split("|")} | {
    entry[:2]: "CA" for entry in _CA_PROVINCES.split("|")
}


def country_of(place: str | None) -> str | None:
    """The ISO 3166 alpha-2 code of the country `place` is in, if it says; else None.

    The last part that names a country wins ("Paris, Texas, USA" is in the US); a trailing
    two-letter code is a US state or Canadian province first ("Austin, TX", "Toronto, ON"),
    then a country code ("Berlin, DE").
    """
    if not place:
        return None
    parts = [part for part in _PARTS.split(place.strip()) if part]
    names = _names()
    for part in reversed(parts[-3:]):
        if len(part) == 2 and part.isupper():
            if part in _STATE_CODES and len(parts) > 1:
                return _STATE_CODES[part]
            if part in SUPPORTED_REGIONS:
                return part
        found = names.get(_key(part))
        if found:
            return found
    return None
