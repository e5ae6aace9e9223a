"""Stage names and written places from a source, as Hireline's pipeline and locations."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from hireline.imports import stages
from hireline.imports.locations import job_locations

PIPELINE = [(uuid.uuid4(), name) for name in ("Applied", "Screen", "Technical interview", "Offer")]


def test_a_stage_of_the_same_name_is_found_whatever_its_case_and_spacing() -> None:
    assert stages.place("  technical   INTERVIEW ", PIPELINE) == (PIPELINE[2][0], True)


def test_a_well_known_name_finds_its_counterpart() -> None:
    assert stages.place("Recruiter Screen", PIPELINE) == (PIPELINE[1][0], True)
    assert stages.place("Application Review", PIPELINE) == (PIPELINE[0][0], True)


def test_an_unknown_name_falls_back_to_the_first_stage_and_says_so() -> None:
    assert stages.place("Hiring Committee", PIPELINE) == (PIPELINE[0][0], False)


def test_no_stage_at_all_is_the_first_stage_without_complaint() -> None:
    assert stages.place(None, PIPELINE) == (PIPELINE[0][0], True)


@given(st.text(max_size=40))
def test_any_name_lands_in_one_of_the_jobs_stages(name: str) -> None:
    stage_id, _ = stages.place(name, PIPELINE)
    assert stage_id in {stage_id for stage_id, _ in PIPELINE}


def test_places_become_onsite_locations_in_their_country_or_remote() -> None:
    found = job_locations(["Berlin, Germany", "Austin, TX, USA", "Remote", "Remote"])
    assert [(loc.mode, loc.city, loc.region, loc.country) for loc in found] == [
        ("onsite", "Berlin", None, "DE"),
        ("onsite", "Austin", "TX", "US"),
        ("remote", None, None, None),
    ]
    assert [loc.mode for loc in job_locations([])] == ["remote"]
