"""Analytics reports at scale: latency of each report over a big tenant's summaries, and the
time the rebuild of those summaries takes.

    .venv/bin/python -m bench.analytics [--applications 1000000] [--rounds 30] [--quick]

Builds a database of its own (`hireline_bench_analytics_<n>`) on DATABASE_URL's server (or an
embedded PostgreSQL): one tenant with `--applications` applications to 20 jobs over a year,
each with a stage history in the activity log (moves forward, some back, rejections with
reasons, withdrawals, hires), interviews and offers, and 10 other tenants with a fiftieth of
that each; loaded with INSERT ... SELECT generate_series as the database owner. Then rebuilds
the big tenant's summaries as the application role (row-level security on) and times each
report (`hireline.analytics.service`, Python included, HTTP excluded) under four filters: none,
one job, one source, one quarter. Prints p50/p95/p99 per report.
Goal (issue 16): p95 under 100 ms per report at 1 000 000 applications, on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import psycopg
from bench.search_data import server_url
from psycopg import sql
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from hireline.analytics import service
from hireline.analytics.schemas import Filters
from hireline.core.database_url import libpq_url, with_database
from hireline.core.db import create_engine
from hireline.core.migrations import upgrade
from hireline.core.tenancy import enter_tenant

APP_ROLE = "hireline_app"
JOBS = 20
STAGES = ["Applied", "Screen", "Interview", "Offer", "Hired"]
SOURCES = ["careers_page", "referral", "linkedin", "agency", "sourced"]
REASONS = ["not_qualified", "more_qualified_candidates", "salary_expectations", "location"]

# One tenant, in SQL: %(n)s applications from %(start)s over a year. Stage reached: 50 % stay
# in Applied, 25 % reach Screen, 15 % Interview, 7 % Offer, 3 % are hired; a tenth of those
# past Screen were moved back once; 60 % of the unhired are rejected, 5 % withdraw.
LOAD = """
INSERT INTO tenants (id, name, slug) VALUES (%(tenant)s, %(slug)s, %(slug)s);
INSERT INTO jobs (tenant_id, id, title, locations, employment_type, description,
                  required_skills, preferred_skills, status)
SELECT %(tenant)s, gen_random_uuid(), 'Job ' || j, '[]'::jsonb, 'full_time', 'Synthetic.',
       '{}', '{}', 'open'
FROM generate_series(1, %(jobs)s) j;
INSERT INTO pipeline_stages (tenant_id, id, job_id, name, position)
SELECT %(tenant)s, gen_random_uuid(), j.id, s.name, s.position - 1
FROM jobs j, unnest(%(stages)s::text[]) WITH ORDINALITY s(name, position)
WHERE j.tenant_id = %(tenant)s;
CREATE TEMPORARY TABLE bench_jobs AS
SELECT row_number() OVER (ORDER BY id) - 1 AS job_index, id FROM jobs WHERE tenant_id = %(tenant)s;
CREATE TEMPORARY TABLE bench_apps AS
SELECT g, gen_random_uuid() AS candidate_id, gen_random_uuid() AS application_id,
       (SELECT id FROM bench_jobs WHERE job_index = g %% %(jobs)s) AS job_id,
       %(start)s::timestamptz + (g::float8 / %(n)s) * interval '365 days' AS applied_at,
       (%(sources)s::text[])[1 + (hashint4(g) & 1023) %% 5] AS source,
       CASE WHEN r < 0.50 THEN 0 WHEN r < 0.75 THEN 1 WHEN r < 0.90 THEN 2
            WHEN r < 0.97 THEN 3 ELSE 4 END AS furthest,
       random() AS fate, random() < 0.1 AS moved_back
FROM (SELECT g, random() AS r FROM generate_series(1, %(n)s) g) drawn;
ALTER TABLE bench_apps ADD COLUMN outcome text;
UPDATE bench_apps SET outcome = CASE WHEN furthest = 4 THEN 'hired'
    WHEN fate < 0.60 THEN 'rejected' WHEN fate < 0.65 THEN 'withdrawn' ELSE 'active' END;
INSERT INTO candidates (tenant_id, id, email, email_normalized, name, source, created_at)
SELECT %(tenant)s, candidate_id, 'c' || g || '@bench.example', 'c' || g || '@bench.example',
       'Candidate ' || g, source, applied_at
FROM bench_apps;
INSERT INTO applications (tenant_id, id, job_id, candidate_id, stage_id, status, source,
                          consent_at, consent_text, rejection_reason, applied_at, updated_at)
SELECT %(tenant)s, a.application_id, a.job_id, a.candidate_id, s.id, a.outcome, a.source,
       a.applied_at, 'yes',
       CASE WHEN a.outcome = 'rejected'
            THEN (%(reasons)s::text[])[1 + (hashint4(a.g + 7) & 1023) %% 4] END,
       a.applied_at, a.applied_at
