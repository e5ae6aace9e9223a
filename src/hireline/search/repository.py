"""Search's queries: the SECURITY DEFINER function that matches, and the statements that
rank, count, facet and excerpt what it found.

Search is a read model over other rooms' tables (candidates, their applications, the jobs'
stages, the match scores), joined in one statement for speed (bench/search.py).

Each statement is built from the search's shape alone (`SearchShape`: the order, the query's
kinds of terms, which filters are set and how many values they hold) and cached, its values
passed as named parameters (`_parameters`). Building a page statement and computing
SQLAlchemy's cache key for it cost 4-7 ms, as much as a search's cheaper half in the database;
a search of a shape seen before reuses the built statement, its cache key and its compiled SQL.
The builders never see a value, so a cached statement cannot carry one search's values into
another.
"""

from __future__ import annotations

import functools
import itertools
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
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
    bindparam,
    cast,
    column,
    func,
    literal,
    literal_column,
    null,
    select,
    true,
    tuple_,
    union,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSQUERY, UUID, aggregate_order_by
from sqlalchemy.sql.expression import FromClause

from hireline.candidates.models import Application, Candidate
from hireline.core.repositories import Repository
from hireline.core.sql import contains_pattern
from hireline.jobs.models import PipelineStage
from hireline.matching.models import MatchScore
from hireline.resumes.taxonomy import load_taxonomy
from hireline.search.query import (
    SEARCH_CONFIG,
    QueryShape,
    SearchQuery,
    excluded_tsquery,
    tsquery,
)
from hireline.search.schemas import (
    SearchFilters,
)

# 500 matches are 25 pages of 20, more than recruiters page through; the window's rows are
# read, joined and faceted on every search, and at a million candidates 1 000 of them cost
# about 10 ms more (p95 56-60 ms against 44 ms, bench/search.py).
RANK_WINDOW = 500
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


class SearchRepository(Repository):
    async def page_row(
        self,
        order: str,
        query: SearchQuery,
        filters: SearchFilters,
        after: tuple[float, uuid.UUID] | uuid.UUID | None,
        limit: int,
        *,
        first_page: bool,
        facets: bool,
    ) -> Any:
        """One statement: the page's sort keys as JSON (`page`) and, on the first page, the
        `total` and, if asked, the facet counts (`skills`, `location`, `stage`)."""
        shape = SearchShape(
            order, query.shape, FilterShape.of(filters), first_page=first_page, facets=facets
        )
        values = _parameters(self.tenant_id, query, filters, after, limit)
        return (await self.session.execute(_page_statement(shape), values)).one()._mapping

    async def candidates_with_excerpts(
        self, query: SearchQuery, candidate_ids: list[uuid.UUID]
    ) -> list[Any]:
        """The candidates, each with excerpts of headline, résumé and notes where the query
        matched (none for an empty query)."""
        values = {"tenant_id": self.tenant_id, "candidate_ids": candidate_ids, **query.parameters}
        return list((await self.session.execute(_excerpts_statement(query.shape), values)).all())


@dataclass(frozen=True)
class FilterShape:
    """Which filters a search sets and how many values the multi-valued ones hold: what its
    SQL depends on (their values are parameters)."""

    locations: int = 0
    stages: int = 0
    job: bool = False
    status: bool = False
    applied_from: bool = False
    applied_to: bool = False
    on_candidates: bool = False

    @classmethod
    def of(cls, filters: SearchFilters) -> FilterShape:
        return cls(
            locations=len(filters.locations),
            stages=len(filters.stage_ids),
            job=filters.job_id is not None,
            status=filters.status is not None,
            applied_from=filters.applied_from is not None,
            applied_to=filters.applied_to is not None,
            on_candidates=filters.on_candidates,
        )


@dataclass(frozen=True)
class SearchShape:
    """Everything a search's page statement depends on; searches of one shape share it."""

    order: str
    query: QueryShape
    filters: FilterShape
    first_page: bool
    facets: bool


# Distinct shapes are few (orders, kinds of query, filter combinations); this bounds the
# memory a client sending endless new ones could take.
STATEMENT_CACHE_SIZE = 256


@functools.lru_cache(maxsize=STATEMENT_CACHE_SIZE)
def _page_statement(shape: SearchShape) -> Select[Any]:
    newest = shape.order != "relevance"
    window = _window(shape.query, shape.filters, newest=newest)
    page = (
        _match_page_json(window, shape)
        if shape.order == "match"
        else _page_json(
            shape.order, window, shape.query, shape.filters, keyset=not shape.first_page
        )
    )
    columns: list[Any] = [page.label("page")]
    if shape.first_page:
        columns.append(select(func.count()).select_from(window).scalar_subquery().label("total"))
        if shape.facets:
            columns.extend(_facet_columns(window, shape.query, shape.filters, newest=newest))
    return select(*columns)


