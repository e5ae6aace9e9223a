"""Properties of the salary arithmetic of the built-in bands, over every template, level,
location and combination of the factors that adjust them."""

from __future__ import annotations

from typing import get_args

from hypothesis import given
from hypothesis import strategies as st

from hireline.guides.salaries.service import BandQuery, built_in_band
from hireline.guides.templates.builtin import load_builtin_templates
from hireline.guides.templates.content import Industry, Level

TEMPLATES = load_builtin_templates()
LOCATIONS = sorted({r.location for t in TEMPLATES.values() for r in t.compensation.ranges})

queries = st.builds(
    BandQuery,
    role=st.sampled_from(sorted(TEMPLATES)),
    level=st.sampled_from(get_args(Level)),
    location=st.sampled_from(LOCATIONS) | st.text(max_size=12),
    industry=st.none() | st.sampled_from(get_args(Industry)),
    certifications=st.lists(st.sampled_from(["aws", "cka", "pmp"]), max_size=2).map(tuple),
    company_stage=st.none() | st.sampled_from(["startup", "established"]),
    framework_expertise=st.booleans(),
)


@given(queries)
def test_the_adjusted_band_is_the_base_plus_each_adjustment(query: BandQuery) -> None:
    band = built_in_band(TEMPLATES[query.role], query)
    assert 0 < band.base_min <= band.base_max
    assert band.adjusted_min == band.base_min + sum(a.min_delta for a in band.adjustments)
    assert band.adjusted_max == band.base_max + sum(a.max_delta for a in band.adjustments)
    for adjustment in band.adjustments:
        assert adjustment.low <= adjustment.high
        if adjustment.unit == "percent":
            # Taken on the base band (never compounded), rounded to the hundred.
            assert adjustment.min_delta % 100 == 0
            assert adjustment.max_delta % 100 == 0
            assert abs(adjustment.min_delta - band.base_min * adjustment.low / 100) <= 50
            assert abs(adjustment.max_delta - band.base_max * adjustment.high / 100) <= 50
        else:
            assert (adjustment.min_delta, adjustment.max_delta) == (adjustment.low, adjustment.high)


@given(queries)
def test_an_unknown_location_falls_back_to_the_national_band_and_says_so(
    query: BandQuery,
) -> None:
    guide = TEMPLATES[query.role].compensation
    band = built_in_band(TEMPLATES[query.role], query)
    if query.location in {r.location for r in guide.ranges}:
        assert (band.location, band.notes) == (query.location, [])
    else:
        assert band.location == guide.national.location
        assert len(band.notes) == 1


@given(queries)
def test_asking_for_less_only_removes_adjustments(query: BandQuery) -> None:
    template = TEMPLATES[query.role]
    plain = BandQuery(query.role, query.level, query.location)
    everything = {a.key: a for a in built_in_band(template, query).adjustments}
    assert built_in_band(template, plain).adjustments == []
    for adjustment in built_in_band(template, query).adjustments:
        assert everything[adjustment.key] == adjustment
    assert built_in_band(template, plain).base_min == built_in_band(template, query).base_min