FROM bench_apps a JOIN pipeline_stages s
    ON s.tenant_id = %(tenant)s AND s.job_id = a.job_id AND s.position = a.furthest;
-- The history: created; a move into each stage up to the furthest, 20 h apart; for some a
-- move back to the stage before and forward again; the outcome 10 h after the last move.
INSERT INTO activities (tenant_id, candidate_id, application_id, actor_type, actor_id, kind,
                        details, occurred_at)
SELECT %(tenant)s, candidate_id, application_id, 'candidate', NULL, 'application.created',
       '{}'::jsonb, applied_at
FROM bench_apps;
INSERT INTO activities (tenant_id, candidate_id, application_id, actor_type, actor_id, kind,
                        details, occurred_at)
SELECT %(tenant)s, a.candidate_id, a.application_id, 'user', 'bench', 'application.moved',
       jsonb_build_object('from_stage_id', f.id, 'to_stage_id', t.id, 'to_stage', t.name),
       a.applied_at + (t.position * 20 + (hashint4(a.g) & 7)) * interval '1 hour'
FROM bench_apps a
JOIN pipeline_stages t ON t.tenant_id = %(tenant)s AND t.job_id = a.job_id
    AND t.position BETWEEN 1 AND a.furthest
JOIN pipeline_stages f ON f.tenant_id = %(tenant)s AND f.job_id = a.job_id
    AND f.position = t.position - 1;
INSERT INTO activities (tenant_id, candidate_id, application_id, actor_type, actor_id, kind,
                        details, occurred_at)
SELECT %(tenant)s, a.candidate_id, a.application_id, 'user', 'bench', 'application.moved',
       jsonb_build_object('from_stage_id', t.id, 'to_stage_id', f.id, 'to_stage', f.name),
       a.applied_at + (a.furthest * 20 + 12) * interval '1 hour'
FROM bench_apps a
JOIN pipeline_stages t ON t.tenant_id = %(tenant)s AND t.job_id = a.job_id
    AND t.position = a.furthest
JOIN pipeline_stages f ON f.tenant_id = %(tenant)s AND f.job_id = a.job_id
    AND f.position = a.furthest - 1
WHERE a.moved_back AND a.furthest BETWEEN 2 AND 3;
INSERT INTO activities (tenant_id, candidate_id, application_id, actor_type, actor_id, kind,
                        details, occurred_at)
SELECT %(tenant)s, a.candidate_id, a.application_id, 'user', 'bench', 'application.moved',
       jsonb_build_object('from_stage_id', f.id, 'to_stage_id', t.id, 'to_stage', t.name),
       a.applied_at + (a.furthest * 20 + 16) * interval '1 hour'
FROM bench_apps a
JOIN pipeline_stages t ON t.tenant_id = %(tenant)s AND t.job_id = a.job_id
    AND t.position = a.furthest
JOIN pipeline_stages f ON f.tenant_id = %(tenant)s AND f.job_id = a.job_id
    AND f.position = a.furthest - 1
WHERE a.moved_back AND a.furthest BETWEEN 2 AND 3;
INSERT INTO activities (tenant_id, candidate_id, application_id, actor_type, actor_id, kind,
                        details, occurred_at)
SELECT %(tenant)s, candidate_id, application_id,
       CASE WHEN outcome = 'withdrawn' THEN 'candidate' ELSE 'user' END, 'bench',
       'application.' || outcome, '{}'::jsonb,
       applied_at + (furthest * 20 + 30) * interval '1 hour'
FROM bench_apps WHERE outcome <> 'active';
INSERT INTO interviews (tenant_id, id, application_id, job_id, candidate_id, name, kit,
                        starts_at, ends_at, time_zone, ical_uid, status)
SELECT %(tenant)s, gen_random_uuid(), application_id, job_id, candidate_id, 'Panel', '{}',
       applied_at + interval '45 hours', applied_at + interval '46 hours', 'UTC',
       application_id || '@bench', CASE WHEN fate < 0.05 THEN 'cancelled' ELSE 'scheduled' END
FROM bench_apps WHERE furthest >= 2;
INSERT INTO offers (tenant_id, id, application_id, job_id, candidate_id, status, base_salary,
                    currency, start_date, expires_at, template_key, within_band, sent_at,
                    decided_at)
SELECT %(tenant)s, gen_random_uuid(), application_id, job_id, candidate_id,
       CASE WHEN furthest = 4 THEN 'accepted' WHEN fate < 0.6 THEN 'declined' ELSE 'sent' END,
       100000, 'USD', date '2027-01-04', applied_at + interval '90 days', 'standard',
       fate > 0.2, applied_at + interval '70 hours',
       CASE WHEN furthest = 4 OR fate < 0.6 THEN applied_at + interval '90 hours' END