@functools.lru_cache(maxsize=STATEMENT_CACHE_SIZE)
def _excerpts_statement(query: QueryShape) -> Select[Any]:
    excerpts = []
    if not query.is_empty:
        excerpts = [
            _excerpt(Candidate.headline, query, _SHORT_FIELD_OPTIONS),
            _excerpt(Candidate.resume_text, query, _EXCERPT_OPTIONS),
            _excerpt(Candidate.notes, query, _EXCERPT_OPTIONS),
        ]
    return select(Candidate, *excerpts).where(
        Candidate.tenant_id == _TENANT,
        Candidate.id.in_(bindparam("candidate_ids", expanding=True)),
    )


def _value(name: str, type_: Any) -> ColumnElement[Any]:
    """The search's value `name` (see `_parameters`), typed even when it is NULL."""
    return cast(bindparam(name, type_=type_), type_)


_TENANT = _value("tenant_id", UUID(as_uuid=True))
_JOB = _value("job_id", UUID(as_uuid=True))
_STATUS = _value("status", Text)
_APPLIED_FROM = _value("applied_from", DateTime(timezone=True))
_APPLIED_TO = _value("applied_to", DateTime(timezone=True))
_PAGE_ROWS = _value("page_rows", Integer)


def _location(index: int) -> ColumnElement[Any]:
    return _value(f"location_{index}", Text)


def _stage(index: int) -> ColumnElement[Any]:
    return _value(f"stage_{index}", UUID(as_uuid=True))


def _parameters(
    tenant_id: uuid.UUID,
    query: SearchQuery,
    filters: SearchFilters,
    after: tuple[float, uuid.UUID] | uuid.UUID | None,
    limit: int,
) -> dict[str, Any]:
    """Every value a search's statement may ask for, by parameter name (unused ones are
    ignored): the tenant, the query's words, the filters, the cursor and the page size."""
    fuzzy = query.fuzzy_text
    email = fuzzy is not None and _looks_like_email(fuzzy)
    skills = _canonical_skills(filters.skills) if filters.skills else None
    values: dict[str, Any] = {
        "tenant_id": tenant_id,
        **query.parameters,
        # E-mails are compared with e-mails (by local part), anything else with names: every
        # address of a tenant shares its domain's trigrams, so crossing them would match most.
        "fuzzy_name": fuzzy if not email else None,
        "fuzzy_email": fuzzy if email else None,
        "skills_all": skills if filters.skills_mode == "all" else None,
        "skills_any": skills if filters.skills_mode == "any" else None,
        "tags": list(filters.tags) or None,
        "source": filters.source,
        "years_min": filters.years_min,
        "years_max": filters.years_max,
        "job_id": filters.job_id,
        "status": filters.status,
        "applied_from": filters.applied_from,
        "applied_to": filters.applied_to,
        "page_rows": limit + 1,
    }
    for index, location in enumerate(filters.locations):
        values[f"location_{index}"] = contains_pattern(location) if location else None
    for index, stage_id in enumerate(filters.stage_ids):
        values[f"stage_{index}"] = stage_id
    if isinstance(after, tuple):
        values["after_score"], values["after_id"] = after
    elif after is not None:
        values["before"] = after
    return values


# The function takes one location and one stage: several of either are one call per
# (location, stage) pair, their matches united. Past this many pairs a search is refused.
MAX_FILTER_PAIRS = 40


def filter_pairs(filters: FilterShape) -> list[tuple[int | None, int | None]]:
    """The (location, stage) pairs, by index, that `hireline_search_candidates` is called
    with (None: that filter is not set)."""
    return list(
        itertools.product(range(filters.locations) or (None,), range(filters.stages) or (None,))
    )


def _found(
    query: QueryShape,
    filters: FilterShape,
    *,
    newest: bool,
    before: ColumnElement[Any] | None,
    max_rows: ColumnElement[Any],
    name: str,
) -> FromClause:
    """The `(candidate_id, rank)` rows of `hireline_search_candidates` (migration 0011).

    The function matches and filters in `candidate_search`, whose indexes row-level security
    cannot spoil, for the session's tenant (the tenant parameter is only for the join that
    follows); every argument is a bound parameter. Relevance: the first `max_rows` matches,
    ranked; newest: the newest `max_rows` matches before `before`, without rank.

    Several locations or stages (no migration changed the function's signature) call it once
    per pair and unite the rows: each call's first (or newest) `max_rows` holds the union's,
    so the union cut to `max_rows` in the same id order is what one call taking every value
    would return. A candidate's rank depends on the query alone, so UNION drops duplicates.
    """
    calls = [
        _found_call(query, location, stage, newest, before, max_rows)
        for location, stage in filter_pairs(filters)
    ]
    if len(calls) == 1:
        alone: FromClause = calls[0].alias(name)
        return alone
    rows = [select(call.c.candidate_id, call.c.rank) for call in calls]
    united = union(*rows).subquery("united")
    order = united.c.candidate_id.desc() if newest else united.c.candidate_id
    return select(united).order_by(order).limit(max_rows).subquery(name)


