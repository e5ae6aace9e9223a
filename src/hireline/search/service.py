"""Candidate search: full-text and trigram matching, filters, ranking, facets and snippets.

How a search runs (two statements):
1. One statement finds the page and, on the first page, the total and the facet counts. The
   candidates matching the query and filters are collected once (the `matched` CTE) by
   `hireline_search_candidates` (migration 0011, docs/adr/0011): row-level security keeps
   PostgreSQL from using `@@`, `%` and the array operators as index conditions on
   `candidates`, so matching runs in the side table `candidate_search`, which the application
   cannot read, through that SECURITY DEFINER function, for the session's tenant only. Its
   ids are joined back to `candidates` by primary key (row-level security applies), ranked,
   cut to the page, counted and grouped into facets.
2. A second statement loads the page's candidates with `ts_headline` excerpts, so that the
   costly highlighting runs for the page only.

Relevance ranks at most `RANK_WINDOW` matches: a broad word ("engineer") can match a third of a
million candidates, and ranking or faceting all of them costs hundreds of milliseconds. Beyond
the window the total is reported as a lower bound (`total_is_exact: false`), and the ranking
is that of the first `RANK_WINDOW` matches in id order (oldest first); a narrower query or a
filter ranks everything (every filter is applied inside the function, before the cut).
Sorting by newest has no such limit: each page asks the function for the newest matches
before its cursor.
"""

from __future__ import annotations

import html
import math
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    CTE,
    Boolean,
    ColumnElement,
    DateTime,
    Double,
    Integer,
    Select,
    Text,
    and_,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    true,
    tuple_,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSQUERY, UUID, aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.models import Application, Candidate
from hireline.core.errors import BadRequest, ValidationFailed
from hireline.core.pagination import decode_cursor, encode_cursor
from hireline.core.sql import contains_pattern
from hireline.jobs.models import PipelineStage
from hireline.matching.models import MatchScore
from hireline.resumes.taxonomy import load_taxonomy
from hireline.search.query import SEARCH_CONFIG, SearchQuery, excluded_tsquery, tsquery
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

# 500 matches are 25 pages of 20, more than recruiters page through; the window's rows are
# read, joined and faceted on every search, and at a million candidates 1 000 of them cost
# about 10 ms more (p95 56-60 ms against 44 ms, bench/search.py).
RANK_WINDOW = 500
# No rank or match score comes near this; a cursor claiming one was not issued by search.
MAX_CURSOR_SCORE = 1e6
FACET_SIZE = 20
# ts_headline marks matches with characters from Unicode's private use area, removed from the
# source text first, so that the excerpt can be HTML-escaped and the marks turned into <mark>
# afterwards without any text of the candidate's being able to fake one.
MARK_START, MARK_STOP = "\ue000", "\ue001"
_EXCERPT_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords=24, MinWords=8, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
_SHORT_FIELD_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_STOP}, HighlightAll=true"


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
    order = _order(query, filters, sort)
    first_page = cursor is None
    after = _decode_after(cursor, order)
    window = _window(tenant_id, query, filters, newest=order != "relevance")
    page = (
        _match_page_json(window, tenant_id, query, filters, after, limit)
        if order == "match"
        else _page_json(order, window, tenant_id, query, filters, after, limit)
    )
    columns: list[Any] = [page.label("page")]
    if first_page:
        columns.append(select(func.count()).select_from(window).scalar_subquery().label("total"))
        if facets:
            columns.extend(_facet_columns(window, tenant_id, filters))
    row = (await session.execute(select(*columns))).one()._mapping

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