FROM bench_apps WHERE furthest >= 3;
DROP TABLE bench_apps, bench_jobs;
"""


def build(server: str, applications: int, other_tenants: int) -> tuple[str, uuid.UUID]:
    """Create, migrate and fill the benchmark database; its URL and the big tenant's id."""
    name = f"hireline_bench_analytics_{applications}"
    admin = libpq_url(server)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = with_database(server, name)
    upgrade(url)
    started = time.perf_counter()
    big = uuid.uuid4()
    with psycopg.connect(libpq_url(url)) as connection:
        # No triggers while loading (DATABASE_URL's user must be a superuser): the search
        # side table they feed plays no part here, and the rows are consistent by
        # construction, so the foreign-key checks (triggers too) are spared as well.
        connection.execute("SET session_replication_role = replica")
        tenants = [(big, "bigco", applications)] + [
            (uuid.uuid4(), f"other{i}", max(applications // 50, 100)) for i in range(other_tenants)
        ]
        for tenant, slug, size in tenants:
            values = {
                "tenant": tenant, "slug": slug, "n": size, "jobs": JOBS, "stages": STAGES,
                "sources": SOURCES, "reasons": REASONS, "start": "2025-11-01T00:00:00Z",
            }  # fmt: skip
            # One statement at a time: a statement with parameters cannot hold several.
            for statement in filter(str.strip, LOAD.split(";\n")):
                connection.execute(statement, values)
            print(f"{slug}: {size} applications loaded at {time.perf_counter() - started:.0f} s")
        connection.commit()
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    print(f"loaded and vacuumed in {time.perf_counter() - started:.0f} s")
    return url, big


async def refresh(engine: AsyncEngine, tenant_id: uuid.UUID) -> float:
    """Rebuild the tenant's summaries as the application role; seconds taken."""
    started = time.perf_counter()
    async with AsyncSession(engine) as session, session.begin():
        await enter_tenant(session, tenant_id)
        await service.refresh(session)
    return time.perf_counter() - started


Report = Callable[[AsyncSession, Filters], Awaitable[Any]]
REPORTS: dict[str, Report] = {
    "funnel": service.funnel,
    "time-in-stage": service.time_in_stage,
    "time-to-hire": service.time_to_hire,
    "sources": service.sources,
    "offers": service.offers,
    "pipeline-health": service.health,
}


async def _timed(engine: AsyncEngine, tenant_id: uuid.UUID, report: Report, f: Filters) -> float:
    started = time.perf_counter()
    async with AsyncSession(engine) as session, session.begin():
        await enter_tenant(session, tenant_id)
        await report(session, f)
    return (time.perf_counter() - started) * 1000


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def measure(url: str, tenant_id: uuid.UUID, rounds: int) -> None:
    engine = create_engine(url, pool_size=2, role=APP_ROLE)
    try:
        took = await refresh(engine, tenant_id)
        print(f"rebuild of the big tenant's summaries: {took:.1f} s")
        with psycopg.connect(libpq_url(url), autocommit=True) as connection:
            # What autovacuum does soon after a rebuild has replaced the rows.
            connection.execute("ANALYZE analytics_daily, analytics_stage_daily, analytics_dropoffs")
            job = connection.execute(
                "SELECT id FROM jobs WHERE tenant_id = %s ORDER BY id LIMIT 1", (tenant_id,)
            ).fetchone()
            rows = connection.execute(
                "SELECT (SELECT count(*) FROM analytics_daily WHERE tenant_id = %(t)s),"
                " (SELECT count(*) FROM analytics_stage_daily WHERE tenant_id = %(t)s),"
                " (SELECT count(*) FROM applications WHERE tenant_id = %(t)s),"
                " (SELECT count(*) FROM applications)",
                {"t": tenant_id},
            ).fetchone()
        assert job is not None
        assert rows is not None
        print(
            f"{rows[2]} applications in the big tenant, {rows[3]} in all; summary rows: "
            f"{rows[0]} daily, {rows[1]} per stage"
        )
        scopes = [
            Filters(),
            Filters(job_id=job[0]),
            Filters(source="referral"),
            Filters(date_from=date(2026, 1, 1), date_to=date(2026, 3, 31)),
        ]
        for report in REPORTS.values():  # warm the caches and the pool
            await _timed(engine, tenant_id, report, scopes[0])
        print(f"\n{'report':18} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for name, report in REPORTS.items():
            timings = [
                await _timed(engine, tenant_id, report, scope)
                for _ in range(rounds)
                for scope in scopes
            ]
            print(
                f"{name:18} {statistics.median(timings):8.1f} {_percentile(timings, 0.95):8.1f}"
                f" {_percentile(timings, 0.99):8.1f}"
            )
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--other-tenants", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(applications=5000, other_tenants=2, rounds=3)
    args = parser.parse_args()
    url, tenant_id = build(server_url(), args.applications, args.other_tenants)
    asyncio.run(measure(url, tenant_id, args.rounds))


if __name__ == "__main__":
    main()