def _found_call(
    query: QueryShape,
    location: int | None,
    stage: int | None,
    newest: bool,
    before: ColumnElement[Any] | None,
    max_rows: ColumnElement[Any],
) -> Any:
    arguments = [
        _argument(None if query.is_empty else tsquery(query), TSQUERY),
        _argument(excluded_tsquery(query), TSQUERY),
        _value("fuzzy_name", Text),
        _value("fuzzy_email", Text),
        _value("skills_all", ARRAY(Text)),
        _value("skills_any", ARRAY(Text)),
        _value("tags", ARRAY(Text)),
        _argument(None if location is None else _location(location), Text),
        _value("source", Text),
        _value("years_min", Double),
        _value("years_max", Double),
        _JOB,
        _argument(None if stage is None else _stage(stage), UUID(as_uuid=True)),
        _STATUS,
        _APPLIED_FROM,
        _APPLIED_TO,
        literal(newest, Boolean),
        _argument(before, UUID(as_uuid=True)),
        max_rows,
    ]
    return func.hireline_search_candidates(*arguments).table_valued(
        column("candidate_id", UUID(as_uuid=True)), column("rank", Double)
    )


_EMAIL_LIKE = re.compile(r"\S*(?:[@._+]|\d)\S*")


def _looks_like_email(text: str) -> bool:
    """An address or the local part of one: one word holding `@ . _ +` or a digit
    (`tommy.vikign88` is compared with addresses, `Jonh Smiht` with names)."""
    return _EMAIL_LIKE.fullmatch(text) is not None


def _argument(expression: ColumnElement[Any] | None, type_: Any) -> ColumnElement[Any]:
    """A function argument: the expression, or a NULL of its type."""
    return cast(null(), type_) if expression is None else expression


def _live_candidates(found: Any, *columns: Any) -> Select[Any]:
    """`columns` of the function's candidates, joined to `candidates` by primary key under
    row-level security, the erased left out."""
    return (
        select(*columns)
        .select_from(found)
        .join(
            Candidate,
            and_(Candidate.tenant_id == _TENANT, Candidate.id == found.c.candidate_id),
        )
        .where(Candidate.erased_at.is_(None))
    )


def _application_conditions(candidate_id: Any, filters: FilterShape) -> list[ColumnElement[bool]]:
    """A candidate's application satisfying every application filter (the same one for all)."""
    return [Application.candidate_id == candidate_id, *_application_filters(filters)]


def _application_filters(filters: FilterShape) -> list[ColumnElement[bool]]:
    """The tenant's applications that the application filters keep."""
    conditions: list[ColumnElement[bool]] = [Application.tenant_id == _TENANT]
    if filters.job:
        conditions.append(Application.job_id == _JOB)
    if filters.stages:
        conditions.append(Application.stage_id.in_([_stage(i) for i in range(filters.stages)]))
    if filters.status:
        conditions.append(Application.status == _STATUS)
    if filters.applied_from:
        conditions.append(Application.applied_at >= _APPLIED_FROM)
    if filters.applied_to:
        conditions.append(Application.applied_at < _APPLIED_TO)
    return conditions


def _canonical_skills(skills: Sequence[str]) -> list[str]:
    """Skills as résumé parsing stores them (`postgres` finds `PostgreSQL`)."""
    taxonomy = load_taxonomy()
    return list(dict.fromkeys(taxonomy.canonical(skill) or skill for skill in skills))


def _window(
    query: QueryShape,
    filters: FilterShape,
    *,
    newest: bool,
    name: str = "matched",
) -> CTE:
    """The matching candidates that ranking, totals and facets look at (`RANK_WINDOW` + 1)."""
    found = _found(
        query,
        filters,
        newest=newest,
        before=None,
        max_rows=literal(RANK_WINDOW + 1, Integer),
        name=f"{name}_found",
    )
    return _live_candidates(
        found,
        Candidate.id.label("id"),
        found.c.rank.label("score"),
        Candidate.skills.label("skills"),
        Candidate.location.label("location"),
    ).cte(name)


