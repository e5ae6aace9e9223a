"""Candidate search: full-text and trigram matching, filters, ranking, facets and snippets.

How a search runs (two statements):
1. One statement finds the page and, on the first page, the total and the facet counts. The
   candidates matching the query and filters are collected once (the `matched` CTE) by
   `hireline_search_candidates` (migrations 0011 and 0040, ADRs 0011 and 0033): row-level
   security keeps PostgreSQL from using `@@`, `%` and the array operators as index conditions
   on `candidates`, so matching runs in the side table `candidate_search`, which the
   application cannot read, through that SECURITY DEFINER function, for the session's tenant
   only. Its ids are joined back to `candidates` by primary key (row-level security applies),
   ranked, cut to the page, counted and grouped into facets.
2. A second statement loads the page's candidates with `ts_headline` excerpts, so that the
   costly highlighting runs for the page only.

Relevance ranks at most `RANK_WINDOW` matches: a broad word ("engineer") can match a third of a
million candidates, and ranking or faceting all of them costs hundreds of milliseconds. Beyond
the window the total is reported as a lower bound (`total_is_exact: false`), and the ranking
is that of the first `RANK_WINDOW` matches the function reads: in id order (oldest first)
when it walks the tenant's rows, in the table's physical order when the index yields fewer
matches than the walk would read rows (migration 0040); there a candidate edited between two
pages may move in or out of the window. A narrower query or a filter ranks everything
(every filter is applied inside the function, before the cut).
Sorting by newest has no such limit: each page asks the function for the newest matches
before its cursor.
"""

from __future__ import annotations

import html
import math
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import BadRequest, ValidationFailed
from hireline.core.pagination import decode_cursor, encode_cursor
from hireline.search.query import SearchQuery
from hireline.search.repository import (
    MARK_START,
    MARK_STOP,
    MAX_FILTER_PAIRS,
    RANK_WINDOW,
    UNSCORED,
    FilterShape,
    SearchRepository,
    filter_pairs,
)
from hireline.search.schemas import (
    Facets,
    FacetValue,
    Fragment,
    Highlight,
    HighlightField,
    SearchFilters,
    SearchHit,
    SearchPage,
    SearchSort,
)

# No rank or match score comes near this; a cursor claiming one was not issued by search.
MAX_CURSOR_SCORE = 1e6


async def search(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    query: SearchQuery,
    filters: SearchFilters,
    sort: SearchSort | None,
    cursor: str | None,
    limit: int,
    facets: bool = True,
) -> SearchPage:
    """One page of the tenant's candidates matching `query` and `filters`.

    The first page (no cursor) also carries the total and, if asked, the facet counts.
    """
    if len(filter_pairs(FilterShape.of(filters))) > MAX_FILTER_PAIRS:
        raise _invalid(
            "location",
            f"Too many locations and stages together: at most {MAX_FILTER_PAIRS} "
            "location and stage pairs (locations times stages).",
        )
    order = _order(query, filters, sort)
    first_page = cursor is None
    after = _decode_after(cursor, order)
    searches = SearchRepository.working_for(session, tenant_id)
    row = await searches.page_row(
        order, query, filters, after, limit, first_page=first_page, facets=facets
    )

    items: list[list[Any]] = row["page"]
    next_cursor = None
    if len(items) > limit:
        items = items[:limit]
        last = items[-1]
        if order == "relevance":
            next_cursor = encode_cursor(order, last[1], str(last[0]))
        elif order == "match":  # continues after the last application, by its score key
            next_cursor = encode_cursor(order, last[1], str(last[2]))
        else:
            next_cursor = encode_cursor(order, str(last[0]))
    ranked: list[tuple[uuid.UUID, Scores]] = [
        (uuid.UUID(str(item[0])), _scores(order, item[1])) for item in items
    ]
    hits = await _hits(session, tenant_id, query, ranked)
    total = row["total"] if first_page else None
    return SearchPage(
        items=hits,
        next_cursor=next_cursor,
        total=min(total, RANK_WINDOW) if total is not None else None,
        total_is_exact=total <= RANK_WINDOW if total is not None else None,
        facets=_facets(row) if first_page and facets else None,
    )


def _order(query: SearchQuery, filters: SearchFilters, sort: SearchSort | None) -> str:
    if sort == "match":
        if filters.job_id is None:
            raise _invalid("sort", "sort=match ranks applicants of one job: give `job` too.")
        return "match"
    if sort == "newest" or query.is_empty:
        return "newest"
    return "relevance"


