"""Candidate search latency on a fixed mix of 21 queries, and the plans it relies on.

    .venv/bin/python bench/search_data.py --candidates 100000      # once: build the data
    .venv/bin/python -m bench.search --candidates 100000 [--rounds 20] [--plans]

Runs `hireline.search.service.search` (the whole search: both statements, facets on, first
page of 20, Python included; HTTP excluded) as the application role with row-level security,
one query at a time, against the big tenant of `bench/search_data.py`. Prints p50/p95/p99
over all runs, the time a search spends outside the database (Python and the driver) and
each query's median; `--plans` also prints EXPLAIN (ANALYZE, BUFFERS) of representative
queries, run as the application role, with the plans of the statements inside
`hireline_search_candidates` (migrations 0011, 0040) through auto_explain (so `--plans` needs
DATABASE_URL's user to be a superuser), and fails if any scans `candidates` or
`candidate_search` sequentially.
Goals: p95 (issue 7) and p99 (issue 12) under 50 ms at 1 000 000 candidates with 10 other
tenants, on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import psycopg
from bench.search_data import database_name, server_url
from psycopg import sql
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from hireline.core import heap
from hireline.core.database_url import libpq_url, with_database
from hireline.core.db import create_engine
from hireline.core.tenancy import enter_tenant
from hireline.search import service
from hireline.search.query import parse
from hireline.search.schemas import SearchFilters, SearchSort

APP_ROLE = "hireline_app"


@dataclass(frozen=True)
class BenchQuery:
    label: str
    q: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)
    sort: SearchSort | None = None
    explain: bool = False


def _misspell(word: str) -> str:
    """Swap two inner letters: `Johnson` -> `Jonhson`."""
    if len(word) < 4:
        return word + word[-1]
    return word[:2] + word[3] + word[2] + word[4:]


def query_mix(person: tuple[str, str], job_id: uuid.UUID) -> list[BenchQuery]:
    """The fixed mix: single words, phrases, skill filter + text, misspellings, facets."""
    name, email = person
    first, last = name.split(" ", 1)
    local, domain = email.split("@")
    return [
        BenchQuery("word: python", "python", explain=True),
        BenchQuery("word: kubernetes", "kubernetes"),
        BenchQuery("word: engineer (very broad)", "engineer"),
        BenchQuery("word: observability", "observability"),
        BenchQuery('phrase: "site reliability"', '"site reliability"', explain=True),
        BenchQuery('phrase: "machine learning engineer"', '"machine learning engineer"'),
        BenchQuery("words: backend payments", "backend payments"),
        BenchQuery(
            "skill Python + latency", "latency", SearchFilters(skills=("Python",)), explain=True
        ),
        BenchQuery(
            "skills Go|Kubernetes + microservices",
            "microservices",
            SearchFilters(skills=("Go", "Kubernetes"), skills_mode="any"),
        ),
        BenchQuery("skills Java&SQL + banking", "banking", SearchFilters(skills=("Java", "SQL"))),
        BenchQuery("exact name", name),
        BenchQuery("misspelt name", f"{_misspell(first)} {_misspell(last)}", explain=True),
        BenchQuery("misspelt e-mail", f"{_misspell(local)}@{domain}"),
        BenchQuery("part of an e-mail", local),
        BenchQuery("exclusion: python -java", "python -java"),
        BenchQuery("or: rust OR golang", "rust OR golang"),
        BenchQuery("devops in Berlin", "devops", SearchFilters(locations=("Berlin",))),
        BenchQuery("facets: data", "data", explain=True),
        BenchQuery("facets: job, no text", "", SearchFilters(job_id=job_id), explain=True),
        BenchQuery(
            "facets: skill Python, 5-15 years",
            "",
            SearchFilters(skills=("Python",), years_min=5, years_max=15),
        ),
        BenchQuery("newest: senior", "senior", sort="newest", explain=True),
    ]


class DatabaseClock:
    """Time spent inside the driver's execute (the server's work and the round trip), so that
    what a search spends in Python shows apart."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.seconds = 0.0
        self._started = 0.0
        event.listen(engine.sync_engine, "before_cursor_execute", self._before)
        event.listen(engine.sync_engine, "after_cursor_execute", self._after)

    def _before(self, *_: Any) -> None:
        self._started = time.perf_counter()

    def _after(self, *_: Any) -> None:
        self.seconds += time.perf_counter() - self._started


async def _run(engine: AsyncEngine, tenant_id: uuid.UUID, query: BenchQuery) -> float:
    started = time.perf_counter()
    async with AsyncSession(engine) as session, session.begin():
        await enter_tenant(session, tenant_id)
        await service.search(
            session,
            tenant_id,
            query=parse(query.q),
            filters=query.filters,
            sort=query.sort,
            cursor=None,
            limit=20,
        )
    return (time.perf_counter() - started) * 1000


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# auto_explain (a superuser may LOAD it and set these) prints the plans of the statements run
# inside `hireline_search_candidates` too, which EXPLAIN of the calling statement hides.
NESTED_PLANS = """
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_analyze = on;
SET auto_explain.log_buffers = on;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_level = notice;
"""
SEQUENTIAL_SCANS = ("Seq Scan on candidates", "Seq Scan on candidate_search")