def _found(
    tenant_id: uuid.UUID,
    query: SearchQuery,
    filters: SearchFilters,
    *,
    newest: bool,
    before: uuid.UUID | None,
    max_rows: int,
) -> Any:
    """The `(candidate_id, rank)` rows of `hireline_search_candidates` (migration 0011).

    The function matches and filters in `candidate_search`, whose indexes row-level security
    cannot spoil, for the session's tenant (`tenant_id` is only for the join that follows);
    every argument is a bound parameter. Relevance: the first `max_rows` matches, ranked;
    newest: the newest `max_rows` matches before `before`, without rank.
    """
    fuzzy = query.fuzzy_text
    email = fuzzy is not None and _looks_like_email(fuzzy)
    skills = _canonical_skills(filters.skills) if filters.skills else None
    arguments = [
        _argument(None if query.is_empty else tsquery(query), TSQUERY),
        _argument(excluded_tsquery(query), TSQUERY),
        _argument(fuzzy if not email else None, Text),
        # E-mails are compared with e-mails (by local part), anything else with names: every
        # address of a tenant shares its domain's trigrams, so crossing them would match most.
        _argument(fuzzy if email else None, Text),
        _argument(skills if filters.skills_mode == "all" else None, ARRAY(Text)),
        _argument(skills if filters.skills_mode == "any" else None, ARRAY(Text)),
        _argument(list(filters.tags) or None, ARRAY(Text)),
        _argument(contains_pattern(filters.location) if filters.location else None, Text),
        _argument(filters.source, Text),
        _argument(filters.years_min, Double),
        _argument(filters.years_max, Double),
        _argument(filters.job_id, UUID(as_uuid=True)),
        _argument(filters.stage_id, UUID(as_uuid=True)),
        _argument(filters.status, Text),
        _argument(filters.applied_from, DateTime(timezone=True)),
        _argument(filters.applied_to, DateTime(timezone=True)),
        _argument(newest, Boolean),
        _argument(before, UUID(as_uuid=True)),
        _argument(max_rows, Integer),
    ]
    return func.hireline_search_candidates(*arguments).table_valued(
        column("candidate_id", UUID(as_uuid=True)), column("rank", Double)
    )


_EMAIL_LIKE = re.compile(r"\S*(?:[@._+]|\d)\S*")


def _looks_like_email(text: str) -> bool:
    """An address or the local part of one: one word holding `@ . _ +` or a digit
    (`tommy.vikign88` is compared with addresses, `Jonh Smiht` with names)."""
    return _EMAIL_LIKE.fullmatch(text) is not None


def _argument(value: Any, type_: Any) -> ColumnElement[Any]:
    """A typed argument: an expression as it is, a value as a bound parameter (NULL typed)."""
    if isinstance(value, ColumnElement):
        return value
    return cast(literal(value, type_), type_)


def _live_candidates(found: Any, tenant_id: uuid.UUID, *columns: Any) -> Select[Any]:
    """`columns` of the function's candidates, joined to `candidates` by primary key under
    row-level security, the erased left out."""
    return (
        select(*columns)
        .select_from(found)
        .join(
            Candidate,
            and_(Candidate.tenant_id == tenant_id, Candidate.id == found.c.candidate_id),
        )
        .where(Candidate.erased_at.is_(None))
    )


def _application_conditions(
    tenant_id: uuid.UUID, candidate_id: Any, filters: SearchFilters
) -> list[ColumnElement[bool]]:
    """A candidate's application satisfying every application filter (the same one for all)."""
    return [Application.candidate_id == candidate_id, *_application_filters(tenant_id, filters)]


def _application_filters(tenant_id: uuid.UUID, filters: SearchFilters) -> list[ColumnElement[bool]]:
    """The tenant's applications that the application filters keep."""
    conditions: list[ColumnElement[bool]] = [Application.tenant_id == tenant_id]
    if filters.job_id is not None:
        conditions.append(Application.job_id == filters.job_id)
    if filters.stage_id is not None:
        conditions.append(Application.stage_id == filters.stage_id)
    if filters.status is not None:
        conditions.append(Application.status == filters.status)
    if filters.applied_from is not None:
        conditions.append(Application.applied_at >= filters.applied_from)
    if filters.applied_to is not None:
        conditions.append(Application.applied_at < filters.applied_to)
    return conditions


