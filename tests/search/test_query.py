"""Parsing web-search syntax, and the tsquery PostgreSQL makes of it."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import ValidationFailed
from hireline.search.query import (
    MAX_QUERY_LENGTH,
    QueryShape,
    SearchQuery,
    Term,
    excluded_tsquery,
    parse,
    tsquery,
)


def test_words_must_all_match() -> None:
    assert parse("python  django").clauses == (
        (Term("python", "word"),),
        (Term("django", "word"),),
    )


def test_or_binds_tighter_than_the_implicit_and() -> None:
    assert parse("python django OR flask").clauses == (
        (Term("python", "word"),),
        (Term("django", "word"), Term("flask", "word")),
    )


def test_phrases_exclusions_and_prefixes() -> None:
    parsed = parse('"machine  learning" -java -"project manager" kube*')
    assert parsed.clauses == (
        (Term("machine learning", "phrase"),),
        (Term("java", "word", negated=True),),
        (Term("project manager", "phrase", negated=True),),
        (Term("kube", "prefix"),),
    )
    assert parsed.shape == QueryShape(
        ((("phrase", False),), (("word", True),), (("phrase", True),), (("prefix", False),))
    )
    assert parsed.parameters == {
        "term_0": "machine learning",
        "term_1": "java",
        "term_2": "project manager",
        "term_3": "kube",
    }


def test_short_or_punctuated_prefixes_are_plain_words() -> None:
    assert parse("go* node.js*").clauses == ((Term("go", "word"),), (Term("node.js", "word"),))


def test_stray_operators_are_ignored() -> None:
    assert parse('OR python OR - "" "unclosed phrase').clauses == (
        (Term("python", "word"), Term("unclosed phrase", "phrase")),
    )
    assert parse("python OR").clauses == ((Term("python", "word"),),)
    assert parse("   ").is_empty


def test_fuzzy_text_is_the_positive_words_of_a_query_without_alternatives() -> None:
    assert parse("jon smiht -intern").fuzzy_text == "jon smiht"
    assert parse("jon OR john").fuzzy_text is None
    assert parse("jo").fuzzy_text is None
    assert parse('"site reliability" smiht').fuzzy_text is None


@pytest.mark.parametrize(
    "text",
    ["-java", '-"project manager" -php', "x" * (MAX_QUERY_LENGTH + 1), " ".join(["w"] * 13)],
)
def test_unacceptable_queries_are_validation_errors(text: str) -> None:
    with pytest.raises(ValidationFailed):
        parse(text)


async def _tsquery_text(session: AsyncSession, query: SearchQuery) -> str:
    return str((await session.execute(select(tsquery(query.shape)), query.parameters)).scalar_one())


async def test_postgresql_stems_and_combines_the_terms(db_session: AsyncSession) -> None:
    text = await _tsquery_text(db_session, parse('engineers "data pipelines" OR kube* -java'))
    assert text == "'engin' & ( 'data' <-> 'pipelin' | 'kube':* ) & !'java'"


async def test_only_single_term_clauses_are_exclusions(db_session: AsyncSession) -> None:
    # `-java OR python` is a choice, not an exclusion of java.
    query = parse('python -java -"project managers" -cobol OR scala')
    excluded = excluded_tsquery(query.shape)
    assert excluded is not None
    text = (await db_session.execute(select(excluded), query.parameters)).scalar_one()
    assert text == "'java' | 'project' <-> 'manag'"
    assert excluded_tsquery(parse("python OR -java").shape) is None


def test_queries_of_one_shape_differ_only_in_their_parameters() -> None:
    first, second = parse('rust "data lake" -php'), parse('go "web apps" -java')
    assert first.shape == second.shape
    assert first.parameters != second.parameters
    assert parse("rust go").shape != parse("rust OR go").shape


async def test_tsquery_syntax_in_user_text_is_only_text(db_session: AsyncSession) -> None:
    # Characters that are operators in to_tsquery syntax arrive as plain words.
    text = await _tsquery_text(db_session, parse("a&b|!c:* (d) <-> 'e'"))
    assert "!" not in text.replace("!'", "")  # no negation was smuggled in
    assert await _tsquery_text(db_session, parse("the")) == ""
