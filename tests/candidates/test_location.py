"""Where a candidate lives, read from the top of their résumé: places, not words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireline.candidates.location import find_location

HEADERS = [
    ("Ada Lovelace\nada@example.com | +1 512 555 0134 | Austin, TX", "Austin, TX"),
    ("Grace Hopper\nSenior Engineer\nSeattle, Washington · grace@example.com", "Seattle, WA"),
    ("Linus T.\nLocation: Helsinki, Finland", "Helsinki, Finland"),
    ("Jan Kowalski\nKraków, Poland | jan@example.pl", "Kraków, Poland"),
    ("Jürgen Weber\n10115 Berlin, Deutschland\njw@example.de", "Berlin, Germany"),
    ("Priya Raman\nBengaluru, Karnataka, India\n+91 81234 56789", "Bengaluru, India"),
    ("Tom Evans\nManchester, UK\ntom@example.co.uk", "Manchester, United Kingdom"),
    ("Chloe Martin\nToronto, ON\nchloe@example.ca", "Toronto, Canada"),
    ("Ana Silva\nana@example.com • São Paulo • +55 11 96123-4567", "São Paulo, Brazil"),
    ("Sam Ortiz\nBased in: Denver, CO 80202", "Denver, CO"),
]


@pytest.mark.parametrize(("text", "place"), HEADERS)
def test_the_header_place_is_read_and_written_the_way_jobs_compare_it(
    text: str, place: str
) -> None:
    assert find_location(text + "\nExperience\nEngineer, Acme, Boston, MA, 2019 - Present") == place


@pytest.mark.parametrize(
    "text",
    [
        # An employer's office further down is not where the person lives.
        "Ada Lovelace\nada@example.com\nExperience\nEngineer, Acme - Boston, MA\n2019 - Present",
        # Words that are not places, however they are punctuated.
        "Jordan Paris\nSenior Engineer, Platform | jordan@example.com",
        "Chester Bennington\nDeveloper, Remote",
        "",
    ],
)
def test_no_place_is_guessed_from_names_titles_or_employers(text: str) -> None:
    assert find_location(text) is None


@given(st.text(max_size=2000))
def test_any_text_gives_a_place_or_nothing(text: str) -> None:
    found = find_location(text)
    assert found is None or ", " in found