def _page_json(
    order: str, window: CTE, query: QueryShape, filters: FilterShape, *, keyset: bool
) -> Any:
    """The page's `[id, score]` pairs in order, one more than the page size, as JSON; after
    the cursor's sort key when `keyset`."""
    page: Select[Any]
    if order == "relevance":
        after = tuple_(_value("after_score", Double), _value("after_id", UUID(as_uuid=True)))
        page = (
            select(window.c.id, window.c.score)
            .where(*([tuple_(window.c.score, window.c.id) < after] if keyset else []))
            .order_by(window.c.score.desc(), window.c.id.desc())
        )
    else:
        found = _found(
            query,
            filters,
            newest=True,
            before=_value("before", UUID(as_uuid=True)) if keyset else None,
            max_rows=_PAGE_ROWS,
            name="found",
        )
        page = _live_candidates(
            found, Candidate.id.label("id"), cast(null(), Double).label("score")
        ).order_by(Candidate.id.desc())
    rows = page.limit(_PAGE_ROWS).subquery("page")
    return _json_rows(
        func.json_build_array(rows.c.id, rows.c.score),
        rows,
        rows.c.score.desc().nulls_last(),
        rows.c.id.desc(),
    )


# Sort key of an application not scored yet (its worker job is queued): after every score.
UNSCORED = -1.0


def _match_page_json(window: CTE, shape: SearchShape) -> Any:
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
        .where(*_application_filters(shape.filters))
    )
    if not shape.query.is_empty or shape.filters.on_candidates:
        page = page.where(Application.candidate_id.in_(select(window.c.id)))
    if not shape.first_page:
        after = tuple_(_value("after_score", Double), _value("after_id", UUID(as_uuid=True)))
        page = page.where(tuple_(score, Application.id) < after)
    rows = page.order_by(score.desc(), Application.id.desc()).limit(_PAGE_ROWS).subquery("page")
    return _json_rows(
        func.json_build_array(rows.c.id, rows.c.score, rows.c.application_id),
        rows,
        rows.c.score.desc(),
        rows.c.application_id.desc(),
    )


def _facet_columns(
    window: CTE, query: QueryShape, filters: FilterShape, *, newest: bool
) -> list[Any]:
    """Skills, location and stage counts. Ticking a location or a stage widens its own facet
    (any of the ticked values), so those two count the matches of every other filter: the
    unticked values stay on offer, with what ticking them would add."""
    by_location = window
    if filters.locations:
        by_location = _window(
            query, replace(filters, locations=0), newest=newest, name="any_location"
        )
    by_stage = window
    stage_filters = filters
    if filters.stages:
        stage_filters = replace(filters, stages=0)
        by_stage = _window(query, stage_filters, newest=newest, name="any_stage")
    skill = select(func.unnest(window.c.skills).label("value")).subquery("skill")
    skills = (
        select(skill.c.value, func.count().label("n"))
        .group_by(skill.c.value)
        .order_by(func.count().desc(), skill.c.value)
        .limit(FACET_SIZE)
        .subquery("skills")
    )
    locations = (
        select(by_location.c.location.label("value"), func.count().label("n"))
        .where(by_location.c.location.is_not(None))
        .group_by(by_location.c.location)
        .order_by(func.count().desc(), by_location.c.location)
        .limit(FACET_SIZE)
        .subquery("locations")
    )
    # A LATERAL subquery the planner may not flatten: each windowed candidate's applications
    # are read by (tenant, candidate), so the count never looks at the organisation's other
    # applications (a plain join let the planner hash every application of the tenant: 10-13
    # ms of a search at 20 000 candidates).
    applied = (
        select(Application.stage_id.label("stage_id"))
        .where(*_application_conditions(by_stage.c.id, stage_filters))
        .offset(0)  # keeps PostgreSQL from flattening it into a join
        .lateral("applied")
    )
    counted = func.count(by_stage.c.id.distinct())
    stages = (
        select(
            PipelineStage.id.label("value"),
            PipelineStage.name.label("label"),
            PipelineStage.job_id.label("job_id"),
            counted.label("n"),
        )
        .select_from(by_stage)
        .join(applied, true())
        .join(
            PipelineStage,
            (PipelineStage.tenant_id == _TENANT) & (PipelineStage.id == applied.c.stage_id),
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


def _excerpt(column: Any, query: QueryShape, options: str) -> Any:
    source = func.translate(column, MARK_START + MARK_STOP, "")
    return func.ts_headline(SEARCH_CONFIG, source, tsquery(query, positive_only=True), options)
