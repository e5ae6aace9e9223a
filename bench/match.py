"""Job matching at scale: a full re-score of a big job, and ranking a job's applicants.

    .venv/bin/python bench/match.py [--applicants 100000] [--ranked 5000] [--other-tenants 0]
        [--tenant-candidates N]

Loads (with COPY) one tenant of `--tenant-candidates` candidates (default: as many as
applicants) with a job of `--applicants` applicants and a second job whose `--ranked`
applicants are the first of those candidates, optionally `--other-tenants` tenants with as
many applicants each as noise. Issue 7's setting: `--applicants 100000 --tenant-candidates
1000000 --other-tenants 10`. Then, as the application's role (row-level security
on), it times:

* the full bulk re-score of the big job (`matching.service.rescore_job`), cold and warm;
* ranking the top 50 of the small job by match through `candidates.service.
  applications_of_job(sort="match")` (the function behind `GET /v1/jobs/{id}/applications?
  sort=match`), after re-scoring that job;

and prints the EXPLAIN (ANALYZE, BUFFERS) plans those rely on. Goals (2 cores): re-score of
100 000 applicants < 30 s; top 50 of 5 000 by match < 200 ms.

Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary directory. It creates
and drops a database of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline.candidates import service as candidates
from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database
from hireline.core.db import create_engine, create_sessionmaker, unit_of_work
from hireline.core.ids import uuid7
from hireline.core.tenancy import enter_tenant
from hireline.matching import service as matching

SKILLS = (
    "Python", "Django", "Flask", "FastAPI", "PostgreSQL", "MySQL", "Redis", "Kubernetes",
    "Docker", "AWS", "GCP", "Azure", "Terraform", "Go", "Rust", "Java", "Kotlin", "Spring Boot",
    "TypeScript", "JavaScript", "React", "Vue.js", "Angular", "Node.js", "GraphQL", "Kafka",
    "RabbitMQ", "Elasticsearch", "Linux", "Git", "CI/CD", "Celery", "pandas", "NumPy", "Spark",
)  # fmt: skip
CITIES = (
    "Austin, TX",
    "Dallas, TX",
    "Seattle, WA",
    "New York, NY",
    "Berlin, Germany",
    "London, UK",
    "Remote",
    "",
)
JOB = {
    "required_skills": ["Python", "PostgreSQL", "FastAPI", "Docker"],
    "preferred_skills": ["Kubernetes", "Redis", "AWS"],
    "skill_weights": '{"Python": 2}',
    "min_years_experience": 5,
    "level": "senior",
    "locations": '[{"mode": "hybrid", "city": "Austin", "region": "TX", "country": "US"}, '
    '{"mode": "remote", "region": "United States", "country": "US"}]',
}


def _array(values: list[str]) -> str:
    return "{" + ",".join('"' + v.replace('"', '\\"') + '"' for v in values) + "}"


def _candidates(tenant_id: uuid.UUID, ids: list[uuid.UUID], rng: random.Random) -> Iterator[bytes]:
    for n, candidate_id in enumerate(ids):
        skills = rng.sample(SKILLS, rng.randint(3, 14))
        years = "\\N" if n % 20 == 0 else f"{rng.uniform(0, 20):.1f}"
        location = rng.choice(CITIES) or "\\N"
        email = f"c{n}.{tenant_id.hex[:6]}@bench.example"
        yield (
            f"{tenant_id}\t{candidate_id}\t{email}\t{email}\tCandidate {n}\t"
            f"{_array(skills)}\t{years}\t{location}\n"
        ).encode()


def _applications(
    tenant_id: uuid.UUID, job_id: uuid.UUID, candidate_ids: list[uuid.UUID]
) -> Iterator[bytes]:
    for candidate_id in candidate_ids:
        yield (
            f"{tenant_id}\t{uuid7()}\t{job_id}\t{candidate_id}\t2026-11-01T00:00:00Z\tbench\n"
        ).encode()


def load(
    url: str, applicants: int, ranked: int, other_tenants: int, tenant_candidates: int
) -> tuple[uuid.UUID, ...]:
    """One tenant with a big job and a small one (plus noise tenants); returns their ids."""
    rng = random.Random(7)
    started = time.perf_counter()
    ids: tuple[uuid.UUID, ...] = ()
    with psycopg.connect(libpq_url(url)) as connection:
        for t in range(1 + other_tenants):
            tenant_id, big_job, small_job = uuid.uuid4(), uuid7(), uuid7()
            connection.execute(
                "INSERT INTO tenants (id, name, slug) VALUES (%s, %s, %s)",
                (tenant_id, f"Bench {t}", f"bench-{tenant_id.hex[:10]}"),
            )
            for job_id in (big_job, small_job):
                connection.execute(
                    "INSERT INTO jobs (tenant_id, id, title, locations, employment_type, level, "
                    "description, required_skills, preferred_skills, skill_weights, "
                    "min_years_experience, status) VALUES (%s, %s, 'Backend engineer', "
                    "%s::jsonb, 'full_time', %s, 'x', %s, %s, %s::jsonb, %s, 'open')",
                    (
                        tenant_id,
                        job_id,
                        JOB["locations"],
                        JOB["level"],
                        JOB["required_skills"],
                        JOB["preferred_skills"],
                        JOB["skill_weights"],
                        JOB["min_years_experience"],
                    ),
                )
            population = max(tenant_candidates, applicants) if t == 0 else applicants
            candidate_ids = [uuid7() for _ in range(population)]
            with connection.cursor().copy(
                "COPY candidates (tenant_id, id, email_normalized, email, name, skills, "
                "years_experience, location) FROM STDIN"
            ) as copy:
                for line in _candidates(tenant_id, candidate_ids, rng):
                    copy.write(line)
            with connection.cursor().copy(
                "COPY applications (tenant_id, id, job_id, candidate_id, consent_at, "
                "consent_text) FROM STDIN"
            ) as copy:
                for line in _applications(tenant_id, big_job, candidate_ids[:applicants]):
                    copy.write(line)
                for line in _applications(tenant_id, small_job, candidate_ids[:ranked]):
                    copy.write(line)
            if t == 0:
                ids = (tenant_id, big_job, small_job)
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE candidates, applications, jobs")
    rows = (1 + other_tenants) * (2 * applicants + ranked) + max(0, tenant_candidates - applicants)
    print(
        f"loaded {rows:,} rows (candidates + applications) in {time.perf_counter() - started:.1f} s"
    )
    return ids


async def rescore(engine: AsyncEngine, tenant_id: uuid.UUID, job_id: uuid.UUID) -> float:
    started = time.perf_counter()
    async with unit_of_work(create_sessionmaker(engine)) as session:
        await enter_tenant(session, tenant_id)
        scored = await matching.rescore_job(session, tenant_id, job_id)
    seconds = time.perf_counter() - started
    print(f"  re-scored {scored:,} applicants in {seconds:.2f} s ({scored / seconds:,.0f}/s)")
    return seconds


async def explain(
    engine: AsyncEngine, tenant_id: uuid.UUID, title: str, statement: str, params: Any
) -> None:
    async with engine.connect() as connection:
        await connection.execute(
            text("SELECT set_config('app.tenant_id', :t, true)"), {"t": str(tenant_id)}
        )
        result = await connection.exec_driver_sql(
            "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + statement, params
        )
        print(f"\n--- {title}")
        for (line,) in result:
            print("   ", line)
        await connection.rollback()


async def measure(
    url: str, applicants: int, ranked: int, other_tenants: int, tenant_candidates: int
) -> None:
    tenant_id, big_job, small_job = load(url, applicants, ranked, other_tenants, tenant_candidates)
    engine = create_engine(url, pool_size=2, role="hireline_app")

    print(f"\nfull re-score of a job with {applicants:,} applicants:")
    cold = await rescore(engine, tenant_id, big_job)
    warm = await rescore(engine, tenant_id, big_job)
    await rescore(engine, tenant_id, small_job)
    # What autovacuum would have done by the time anyone reads (the app role may not ANALYZE).
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE match_scores")

    # Capture the ranking statement the service sends, to EXPLAIN it afterwards.
    captured: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "match_scores" in statement and "ORDER BY" in statement:
            captured.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    timings = []
    for _ in range(30):
        started = time.perf_counter()
        async with unit_of_work(create_sessionmaker(engine)) as session:
            await enter_tenant(session, tenant_id)
            rows, cursor = await candidates.applications_of_job(
                session,
                tenant_id,
                small_job,
                stage_id=None,
                status=None,
                applied_from=None,
                applied_to=None,
                cursor=None,
                limit=50,
                sort="match",
            )
        timings.append((time.perf_counter() - started) * 1000)
        assert len(rows) == 50
        assert cursor is not None
    event.remove(engine.sync_engine, "before_cursor_execute", capture)
    timings.sort()
    print(f"\ntop 50 of {ranked:,} applicants by match (service call, incl. transaction), 30 runs:")
    p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
    print(f"  p50 {p50:.1f} ms   p95 {p95:.1f} ms   max {timings[-1]:.1f} ms   (goal < 200 ms)")

    statement, params = captured[-1]
    await explain(
        engine, tenant_id, "ranking: GET /v1/jobs/{id}/applications?sort=match", statement, params
    )
    await explain(
        engine,
        tenant_id,
        "bulk re-score: the applicants read through a server-side cursor",
        "SELECT a.id, c.skills, c.years_experience, c.location FROM applications a "
        "JOIN candidates c ON c.tenant_id = a.tenant_id AND c.id = a.candidate_id "
        "WHERE a.tenant_id = %(t)s AND a.job_id = %(j)s AND c.erased_at IS NULL",
        {"t": tenant_id, "j": big_job},
    )
    await explain(
        engine,
        tenant_id,
        "top 50 straight from the score index (tenant_id, job_id, score DESC, application_id DESC)",
        "SELECT application_id, score FROM match_scores WHERE tenant_id = %(t)s AND job_id = %(j)s "
        "ORDER BY score DESC, application_id DESC LIMIT 50",
        {"t": tenant_id, "j": big_job},
    )
    await engine.dispose()
    print(
        f"\nsummary: re-score {applicants:,}: cold {cold:.2f} s, warm {warm:.2f} s (goal < 30 s); "
        f"rank top 50 of {ranked:,}: p50 {statistics.median(timings):.1f} ms (goal < 200 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applicants", type=int, default=100_000)
    parser.add_argument("--ranked", type=int, default=5_000)
    parser.add_argument("--other-tenants", type=int, default=0)
    parser.add_argument("--tenant-candidates", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(applicants=2000, ranked=200)
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL")
    embedded = None
    if not server:
        embedded = embedded_postgres.start(Path(tempfile.mkdtemp()), delete_on_stop=True)
        server = embedded.url
    name = f"hireline_bench_{uuid.uuid4().hex[:8]}"
    admin = libpq_url(server)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = with_database(server, name)
        migrations.upgrade(url)
        asyncio.run(
            measure(url, args.applicants, args.ranked, args.other_tenants, args.tenant_candidates)
        )
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    main()
