"""Web-search syntax (words, "phrases", -exclusions, OR, prefix*) parsed into a safe tsquery.

Why not hand the whole text to `websearch_to_tsquery`: search also needs to know which words
are positive (for trigram matching of misspelt names and e-mails), which are excluded (so that
a fuzzy name match still honours `-java`), and it supports `term*` prefixes, which
`websearch_to_tsquery` does not. So the text is parsed here into terms, and each term becomes
its own bound parameter (`term_0`, `term_1`, … in query order) of `plainto_tsquery` /
`phraseto_tsquery` / `to_tsquery(... ':*')`, combined with `tsquery_and` / `tsquery_or` /
`tsquery_not`. User text never reaches SQL or tsquery syntax: PostgreSQL's own parser splits,
stems and drops stop words in every term, and a prefix term is only ever letters and digits.

The SQL is built from the query's shape (which kinds of terms, negated or not, in which
clauses) and the words are passed with it as `SearchQuery.parameters`, so that every query of
one shape runs one statement, built and compiled once (see `search.repository`).

Grammar, as in web search engines: terms separated by spaces must all match; `OR` (upper
case) between two terms makes either enough and binds tighter than the implicit AND
(`python django OR flask` is python AND (django OR flask)); `-term` excludes; `"two words"`
is a phrase; `word*` matches words starting with `word` (at least three letters).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Text, bindparam, func, literal_column
from sqlalchemy.dialects.postgresql import TSQUERY

from hireline.core.errors import ValidationFailed

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MIN_PREFIX_LENGTH = 3
# The text search configuration of `hireline_search_document` (migration 0015: `english` with
# the accents taken off words first): the query must be stemmed the way the document was.
SEARCH_CONFIG: ColumnElement[Any] = literal_column("'hireline'::regconfig")

TermKind = Literal["word", "phrase", "prefix"]
# A term as the SQL sees it: its kind and whether it is excluded, not its words.
TermShape = tuple[TermKind, bool]
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_PREFIX_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """One thing to look for: a word, a phrase or a word prefix, possibly excluded."""

    text: str
    kind: TermKind
    negated: bool = False


@dataclass(frozen=True)
class QueryShape:
    """A query without its words: each clause's terms as (kind, negated), in query order."""

    clauses: tuple[tuple[TermShape, ...], ...]

    @property
    def is_empty(self) -> bool:
        return not self.clauses


