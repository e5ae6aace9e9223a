"""The score and its explanation, part by part, and what it must never look at."""

from __future__ import annotations

from typing import Any

import pytest

from hireline.candidates.models import Candidate
from hireline.candidates.profile import merge_into
from hireline.matching.scoring import (
    RELATED_CREDIT,
    WEIGHTS,
    Profile,
    Requirements,
    score,
)
from hireline.matching.service import profile_of

AUSTIN = {"mode": "hybrid", "city": "Austin", "region": "TX", "country": "US"}
REMOTE_US = {"mode": "remote", "region": "United States", "country": "US"}
BACKEND = Requirements.of(
    required_skills=["Python", "Django", "PostgreSQL"],
    preferred_skills=["Kubernetes", "Redis"],
    min_years=5,
    level="senior",
    locations=[AUSTIN],
)


def _profile(
    skills: list[str], years: float | None = 6, location: str | None = "Austin, TX"
) -> Profile:
    return Profile(skills=skills, years_experience=years, location=location)


def test_the_explanation_lists_exactly_the_matched_and_missing_skills() -> None:
    value, explanation = score(BACKEND, _profile(["python", "k8s", "Go", "postgres"]))
    required = explanation["parts"]["required_skills"]
    preferred = explanation["parts"]["preferred_skills"]
    assert required["matched"] == ["Python", "PostgreSQL"]
    assert required["missing"] == ["Django"]
    assert required["related"] == []
    assert preferred["matched"] == ["Kubernetes"]
    assert preferred["missing"] == ["Redis"]
    assert required["fit"] == pytest.approx(2 / 3, abs=1e-3)
    assert value == explanation["score"]


def test_the_points_add_up_to_the_score_with_the_documented_weights() -> None:
    value, explanation = score(BACKEND, _profile(["Python", "Django", "PostgreSQL", "Redis"]))
    parts = explanation["parts"]
    assert {name: part["weight"] for name, part in parts.items()} == dict(WEIGHTS)
    assert value == pytest.approx(sum(part["points"] for part in parts.values()), abs=0.1)
    assert value == pytest.approx(50 + 10 + 15 + 10 + 5)


def test_a_related_skill_counts_partly() -> None:
    _, with_flask = score(BACKEND, _profile(["Python", "Flask", "PostgreSQL"]))
    required = with_flask["parts"]["required_skills"]
    assert required["matched"] == ["Python", "PostgreSQL"]
    assert required["related"] == [{"skill": "Django", "via": "Flask", "credit": RELATED_CREDIT}]
    assert required["missing"] == []
    assert required["fit"] == pytest.approx((2 + RELATED_CREDIT) / 3, abs=1e-3)
    _, without = score(BACKEND, _profile(["Python", "PostgreSQL"]))
    _, with_django = score(BACKEND, _profile(["Python", "Django", "PostgreSQL"]))
    assert (
        without["parts"]["required_skills"]["points"]
        < required["points"]
        < with_django["parts"]["required_skills"]["points"]
    )


def test_skill_weights_decide_how_much_each_skill_is_worth() -> None:
    weighted = Requirements.of(
        required_skills=["Python", "Django"], skill_weights={"python": 3, "Django": 1}
    )
    _, explanation = score(weighted, _profile(["Python"]))
    assert explanation["parts"]["required_skills"]["fit"] == 0.75
    assert explanation["parts"]["required_skills"]["skill_weights"] == {"Python": 3.0}


def test_years_below_the_minimum_count_in_proportion_and_more_never_cost_points() -> None:
    def years_fit(years: float | None) -> float:
        return float(score(BACKEND, _profile([], years=years))[1]["parts"]["years"]["fit"])

    assert years_fit(2.5) == 0.5
    assert years_fit(5) == years_fit(40) == 1.0
    assert years_fit(None) == 0.0