def _canonical_skills(skills: Sequence[str]) -> list[str]:
    """Skills as résumé parsing stores them (`postgres` finds `PostgreSQL`)."""
    taxonomy = load_taxonomy()
    return list(dict.fromkeys(taxonomy.canonical(skill) or skill for skill in skills))


def _window(
    tenant_id: uuid.UUID, query: SearchQuery, filters: SearchFilters, *, newest: bool
) -> CTE:
    """The matching candidates that ranking, totals and facets look at (`RANK_WINDOW` + 1)."""
    found = _found(
        tenant_id, query, filters, newest=newest, before=None, max_rows=RANK_WINDOW + 1
    ).alias("found")
    return _live_candidates(
        found,
        tenant_id,
        Candidate.id.label("id"),
        found.c.rank.label("score"),
        Candidate.skills.label("skills"),
        Candidate.location.label("location"),
    ).cte("matched")


def _page_json(
    order: str,
    window: CTE,
    tenant_id: uuid.UUID,
    query: SearchQuery,
    filters: SearchFilters,
    after: tuple[float, uuid.UUID] | uuid.UUID | None,
    limit: int,
) -> Any:
    """The page's `[id, score]` pairs in order, one more than `limit`, as a JSON array."""
    page: Select[Any]
    if order == "relevance":
        keyset = (
            [tuple_(window.c.score, window.c.id) < tuple_(*after)]
            if isinstance(after, tuple)
            else []
        )
        page = (
            select(window.c.id, window.c.score)
            .where(*keyset)
            .order_by(window.c.score.desc(), window.c.id.desc())
        )
    else:
        before = after if isinstance(after, uuid.UUID) else None
        found = _found(
            tenant_id, query, filters, newest=True, before=before, max_rows=limit + 1
        ).alias("found")
        page = _live_candidates(
            found, tenant_id, Candidate.id.label("id"), literal(None, Double).label("score")
        ).order_by(Candidate.id.desc())
    rows = page.limit(limit + 1).subquery("page")
    return _json_rows(
        func.json_build_array(rows.c.id, rows.c.score),
        rows,
        rows.c.score.desc().nulls_last(),
        rows.c.id.desc(),
    )


# Sort key of an application not scored yet (its worker job is queued): after every score.
UNSCORED = -1.0