def term_parameter(index: int) -> str:
    """The bound parameter holding the words of the query's `index`-th term."""
    return f"term_{index}"


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: every clause must match; a clause matches if any of its terms does."""

    clauses: tuple[tuple[Term, ...], ...]

    @property
    def terms(self) -> list[Term]:
        return [term for clause in self.clauses for term in clause]

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def shape(self) -> QueryShape:
        return QueryShape(
            tuple(tuple((term.kind, term.negated) for term in clause) for clause in self.clauses)
        )

    @property
    def parameters(self) -> dict[str, str]:
        """The words of every term, by the name of the parameter the SQL expects them in."""
        return {term_parameter(index): term.text for index, term in enumerate(self.terms)}

    @property
    def fuzzy_text(self) -> str | None:
        """What to compare with names and e-mails by trigram similarity, if anything.

        The positive words of a query without alternatives or phrases, when long enough for
        trigrams to mean something: `jon smiht -intern` compares `jon smiht`. A phrase asks
        for those exact words, and its trigram comparison with every name would cost a
        search more than the rest of it.
        """
        if any(len(clause) > 1 for clause in self.clauses):
            return None
        if any(term.kind == "phrase" for term in self.terms):
            return None
        text = " ".join(term.text for term in self.terms if not term.negated)
        return text if len(text) >= 3 else None


def parse(text: str) -> SearchQuery:
    """Parse web-search syntax; a 422 problem if the query is too long or only excludes."""
    if len(text) > MAX_QUERY_LENGTH:
        raise _invalid(f"The query is longer than {MAX_QUERY_LENGTH} characters.")
    clauses: list[list[Term]] = []
    pending_or = False
    for match in _TOKEN.finditer(text):
        negation, phrase, bare = match.groups()
        if bare == "OR":
            pending_or = bool(clauses)
            continue
        term = _term(negation, phrase, bare)
        if term is None:
            continue
        if pending_or:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = False
    terms = sum(len(clause) for clause in clauses)
    if terms > MAX_TERMS:
        raise _invalid(f"The query has more than {MAX_TERMS} terms.")
    parsed = SearchQuery(tuple(tuple(clause) for clause in clauses))
    if parsed.terms and all(term.negated for term in parsed.terms):
        raise _invalid("The query only excludes; add a word to look for (or use the filters).")
    return parsed


def _term(negation: str | None, phrase: str | None, bare: str | None) -> Term | None:
    if phrase is not None:
        words = " ".join(phrase.split())
        return Term(words, "phrase", bool(negation)) if words else None
    assert bare is not None
    negated = bare.startswith("-")
    word = bare.lstrip("-")
    if word.endswith("*"):
        stem = word.rstrip("*")
        if len(stem) >= MIN_PREFIX_LENGTH and _PREFIX_WORD.fullmatch(stem):
            return Term(stem.lower(), "prefix", negated)
        word = stem
    return Term(word, "word", negated) if word else None


def tsquery(query: QueryShape, *, positive_only: bool = False) -> ColumnElement[str]:
    """The query as a SQL tsquery expression; its words are the parameters `term_<n>`.

    `positive_only` leaves out exclusions (for highlighting what matched).
    """
    combined: ColumnElement[str] | None = None
    for clause in _numbered(query):
        alternatives: ColumnElement[str] | None = None
        for index, (kind, negated) in clause:
            if positive_only and negated:
                continue
            expression = _term_tsquery(index, kind, negated=negated)
            alternatives = (
                expression if alternatives is None else func.tsquery_or(alternatives, expression)
            )
        if alternatives is None:
            continue
        combined = alternatives if combined is None else func.tsquery_and(combined, alternatives)
    if combined is None:
        return func.to_tsquery(SEARCH_CONFIG, literal_column("''"), type_=TSQUERY)
    return combined


def excluded_tsquery(query: QueryShape) -> ColumnElement[str] | None:
    """Any of the excluded terms (single-term clauses), as a tsquery; None without exclusions.

    A clause like `-a OR b` is a choice, not an exclusion.
    """
    combined: ColumnElement[str] | None = None
    for clause in _numbered(query):
        if len(clause) != 1:
            continue
        index, (kind, negated) = clause[0]
        if not negated:
            continue
        expression = _term_tsquery(index, kind, negated=False)
        combined = expression if combined is None else func.tsquery_or(combined, expression)
    return combined


def _numbered(query: QueryShape) -> list[list[tuple[int, TermShape]]]:
    """The clauses with each term's index in the whole query (its parameter's number)."""
    counter = itertools.count()
    return [[(next(counter), term) for term in clause] for clause in query.clauses]


def _term_tsquery(index: int, kind: TermKind, *, negated: bool) -> ColumnElement[str]:
    value = bindparam(term_parameter(index), type_=Text)
    if kind == "phrase":
        expression = func.phraseto_tsquery(SEARCH_CONFIG, value, type_=TSQUERY)
    elif kind == "prefix":
        # Only letters and digits reach here (see `_term`), so appending ':*' is safe.
        expression = func.to_tsquery(SEARCH_CONFIG, value.concat(":*"), type_=TSQUERY)
    else:
        expression = func.plainto_tsquery(SEARCH_CONFIG, value, type_=TSQUERY)
    return func.tsquery_not(expression, type_=TSQUERY) if negated else expression


def _invalid(message: str) -> ValidationFailed:
    return ValidationFailed(
        message, errors=[{"loc": ["query", "q"], "msg": message, "type": "search_query"}]
    )