@pytest.mark.parametrize(
    ("years", "estimate", "fit"),
    [(9, "staff", 1.0), (5, "senior", 1.0), (3, "mid", 0.5), (1, "junior", 0.0)],
)
def test_the_level_comes_from_the_years(years: float, estimate: str, fit: float) -> None:
    level = score(BACKEND, _profile([], years=years))[1]["parts"]["level"]
    assert (level["candidate_estimate"], level["fit"]) == (estimate, fit)


@pytest.mark.parametrize(
    ("locations", "candidate", "fit"),
    [
        ([AUSTIN], "Austin, Texas", 1.0),
        ([AUSTIN], "Dallas, TX", 0.5),
        ([AUSTIN], "Berlin, Germany", 0.0),
        ([AUSTIN], None, 0.5),
        ([AUSTIN, {"mode": "remote"}], "Berlin, Germany", 1.0),
        ([REMOTE_US], "Portland, OR, United States", 1.0),
        ([{"mode": "onsite", "city": "New York", "region": "NY"}], "New York, NY", 1.0),
        ([{"mode": "onsite", "city": "New York", "region": "NY"}], "York, UK", 0.0),
    ],
)
def test_location_fit(locations: list[dict[str, Any]], candidate: str | None, fit: float) -> None:
    assert _location_fit(locations, candidate) == fit


def _location_fit(locations: list[dict[str, Any]], candidate: str | None) -> float:
    requirements = Requirements.of(required_skills=["Python"], locations=locations)
    fit: float = score(requirements, _profile([], location=candidate))[1]["parts"]["location"][
        "fit"
    ]
    return fit


BERLIN = {"mode": "onsite", "city": "Berlin", "country": "DE"}


@pytest.mark.parametrize(
    ("candidate", "fit"),
    [
        ("Berlin, Germany", 1.0),
        ("Berlin", 1.0),
        ("Berlin, DE", 1.0),
        ("Potsdam, Germany", 0.25),  # Brandenburg: same country, another region
        ("München", 0.25),
        ("Rio de Janeiro, Brazil", 0.0),  # "de" is not Germany
        ("Lisbon, Portugal", 0.0),
        ("Berlin, NH, USA", 0.0),  # another Berlin
    ],
)
def test_places_are_compared_as_places_not_words(candidate: str, fit: float) -> None:
    assert _location_fit([BERLIN], candidate) == fit


def test_a_country_word_in_a_city_name_never_makes_a_region() -> None:
    rio, lisbon = (
        _location_fit([BERLIN], "Rio de Janeiro, Brazil"),
        _location_fit([BERLIN], "Lisbon"),
    )
    assert rio == lisbon == 0.0


@pytest.mark.parametrize(
    ("written", "fit"),
    [
        ("Austin, Texas", 1.0),
        ("Austin TX", 1.0),
        ("Greater Austin Area, TX", 1.0),
        ("Houston, TX, United States", 0.5),
        ("Texas", 0.5),
        ("Seattle, WA", 0.25),
        ("Austin, Minnesota", 0.25),  # another Austin, another state
        ("Toronto, Canada", 0.0),
    ],
)
def test_us_cities_regions_and_country(written: str, fit: float) -> None:
    assert _location_fit([AUSTIN], written) == fit


def test_a_remote_job_with_no_area_accepts_any_location_and_none() -> None:
    remote = {"mode": "remote"}
    for anywhere in ("Austin, TX", "Lagos, Nigeria", "Kraków", None, "somewhere odd"):
        assert _location_fit([remote], anywhere) == 1.0
    # A candidate without a location no longer outranks one in Austin.
    requirements = Requirements.of(required_skills=["Python"], locations=[remote])
    austin = score(requirements, _profile(["Python"], location="Austin, TX"))[0]
    unknown = score(requirements, _profile(["Python"], location=None))[0]
    assert austin == unknown


