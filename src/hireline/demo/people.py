"""Invented applicants: names, homes, phones, careers and skills that vary the way real ones do.

Everything comes from one `random.Random`, so a seed gives the same people every time. The
spread is what the demo is for: years of experience from a few months to twenty, cities near
and far from the jobs, required skills had, missed or had only through a related one, so that
match scores, facets and search show their range.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

import phonenumbers

FIRST_NAMES = (
    "Maya",
    "Liam",
    "Priya",
    "Mateo",
    "Aisha",
    "Noah",
    "Sofia",
    "Kenji",
    "Amara",
    "Lucas",
    "Hannah",
    "Ravi",
    "Chloe",
    "Diego",
    "Ingrid",
    "Omar",
    "Elena",
    "Tomasz",
    "Grace",
    "Kwame",
    "Yuki",
    "Fatima",
    "Jonas",
    "Camila",
    "Arjun",
    "Leah",
    "Mohammed",
    "Zoe",
    "Pedro",
    "Nadia",
    "Ethan",
    "Mei",
    "Samuel",
    "Olivia",
    "Ibrahim",
    "Clara",
    "Hugo",
    "Anika",
    "Daniel",
    "Sara",
    "Felix",
    "Lucia",
    "Theo",
    "Amelia",
    "Kofi",
    "Julia",
    "Erik",
    "Rosa",
    "Adrian",
    "Nina",
)
LAST_NAMES = (
    "Chen",
    "Okafor",
    "Raman",
    "García",
    "Müller",
    "Nakamura",
    "Rossi",
    "Kowalski",
    "Haddad",
    "Johansson",
    "Dubois",
    "Patel",
    "O'Brien",
    "Silva",
    "Novak",
    "Schmidt",
    "Ivanova",
    "Mensah",
    "Tanaka",
    "Fernández",
    "Larsen",
    "Moreau",
    "Kumar",
    "Santos",
    "Nguyen",
    "Fischer",
    "Bianchi",
    "Andersen",
    "Costa",
    "Walsh",
    "Reyes",
    "Lindqvist",
    "Adeyemi",
    "Romero",
    "Hoffmann",
    "Jensen",
    "Kim",
    "Martin",
    "Carter",
    "Brooks",
    "Hughes",
    "Lopez",
    "Wright",
    "Evans",
    "Murphy",
    "Ward",
    "Bennett",
    "Foster",
)


@dataclass(frozen=True)
class Home:
    """A city as a résumé writes it, and the country whose phone numbers live there."""

    written: str
    country: str  # ISO 3166 alpha-2, for the phone number
    area: str | None = None  # North American area code: local numbers start with it


# Near the demo jobs (Austin, Seattle, New York, Denver) more often than far away.
HOMES = (
    (Home("Austin, TX", "US", "512"), 6),
    (Home("Seattle, WA", "US", "206"), 5),
    (Home("New York, NY", "US", "212"), 5),
    (Home("Denver, CO", "US", "303"), 4),
    (Home("San Francisco, CA", "US", "415"), 3),
    (Home("Chicago, IL", "US", "312"), 3),
    (Home("Boston, MA", "US", "617"), 2),
    (Home("Atlanta, GA", "US", "404"), 2),
    (Home("Portland, OR", "US", "503"), 2),
    (Home("Dallas, Texas", "US", "214"), 2),
    (Home("Toronto, ON, Canada", "CA", "416"), 2),
    (Home("London, UK", "GB"), 2),
    (Home("Manchester, United Kingdom", "GB"), 1),
    (Home("Berlin, Germany", "DE"), 2),
    (Home("München, Deutschland", "DE"), 1),
    (Home("Lyon, France", "FR"), 1),
    (Home("Barcelona, Spain", "ES"), 1),
    (Home("Amsterdam, Netherlands", "NL"), 1),
    (Home("Kraków, Poland", "PL"), 1),
    (Home("Dublin, Ireland", "IE"), 1),
    (Home("Bengaluru, India", "IN"), 2),
    (Home("São Paulo, Brazil", "BR"), 1),
    (Home("Melbourne, VIC, Australia", "AU"), 1),
)
COMPANIES = tuple(
    """
    Lumen Payments, Northwind Logistics, Brightpath Health, Quarry Labs, Tidewater Media,
    Copperleaf Software, Atlas Freight, Helio Energy, Bluebird Retail, Kestrel Analytics,
    Juniper Insurance, Orbit Devices, Meridian Bank, Sable Games, Fernhill Learning,
    Cobalt Robotics, Pinecone Travel, Harbor Telecom, Saffron Foods, Vector Mobility
    """.replace("\n", " ").split(", ")
)
UNIVERSITIES = tuple(
    """
    University of Texas at Austin, University of Washington, Georgia Institute of Technology,
    University of Toronto, Technical University of Munich, University of Manchester,
    Indian Institute of Technology Madras, University of São Paulo, University of Melbourne,
    Jagiellonian University, Trinity College Dublin, Delft University of Technology
    """.replace("\n", " ").split(", ")
)
DEGREES = (
    "BSc Computer Science",
    "BEng Software Engineering",
    "MSc Computer Science",
    "BSc Mathematics",
    "BA Physics",
    "MEng Electrical Engineering",
)
ACHIEVEMENTS = (
    "Cut p95 latency of the busiest endpoint by 40% with {a} and careful caching.",
    "Led the move of a legacy monolith to services built with {a} and {b}.",
    "Designed the data model and migrations for a billing system on {b}.",
    "Mentored three engineers and introduced code review checklists.",
    "Automated deployments with {a}, taking releases from weekly to daily.",
    "Built an event pipeline with {a} handling two million messages a day.",
    "Wrote the integration test suite that caught regressions before release, using {b}.",
    "Owned on-call for the platform team; reduced pages by half in a quarter.",
)
SUMMARIES = (
    "{title} with {years} of experience building reliable software with {a} and {b}.",
    "Pragmatic {title_lower} who likes small, well-tested changes; most at home with {a}.",
    "{title} focused on {a}, {b} and the operational side of shipping software.",
)


@dataclass(frozen=True)
class Position:
    title: str
    employer: str
    city: str
    start: date
    end: date | None  # None: to this day
    achievements: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """One invented applicant and everything their résumé will say."""

    name: str
    email: str
    phone: str
    home: Home
    headline: str
    summary: str
    skills: tuple[str, ...]
    positions: tuple[Position, ...]
    degree: str
    university: str
    graduated: int
    linkedin: str | None
    github: str | None


def _weighted_home(rng: random.Random) -> Home:
    return rng.choices([home for home, _ in HOMES], weights=[w for _, w in HOMES])[0]


def phone_in(rng: random.Random, home: Home) -> str:
    """A valid number where `home` is, with its country code, grouped the way locals write it.

    North American numbers are the fictional 555-01xx ones of the person's own area code;
    elsewhere the country's example mobile number with other last digits.
    """
    if home.area is not None:
        number = phonenumbers.parse(f"+1{home.area}55501{rng.randint(0, 99):02d}")
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return f"+1 {national}"
    country = home.country
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    assert example is not None
    digits = str(example.national_number)
    for _ in range(20):
        tail = "".join(rng.choice("0123456789") for _ in range(4))
        number = phonenumbers.parse(f"+{example.country_code}{digits[:-4]}{tail}")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _title(role: str, years: float) -> str:
    if years < 2:
        return f"Junior {role}"
    if years < 5:
        return role
    if years < 9:
        return f"Senior {role}"
    return f"Staff {role}"


def _positions(
    rng: random.Random, role: str, years: float, skills: list[str], today: date
) -> tuple[Position, ...]:
    """A career of `years` counted back from today, newest first, with the odd gap."""
    positions: list[Position] = []
    end: date | None = None if rng.random() < 0.85 else today - timedelta(days=rng.randint(30, 200))
    remaining = max(years, 0.3)
    while remaining > 0.05 and len(positions) < 5:
        length = remaining if len(positions) == 4 else min(remaining, rng.uniform(1.0, 4.5))
        stop = end or today
        start = stop - timedelta(days=round(length * 365.25))
        start = start.replace(day=1)
        done = remaining - length
        a, b = rng.sample(skills, 2) if len(skills) >= 2 else (skills * 2)[:2]
        positions.append(
            Position(
                title=_title(role, done + length),
                employer=rng.choice(COMPANIES),
                city=_weighted_home(rng).written.split(",")[0],
                start=start,
                end=end,
                achievements=tuple(
                    line.format(a=a, b=b) for line in rng.sample(ACHIEVEMENTS, rng.randint(1, 3))
                ),
            )
        )
        remaining = done
        # A month or a few between jobs, now and then.
        gap = rng.choice((0, 0, 0, 1, 2, 4))
        end = start - timedelta(days=1 + 30 * gap)
    return tuple(positions)


def person(
    rng: random.Random,
    number: int,
    *,
    role: str,
    wanted: list[str],
    related: list[str],
    others: list[str],
    today: date,
) -> Person:
    """The `number`th applicant for a role whose skills are `wanted` (required and preferred).

    Each applicant has a share of the wanted skills, sometimes a related one in its place, and
    a few skills of other trades, so that matching has something to tell apart.
    """
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    name = f"{first} {last}"
    plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
    handle = plain.lower().replace("'", "")
    home = _weighted_home(rng)
    # Seniority: most applicants have 1-10 years; some are new, a few very experienced.
    years = round(min(22.0, rng.lognormvariate(1.45, 0.7)), 1)
    share = rng.uniform(0.15, 1.0)
    skills = [skill for skill in wanted if rng.random() < share]
    skills += rng.sample(related, k=min(len(related), rng.randint(0, 2)))
    skills += rng.sample(others, k=min(len(others), rng.randint(1, 4)))
    skills = list(dict.fromkeys(skills)) or [rng.choice(wanted)]
    positions = _positions(rng, role, years, skills, today)
    title = positions[0].title
    a, b = (skills * 2)[:2]
    total = f"{max(1, round(years))} year{'s' if round(years) != 1 else ''}"
    summary = rng.choice(SUMMARIES).format(
        title=title, title_lower=title.lower(), years=total, a=a, b=b
    )
    first_start = positions[-1].start
    return Person(
        name=name,
        email=f"{handle}.{number}@example.com",
        phone=phone_in(rng, home),
        home=home,
        headline=title,
        summary=summary,
        skills=tuple(skills),
        positions=positions,
        degree=rng.choice(DEGREES),
        university=rng.choice(UNIVERSITIES),
        graduated=min(first_start.year, today.year) - rng.choice((0, 0, 1)),
        linkedin=f"https://www.linkedin.com/in/{handle.replace('.', '-')}-{number}"
        if rng.random() < 0.7
        else None,
        github=f"https://github.com/{handle.replace('.', '')}{number}"
        if rng.random() < 0.4
        else None,
    )