def _decode_after(cursor: str | None, order: str) -> tuple[float, uuid.UUID] | uuid.UUID | None:
    """The sort key a cursor continues after, checked to belong to this kind of ordering.

    A cursor that is not one search issued (garbage, another sort's, a score that is not a
    finite number search could have produced) is a 400: continuing from the top instead
    would quietly show a page the client did not ask for.
    """
    if cursor is None:
        return None
    arity = 2 if order == "newest" else 3
    try:
        values = decode_cursor(cursor, arity)
    except ValidationFailed:
        raise _invalid_cursor() from None
    if values[0] != order:
        raise _invalid_cursor()
    try:
        last_id = uuid.UUID(str(values[-1]))
    except (TypeError, ValueError):
        raise _invalid_cursor() from None
    if order == "newest":
        return last_id
    score = values[1]
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise _invalid_cursor()
    if not math.isfinite(score) or abs(score) > MAX_CURSOR_SCORE:
        raise _invalid_cursor()
    return float(score), last_id


def _invalid_cursor() -> BadRequest:
    return BadRequest(
        "invalid cursor: it is not one this search issued.",
        errors=[{"loc": ["query", "cursor"], "msg": "invalid cursor", "type": "cursor"}],
    )


@dataclass(frozen=True, slots=True)
class Scores:
    """What a hit shows of its sort key: relevance to the words, or the job's match score."""

    relevance: float | None = None
    match_score: float | None = None


def _scores(order: str, key: float | None) -> Scores:
    """The hit's scores from its sort key.

    Relevance (`ts_rank` plus name likeness, unbounded) is shown as key / (1 + key): from 0 to
    1, in the same order. With `sort=match` the key is the stored match score (0-100), none
    for the unscored.
    """
    if order == "match":
        return Scores(match_score=key if key is not None and key > UNSCORED else None)
    if order == "relevance" and key is not None:
        return Scores(relevance=round(max(key, 0.0) / (1.0 + max(key, 0.0)), 6))
    return Scores()


def _facets(row: Any) -> Facets:
    return Facets(
        skills=[FacetValue(value=value, count=count) for value, count in row["skills"]],
        location=[FacetValue(value=value, count=count) for value, count in row["location"]],
        stage=[
            FacetValue(value=value, count=count, label=label, job_id=job_id)
            for value, count, label, job_id in row["stage"]
        ],
    )


async def _hits(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    query: SearchQuery,
    ranked: list[tuple[uuid.UUID, Scores]],
) -> list[SearchHit]:
    """The page's candidates in rank order, with excerpts of where the query matched."""
    if not ranked:
        return []
    excerpts: list[HighlightField] = [] if query.is_empty else ["headline", "resume", "notes"]
    rows = await SearchRepository.working_for(session, tenant_id).candidates_with_excerpts(
        query, [id_ for id_, _ in ranked]
    )
    found: dict[uuid.UUID, tuple[Any, list[Highlight]]] = {}
    for row in rows:
        candidate = row[0]
        highlights = [
            highlight
            for field, raw in zip(excerpts, row[1:], strict=True)
            if (highlight := _highlight(field, raw)) is not None
        ]
        found[candidate.id] = (candidate, highlights)
    hits: list[SearchHit] = []
    for candidate_id, scores in ranked:
        if candidate_id not in found:  # erased between the two statements
            continue
        candidate, highlights = found[candidate_id]
        hits.append(
            SearchHit(
                id=candidate.id,
                name=candidate.name,
                email=candidate.email,
                headline=candidate.headline,
                location=candidate.location,
                skills=candidate.skills,
                tags=candidate.tags,
                years_experience=candidate.years_experience,
                source=candidate.source,
                created_at=candidate.created_at,
                relevance=scores.relevance,
                match_score=scores.match_score,
                highlights=highlights,
            )
        )
    return hits


def _highlight(field: HighlightField, raw: str | None) -> Highlight | None:
    """The excerpt as flagged fragments and safe HTML; None if nothing in it matched."""
    if not raw or MARK_START not in raw:
        return None
    fragments: list[Fragment] = []
    for index, piece in enumerate(raw.split(MARK_START)):
        matched, _, rest = piece.partition(MARK_STOP) if index else ("", "", piece)
        if matched:
            fragments.append(Fragment(text=matched, match=True))
        if rest:
            fragments.append(Fragment(text=rest, match=False))
    markup = "".join(
        f"<mark>{html.escape(f.text)}</mark>" if f.match else html.escape(f.text) for f in fragments
    )
    return Highlight(field=field, fragments=fragments, html=markup)


def _invalid(parameter: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        message, errors=[{"loc": ["query", parameter], "msg": message, "type": "value_error"}]
    )


# For the web app


def parse_query(text: str) -> SearchQuery:
    """The search box's text as a query; a 422 problem if it is too long or only excludes."""
    from hireline.search.query import parse

    return parse(text)