@pytest.mark.parametrize(
    ("area", "inside", "outside"),
    [
        ({"mode": "remote", "country": "PT"}, "Porto", "Madrid, Spain"),
        ({"mode": "remote", "region": "United States"}, "Denver, CO", "Vancouver, Canada"),
        ({"mode": "remote", "country": "US", "region": "CA"}, "San Diego", "Austin, TX"),
        ({"mode": "remote", "region": "Europe"}, "Kraków, Poland", "Cairo, Egypt"),
        (
            {"mode": "remote", "utc_offset_min": -1, "utc_offset_max": 3},
            "Lagos, Nigeria",
            "Chicago, IL",
        ),
        (
            {"mode": "remote", "utc_offset_min": -8, "utc_offset_max": -5},
            "Bogotá, Colombia",
            "Lisbon",
        ),
        (
            {"mode": "remote", "country": "DE", "utc_offset_min": 0, "utc_offset_max": 2},
            "Hamburg",
            "London",
        ),
    ],
)
def test_a_remote_job_limited_to_an_area_or_time_zones_scores_by_it(
    area: dict[str, Any], inside: str, outside: str
) -> None:
    assert _location_fit([area], inside) == 1.0
    assert _location_fit([area], outside) == 0.0
    assert _location_fit([area], None) == 0.5


def test_parts_the_job_does_not_ask_for_are_left_out_and_the_rest_scale_to_100() -> None:
    skills_only = Requirements.of(required_skills=["Python", "Go"])
    value, explanation = score(skills_only, _profile(["Python"], years=None, location=None))
    assert list(explanation["parts"]) == ["required_skills"]
    assert explanation["parts"]["required_skills"]["weight"] == 100
    assert value == 50.0


def test_semantic_similarity_joins_only_when_given() -> None:
    _, without = score(BACKEND, _profile(["Python"]))
    _, with_it = score(BACKEND, _profile(["Python"]), semantic_similarity=0.8)
    assert "semantic" not in without["parts"]
    assert with_it["parts"]["semantic"]["fit"] == 0.8
    assert sum(part["weight"] for part in with_it["parts"].values()) == pytest.approx(100)


def _person(**fields: Any) -> Candidate:
    base: dict[str, Any] = {"links": [], "edited_fields": [], "skills": [], "tags": []}
    return Candidate(**(base | fields))


def test_the_score_ignores_name_gender_age_photo_address_and_schools() -> None:
    """Two people alike in skills, years and location score alike, whatever else differs."""
    first = _person(
        name="Ada Lovelace",
        email="ada@example.com",
        phone="+44 20 7946 0958",
        headline="Mother of two, 61 years old",
        notes="Photo attached; she/her",
        tags=["female", "born-1964"],
        location="Austin, TX",
    )
    second = _person(
        name="Mohammed Al-Sayed",
        email="mo@example.org",
        phone="+1 512 555 0100",
        headline="Recent graduate",
        notes="he/him; lives at 12 Elm Street, Apt 4",
        tags=["male", "born-2001"],
        location="Austin, TX",
    )
    shared = {"skills": ["Python", "Flask", "PostgreSQL", "Redis"], "years_experience": 6.0}
    merge_into(
        first,
        shared
        | {
            "name": "Ada Lovelace",
            "phones": ["+442079460958"],
            "links": {"linkedin": ["https://linkedin.com/in/ada"]},
            "education": [{"school": "University of Oxford", "degree": "BSc"}],
            "photo": "data:image/png;base64,AAAA",
        },
    )
    merge_into(
        second,
        shared
        | {
            "name": "Mohammed Al-Sayed",
            "education": [{"school": "Austin Community College", "degree": "AA"}],
            "gender": "male",
            "date_of_birth": "2001-02-03",
        },
    )
    first_score = score(BACKEND, profile_of(first))
    assert first_score == score(BACKEND, profile_of(second))
    assert first_score[0] > 0
    # And the profile matching sees holds nothing else to leak.
    assert set(Profile.__slots__) == {"skills", "years_experience", "location"}