def _match_page_json(
    window: CTE,
    tenant_id: uuid.UUID,
    query: SearchQuery,
    filters: SearchFilters,
    after: tuple[float, uuid.UUID] | uuid.UUID | None,
    limit: int,
) -> Any:
    """The page's `[candidate id, score key, application id]` for `sort=match`, as JSON.

    Applicants of the filtered job by their stored match score, the unscored last, ties by
    application id. Filters on applications alone leave every applicant in play; a query or
    a filter on the candidates ranks the window's candidates.
    """
    score = func.coalesce(MatchScore.score, UNSCORED)
    page = (
        select(
            Application.candidate_id.label("id"),
            score.label("score"),
            Application.id.label("application_id"),
        )
        .outerjoin(
            MatchScore,
            (MatchScore.tenant_id == Application.tenant_id)
            & (MatchScore.application_id == Application.id),
        )
        .where(*_application_filters(tenant_id, filters))
    )
    if not query.is_empty or filters.on_candidates:
        page = page.where(Application.candidate_id.in_(select(window.c.id)))
    if isinstance(after, tuple):
        page = page.where(tuple_(score, Application.id) < tuple_(literal(after[0]), after[1]))
    rows = page.order_by(score.desc(), Application.id.desc()).limit(limit + 1).subquery("page")
    return _json_rows(
        func.json_build_array(rows.c.id, rows.c.score, rows.c.application_id),
        rows,
        rows.c.score.desc(),
        rows.c.application_id.desc(),
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


def _facet_columns(window: CTE, tenant_id: uuid.UUID, filters: SearchFilters) -> list[Any]:
    skill = select(func.unnest(window.c.skills).label("value")).subquery("skill")
    skills = (
        select(skill.c.value, func.count().label("n"))
        .group_by(skill.c.value)
        .order_by(func.count().desc(), skill.c.value)
        .limit(FACET_SIZE)
        .subquery("skills")
    )
    locations = (
        select(window.c.location.label("value"), func.count().label("n"))
        .where(window.c.location.is_not(None))
        .group_by(window.c.location)
        .order_by(func.count().desc(), window.c.location)
        .limit(FACET_SIZE)
        .subquery("locations")
    )
    # A LATERAL subquery the planner may not flatten: each windowed candidate's applications
    # are read by (tenant, candidate), so the count never looks at the organisation's other
    # applications (a plain join let the planner hash every application of the tenant: 10-13
    # ms of a search at 20 000 candidates).
    applied = (
        select(Application.stage_id.label("stage_id"))
        .where(*_application_conditions(tenant_id, window.c.id, filters))
        .offset(0)  # keeps PostgreSQL from flattening it into a join
        .lateral("applied")
    )
    counted = func.count(window.c.id.distinct())
    stages = (
        select(
            PipelineStage.id.label("value"),
            PipelineStage.name.label("label"),
            PipelineStage.job_id.label("job_id"),
            counted.label("n"),
        )
        .select_from(window)
        .join(applied, true())
        .join(
            PipelineStage,
            (PipelineStage.tenant_id == tenant_id) & (PipelineStage.id == applied.c.stage_id),
        )
        .group_by(PipelineStage.id, PipelineStage.name, PipelineStage.job_id)
        .order_by(counted.desc(), PipelineStage.name)
        .limit(FACET_SIZE)
        .subquery("stages")
    )
    return [
        _json_rows(
            func.json_build_array(skills.c.value, skills.c.n),
            skills,
            skills.c.n.desc(),
            skills.c.value,
        ).label("skills"),
        _json_rows(
            func.json_build_array(locations.c.value, locations.c.n),
            locations,
            locations.c.n.desc(),
            locations.c.value,
        ).label("location"),
        _json_rows(
            func.json_build_array(stages.c.value, stages.c.n, stages.c.label, stages.c.job_id),
            stages,
            stages.c.n.desc(),
            stages.c.label,
        ).label("stage"),
    ]


def _json_rows(element: Any, source: Any, *order_by: Any) -> Any:
    """`element` of every row of `source`, in order, as a JSON array (`[]` when none)."""
    return (
        select(
            func.coalesce(
                func.json_agg(aggregate_order_by(element, *order_by)),
                literal_column("'[]'::json"),
            )
        )
        .select_from(source)
        .scalar_subquery()
    )


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
    excerpts: list[tuple[HighlightField, Any]] = []
    if not query.is_empty:
        excerpts = [
            ("headline", _excerpt(Candidate.headline, query, _SHORT_FIELD_OPTIONS)),
            ("resume", _excerpt(Candidate.resume_text, query, _EXCERPT_OPTIONS)),
            ("notes", _excerpt(Candidate.notes, query, _EXCERPT_OPTIONS)),
        ]
    statement = select(Candidate, *(expression for _, expression in excerpts)).where(
        Candidate.tenant_id == tenant_id, Candidate.id.in_([id_ for id_, _ in ranked])
    )
    found: dict[uuid.UUID, tuple[Candidate, list[Highlight]]] = {}
    for row in (await session.execute(statement)).all():
        candidate: Candidate = row[0]
        highlights = [
            highlight
            for (field, _), raw in zip(excerpts, row[1:], strict=True)
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


def _excerpt(column: Any, query: SearchQuery, options: str) -> Any:
    source = func.translate(column, MARK_START + MARK_STOP, "")
    return func.ts_headline(SEARCH_CONFIG, source, tsquery(query, positive_only=True), options)


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
