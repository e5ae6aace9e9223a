"""Spellings of a guide's level, industry, context and location resolve to one key each."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hireline.guides.templates import variants
from hireline.guides.templates.builtin import get_builtin_template
from hireline.guides.templates.content import INDUSTRIES, WORK_CONTEXTS, SalaryRange

TEMPLATE = get_builtin_template("python-backend-developer")
SEPARATORS = st.sampled_from(["-", "_", " ", ", ", " / ", ""])


def _respell(text: str, separator: str, upper: list[bool]) -> str:
    """The same words with other case and separators, as people type them."""
    words = [w for w in text.replace(",", " ").replace("_", " ").replace("-", " ").split() if w]
    cased = [
        w.upper() if up else w.lower() for w, up in zip(words, upper * len(words), strict=False)
    ]
    return separator.join(cased)


@given(
    st.sampled_from(list(TEMPLATE.compensation.ranges)),
    SEPARATORS,
    st.lists(st.booleans(), min_size=1, max_size=4),
)
def test_every_location_resolves_from_its_name_or_key_however_spelt(
    salary: SalaryRange, separator: str, upper: list[bool]
) -> None:
    spellings = (
        _respell(salary.name, separator, upper),
        _respell(salary.location, separator, upper),
    )
    for spelt in spellings:
        assert variants.resolve_location(TEMPLATE, spelt) == salary.location


@given(st.sampled_from(INDUSTRIES + WORK_CONTEXTS), SEPARATORS, st.lists(st.booleans(), min_size=1))
def test_industry_and_context_keys_resolve_however_spelt(
    key: str, separator: str, upper: list[bool]
) -> None:
    spelt = _respell(key, separator, upper)
    if key in INDUSTRIES:
        assert variants.resolve_industry(spelt) == key
    else:
        assert variants.resolve_context(spelt) == key


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("E-commerce", "ecommerce"),
        ("retail", "ecommerce"),
        ("SaaS / Cloud", "saas"),
        ("IoT / Hardware", "iot"),
        ("Media / Entertainment", "media"),
    ],
)
def test_industry_names_and_aliases(spelling: str, key: str) -> None:
    assert variants.resolve_industry(spelling) == key


@pytest.mark.parametrize("spelling", ["remote", "Remote-Hybrid", "remote_hybrid", "hybrid"])
def test_remote_spellings(spelling: str) -> None:
    assert variants.resolve_context(spelling) == "remote_hybrid"


def test_unknown_choices_name_the_closest_ones() -> None:
    with pytest.raises(variants.UnknownChoice) as caught:
        variants.resolve_location(TEMPLATE, "San Fransisco")
    assert caught.value.suggestions[0] == "san-francisco-ca"
    assert caught.value.field == "location"
    with pytest.raises(variants.UnknownChoice) as nothing_close:
        variants.resolve_industry("agriculture")
    assert nothing_close.value.suggestions == []
    assert "fintech" in str(nothing_close.value)


def test_a_tenants_own_location_resolves_without_a_template() -> None:
    assert variants.resolve_location(None, "Boston MA", extra_keys=["boston-ma"]) == "boston-ma"
    with pytest.raises(variants.UnknownChoice):
        variants.resolve_location(None, "Austin, TX", extra_keys=["boston-ma"])
