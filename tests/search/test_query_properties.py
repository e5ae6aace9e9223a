"""Properties of the search query parser, over generated queries."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine

from hireline.core.errors import ValidationFailed
from hireline.search.query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    MIN_PREFIX_LENGTH,
    Term,
    parse,
    tsquery,
)

# Compiles without connecting: the SQL the app would send, placeholders and all.
POSTGRESQL = create_engine("postgresql+psycopg://").dialect

words = st.from_regex(r"[a-z][a-z0-9]{0,9}", fullmatch=True)
terms = st.one_of(
    st.builds(Term, words, st.just("word"), st.booleans()),
    st.builds(
        Term,
        st.lists(words, min_size=1, max_size=3).map(" ".join),
        st.just("phrase"),
        st.booleans(),
    ),
    st.builds(
        Term,
        st.from_regex(rf"[a-z0-9]{{{MIN_PREFIX_LENGTH},9}}", fullmatch=True),
        st.just("prefix"),
        st.booleans(),
    ),
)
clauses = st.lists(st.lists(terms, min_size=1, max_size=3).map(tuple), min_size=1, max_size=4)


def written(term: Term) -> str:
    """A term as someone would type it."""
    text = {"word": term.text, "phrase": f'"{term.text}"', "prefix": f"{term.text}*"}[term.kind]
    return f"-{text}" if term.negated else text


def typed(query: list[tuple[Term, ...]]) -> str:
    return "  ".join(" OR ".join(written(term) for term in clause) for clause in query)


@given(clauses)
def test_a_typed_query_parses_back_to_its_terms(query: list[tuple[Term, ...]]) -> None:
    text = typed(query)
    count = sum(len(clause) for clause in query)
    positive = any(not term.negated for clause in query for term in clause)
    if len(text) > MAX_QUERY_LENGTH or count > MAX_TERMS or not positive:
        try:
            parse(text)
        except ValidationFailed:
            return
        raise AssertionError(f"{text!r} should have been refused")
    assert parse(text).clauses == tuple(query)


@given(st.text(max_size=MAX_QUERY_LENGTH + 20))
def test_any_text_parses_or_is_a_422(text: str) -> None:
    try:
        parsed = parse(text)
    except ValidationFailed as error:
        problems = error.extensions["errors"]
        parsed = None
    if parsed is None:
        assert [problem["loc"] for problem in problems] == [["query", "q"]]
        return
    assert len(parsed.terms) <= MAX_TERMS
    for term in parsed.terms:
        assert term.text
        assert term.text == term.text.strip()
        if term.kind == "prefix":
            assert re.fullmatch(r"[^\W_]+", term.text)
            assert len(term.text) >= MIN_PREFIX_LENGTH
            assert term.text == term.text.lower()
    assert not parsed.terms or any(not term.negated for term in parsed.terms)


@given(st.text(max_size=MAX_QUERY_LENGTH))
def test_user_text_reaches_sql_only_as_bound_parameters(text: str) -> None:
    try:
        parsed = parse(text)
    except ValidationFailed:
        return
    compiled = tsquery(parsed.shape).compile(dialect=POSTGRESQL)
    assert set(compiled.params) <= set(parsed.parameters)
    assert set(parsed.parameters.values()) == {term.text for term in parsed.terms}
    assert _only_placeholders(str(compiled))


def _only_placeholders(sql: str) -> bool:
    """The SQL is made of function calls, the configuration and placeholders: no user text
    (stripped of those, nothing but punctuation and spaces is left)."""
    rest = re.sub(r"%\([^)]+\)s", "", sql)
    rest = re.sub(r"\b(?:tsquery_(?:and|or|not)|(?:plain|phrase)?to_tsquery)\b", "", rest)
    rest = re.sub(r"::[A-Za-z]+", "", rest.replace("'hireline'::regconfig", ""))
    return re.fullmatch(r"[\s(),|:*']*", rest) is not None
