"""UUIDv7 identifiers sort in creation order."""

from __future__ import annotations

import uuid

from hireline.core.ids import uuid7


def test_uuid7_is_version_7_and_rfc_variant() -> None:
    value = uuid7()
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_uuid7_sorts_in_creation_order_even_within_a_millisecond() -> None:
    ids = [uuid7() for _ in range(20_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
