"""Letters fill placeholders once and keep values as text; links are signed and expire."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireline.offers import letters, links

KEY = "k" * 48


def test_a_value_that_looks_like_a_placeholder_stays_text() -> None:
    facts = dataclasses.replace(letters.SAMPLE, candidate_name="{{ base_salary }}\nBcc: x")
    text = letters.fill("Dear {{ candidate_name }}, {{ base_salary }}", facts)
    assert text == "Dear {{ base_salary }} Bcc: x, 150,000 USD"


@given(st.text(max_size=80))
def test_any_name_fills_one_line(name: str) -> None:
    facts = dataclasses.replace(letters.SAMPLE, candidate_name=name)
    text = letters.fill("{{ candidate_name }}", facts)
    assert "\n" not in text
    assert "\r" not in text
    assert letters.to_pdf(text, organization="Acme", title="t").startswith(b"%PDF")


def test_unknown_fields_are_named() -> None:
    assert letters.unknown_fields("{{ candidate_name }} {{ salary }} {{x}}") == ["salary", "x"]


def test_a_link_names_its_offer_until_it_expires() -> None:
    ref = links.OfferRef(uuid.uuid4(), uuid.uuid4())
    token = links.sign(ref, datetime.now(UTC) + timedelta(days=1), key=KEY)
    assert links.verify(token, key=KEY) == ref
    with pytest.raises(links.InvalidLink):
        links.verify(token, key="another" * 8)
    with pytest.raises(links.InvalidLink):
        links.verify(token[:-2] + ("AA" if not token.endswith("AA") else "BB"), key=KEY)
    expired = links.sign(ref, datetime.now(UTC) - timedelta(seconds=5), key=KEY)
    with pytest.raises(links.ExpiredLink):
        links.verify(expired, key=KEY)
