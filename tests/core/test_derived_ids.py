"""Derived UUIDv7s: the same parts name the same record, ordered by the time given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from hireline.core.ids import derived_uuid7

MOMENT = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_the_same_parts_give_the_same_version_7_id(parts: list[str]) -> None:
    first = derived_uuid7(MOMENT, *parts)

    assert derived_uuid7(MOMENT, *parts) == first
    assert first.version == 7
    assert first.variant == "specified in RFC 4122"


def test_other_parts_give_another_id() -> None:
    assert derived_uuid7(MOMENT, "endpoint-1", "event-1") != derived_uuid7(
        MOMENT, "endpoint-2", "event-1"
    )


def test_ids_sort_by_their_time() -> None:
    earlier = derived_uuid7(MOMENT, "zzz")
    later = derived_uuid7(MOMENT + timedelta(milliseconds=1), "aaa")

    assert earlier < later