async def _explain(engine: AsyncEngine, url: str, tenant_id: uuid.UUID, query: BenchQuery) -> bool:
    """Print the plans of a query's statements, run as the app role; False if one scans
    candidates or candidate_search sequentially."""
    captured: list[tuple[str, Any]] = []

    def capture(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "candidates" in statement:
            captured.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        await _run(engine, tenant_id, query)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    clean = True
    with psycopg.connect(libpq_url(url)) as connection:
        nested: list[str] = []
        connection.add_notice_handler(lambda notice: nested.append(notice.message_primary))
        connection.execute(NESTED_PLANS)
        connection.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(APP_ROLE)))
        connection.execute("SELECT set_config('app.tenant_id', %s, true)", (str(tenant_id),))
        for number, (statement, parameters) in enumerate(captured, 1):
            nested.clear()
            rows = connection.execute(
                "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters
            ).fetchall()
            plan = "\n".join(row[0] for row in rows)
            inner = [message for message in nested if "candidate_search" in message]
            print(f"\n--- {query.label}: statement {number} (as {APP_ROLE}) ---\n{plan}")
            for message in inner:
                print(f"--- inside hireline_search_candidates ---\n{message}")
            if any(scan in text for text in (plan, *inner) for scan in SEQUENTIAL_SCANS):
                clean = False
        connection.rollback()
    return clean


# The files searches read, as a server that has been answering searches holds them in memory.
SEARCHED_RELATIONS = ("candidate_search", "candidates", "applications", "pipeline_stages")
PREWARM = """
SELECT sum(pg_prewarm(relation, 'read')) FROM (
    SELECT c.oid AS relation FROM pg_class c WHERE c.relname = ANY(%(tables)s)
    UNION SELECT i.indexrelid FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
          WHERE c.relname = ANY(%(tables)s)
    UNION SELECT c.reltoastrelid FROM pg_class c
          WHERE c.relname = ANY(%(tables)s) AND c.reltoastrelid <> 0
) AS searched
"""


def _read_into_page_cache(connection: psycopg.Connection[Any]) -> None:
    """Read the searched tables, their indexes and TOAST into the OS page cache (pg_prewarm,
    which needs a superuser): a first pass over a database of several GB otherwise measures
    the disk, differently each run."""
    try:
        connection.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        connection.execute(PREWARM, {"tables": list(SEARCHED_RELATIONS)})
        connection.commit()
    except psycopg.Error as error:
        connection.rollback()
        print(f"not read into the page cache first (pg_prewarm: {error})")


async def main_async(args: argparse.Namespace) -> int:
    url = with_database(server_url(), database_name(args.candidates))
    with psycopg.connect(libpq_url(url)) as connection:
        _read_into_page_cache(connection)
        row = connection.execute("SELECT id FROM tenants WHERE slug = 'bigco'").fetchone()
        assert row is not None, "run bench/search_data.py first"
        tenant_id = row[0]
        person = connection.execute(
            "SELECT name, email FROM candidates WHERE tenant_id = %s ORDER BY id OFFSET %s LIMIT 1",
            (tenant_id, args.candidates // 3),
        ).fetchone()
        job = connection.execute(
            "SELECT job_id FROM applications WHERE tenant_id = %s GROUP BY job_id"
            " ORDER BY count(*) DESC LIMIT 1",
            (tenant_id,),
        ).fetchone()
        counts = connection.execute(
            "SELECT count(*) FILTER (WHERE tenant_id = %s), count(*) FROM candidates",
            (tenant_id,),
        ).fetchone()
    assert person is not None
    assert job is not None
    assert counts is not None
    print(f"{counts[0]} candidates in the big tenant, {counts[1]} in all; person: {person}")
    engine = create_engine(url, pool_size=2, role=APP_ROLE)
    mix = query_mix((person[0], person[1]), job[0])
    try:
        for query in mix:  # warm the caches and the connection pool
            await _run(engine, tenant_id, query)
        # As the API and the worker do once started (hireline.core.heap): this process stands
        # in for the API server, whose full garbage collections skip its start-up objects.
        heap.freeze_startup_objects()
        timings: dict[str, list[float]] = {query.label: [] for query in mix}
        outside: list[float] = []
        clock = DatabaseClock(engine)
        for _ in range(args.rounds):
            for query in mix:
                in_database = clock.seconds
                whole = await _run(engine, tenant_id, query)
                timings[query.label].append(whole)
                outside.append(whole - (clock.seconds - in_database) * 1000)
        every = [t for values in timings.values() for t in values]
        print(f"\n{'query':45} {'p50 ms':>8} {'max ms':>8}")
        for label, values in timings.items():
            print(f"{label:45} {statistics.median(values):8.1f} {max(values):8.1f}")
        print(
            f"\nall {len(every)} searches: p50 {_percentile(every, 0.50):.1f} ms, "
            f"p95 {_percentile(every, 0.95):.1f} ms, p99 {_percentile(every, 0.99):.1f} ms"
        )
        print(
            f"of which outside the database (Python, the driver): "
            f"p50 {_percentile(outside, 0.50):.1f} ms, p95 {_percentile(outside, 0.95):.1f} ms"
        )
        clean = True
        if args.plans:
            for query in mix:
                wanted = args.plans_for
                if (query.explain and not wanted) or (wanted and wanted in query.label):
                    clean = await _explain(engine, url, tenant_id, query) and clean
            print(
                "\nno sequential scan of candidates or candidate_search"
                if clean
                else "\nSEQUENTIAL SCAN FOUND"
            )
    finally:
        await engine.dispose()
    return 0 if clean else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--plans", action="store_true")
    parser.add_argument(
        "--plans-for", metavar="TEXT", help="with --plans: the queries whose label holds TEXT"
    )
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(candidates=2000, rounds=2)
    sys.exit(asyncio.run(main_async(parser.parse_args())))


if __name__ == "__main__":
    main()
