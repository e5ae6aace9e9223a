"""Properties of JSON Merge Patch and of the pagination cursors, over generated values."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from hireline.core.errors import ValidationFailed
from hireline.core.merge_patch import merge_patch
from hireline.core.pagination import decode_cursor, encode_cursor, id_after

# JSON values as the API receives them (orjson's integers are at most 64 bits).
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
json_objects = st.dictionaries(st.text(max_size=8), json_values, max_size=5)


def without_nulls(value: Any) -> Any:
    """What a patch leaves in an empty document: its members, minus those set to null."""
    if not isinstance(value, dict):
        return value
    return {name: without_nulls(inner) for name, inner in value.items() if inner is not None}


@given(json_objects, json_values)
def test_applying_a_patch_twice_changes_nothing_more(target: dict[str, Any], patch: Any) -> None:
    once = merge_patch(target, patch)
    assert merge_patch(once, patch) == once


@given(json_values)
def test_a_patch_on_an_empty_document_is_the_patch_without_its_nulls(patch: Any) -> None:
    assert merge_patch({}, patch) == without_nulls(patch)


@given(json_objects, json_objects)
def test_members_a_patch_does_not_name_stay_and_null_ones_go(
    target: dict[str, Any], patch: dict[str, Any]
) -> None:
    patched = merge_patch(target, patch)
    for name, value in target.items():
        if name not in patch:
            assert patched[name] == value
    for name, value in patch.items():
        if value is None:
            assert name not in patched
        elif not isinstance(value, dict):
            assert patched[name] == value


@given(json_objects, json_objects)
def test_patching_never_changes_the_target(target: dict[str, Any], patch: dict[str, Any]) -> None:
    before = repr(target)
    merge_patch(target, patch)
    assert repr(target) == before


@given(st.lists(scalars, min_size=1, max_size=4))
def test_a_cursor_gives_back_its_values(values: list[Any]) -> None:
    cursor = encode_cursor(*values)
    assert "=" not in cursor
    assert cursor.isascii()
    assert decode_cursor(cursor, len(values)) == values


@given(st.uuids())
def test_an_id_cursor_continues_after_its_id(last: uuid.UUID) -> None:
    assert id_after(encode_cursor(str(last))) == last


@given(st.text(max_size=60), st.integers(min_value=1, max_value=3))
def test_any_other_text_is_a_422_never_a_crash(cursor: str, arity: int) -> None:
    try:
        values: list[Any] | None = decode_cursor(cursor, arity)
    except ValidationFailed as error:
        values, problems = None, error.extensions["errors"]
    if values is None:
        assert problems == [{"loc": ["query", "cursor"], "msg": "invalid cursor", "type": "cursor"}]
    else:
        assert len(values) == arity


@given(st.lists(scalars, min_size=1, max_size=3), st.integers(min_value=1, max_value=4))
def test_a_cursor_of_another_arity_is_refused(values: list[Any], arity: int) -> None:
    assume(arity != len(values))
    with pytest.raises(ValidationFailed):
        decode_cursor(encode_cursor(*values), arity)
