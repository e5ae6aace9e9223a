"""Server time of the recruiter app's heaviest screens with 5 000 applicants in one job.

    .venv/bin/python bench/web.py [--applicants 5000] [--runs 30]

Signs up an organisation through the API, creates and publishes a job from a template, loads
`--applicants` candidates (with résumé text, skills and a location) and their applications,
spread over the job's stages, with COPY, scores them all (`matching.service.rescore_job`),
then signs in to the web app and times, in process (the ASGI app called through httpx, no
network: server time), the first screen of:

* the pipeline board `/app/jobs/{id}` (paged columns: 20 cards each, best match first);
* a candidate page `/app/candidates/{id}` (profile, résumé, match, timeline, notes);
* the search screen `/app/search?q=python postgresql` (first page with facets).

Goal (issue 14, 2 cores): the board's first screen under 150 ms. With BENCH_PROFILE=1 it also
prints the board request's statements with their times and the slowest one's plan. Uses
DATABASE_URL when set, else an embedded PostgreSQL in a temporary directory; creates and drops
a database of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg import sql
from sqlalchemy import event

from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database
from hireline.core.db import create_sessionmaker, unit_of_work
from hireline.core.ids import uuid7
from hireline.core.tenancy import enter_tenant
from hireline.main import create_app
from hireline.matching import service as matching
from hireline.settings import Settings

PASSWORD = "correct horse battery staple"
SKILLS = (
    "Python", "Django", "FastAPI", "PostgreSQL", "Redis", "Kubernetes", "Docker", "AWS", "Go",
    "Rust", "Java", "TypeScript", "React", "Kafka", "Linux", "Terraform", "GraphQL", "Spark",
)  # fmt: skip
CITIES = ("Austin, TX", "Seattle, WA", "New York, NY", "Berlin, Germany", "London, UK", "")
WORDS = [
    "built",
    "services",
    "teams",
    "shipped",
    "platform",
    "latency",
    "reliability",
    "migrated",
    "designed",
    "owned",
    "data",
    "pipelines",
    "customers",
    "payments",
    "APIs",
    "observability",
    "scaling",
    "mentoring",
    "on-call",
    "incidents",
]
PROFILE = os.environ.get("BENCH_PROFILE") == "1"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _rows(
    tenant_id: uuid.UUID, job_id: uuid.UUID, stages: list[uuid.UUID], count: int
) -> tuple[list[bytes], list[bytes], uuid.UUID]:
    rng = random.Random(14)
    candidates, applications = [], []
    first = uuid.UUID(int=0)
    for n in range(count):
        candidate_id = uuid7()
        first = candidate_id if n == 0 else first
        skills = rng.sample(SKILLS, rng.randint(2, 7))
        text = " ".join(rng.choice(WORDS) for _ in range(120)) + " " + " ".join(skills)
        skills_literal = "{" + ",".join(f'"{s}"' for s in skills) + "}"
        candidates.append(
            (
                f"{tenant_id}\t{candidate_id}\tperson{n}@example.com\tperson{n}@example.com\t"
                f"Person {n}\t{skills_literal}\t{rng.randint(0, 20)}\t{rng.choice(CITIES)}\t"
                f"{text}\n"
            ).encode()
        )
        stage = stages[min(int(rng.expovariate(1.2)), len(stages) - 1)]
        applications.append(
            (
                f"{tenant_id}\t{uuid7()}\t{job_id}\t{candidate_id}\t{stage}\t"
                "2026-11-01T00:00:00Z\tbench\n"
            ).encode()
        )
    return candidates, applications, first


def load(url: str, tenant_id: uuid.UUID, job_id: uuid.UUID, count: int) -> uuid.UUID:
    """COPY the applicants in as the schema owner; returns the first candidate's id."""
    started = time.perf_counter()
    with psycopg.connect(libpq_url(url)) as connection:
        stages = [
            row[0]
            for row in connection.execute(
                "SELECT id FROM pipeline_stages WHERE tenant_id = %s AND job_id = %s "
                "ORDER BY position",
                (tenant_id, job_id),
            )
        ]
        candidates, applications, first = _rows(tenant_id, job_id, stages, count)
        with connection.cursor().copy(
            "COPY candidates (tenant_id, id, email_normalized, email, name, skills, "
            "years_experience, location, resume_text) FROM STDIN"
        ) as copy:
            for line in candidates:
                copy.write(line)
        with connection.cursor().copy(
            "COPY applications (tenant_id, id, job_id, candidate_id, stage_id, consent_at, "
            "consent_text) FROM STDIN"
        ) as copy:
            for line in applications:
                copy.write(line)
        connection.commit()
    print(f"loaded {count:,} applicants in {time.perf_counter() - started:.1f} s")
    return first


async def _statements(app: Any, http: httpx.AsyncClient, path: str, tenant_id: uuid.UUID) -> None:
    """BENCH_PROFILE=1: each statement of one request with its time, and the slowest's plan."""
    spent: list[tuple[float, str, Any]] = []

    def before(
        conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: Any
    ) -> None:
        context.bench_started = time.perf_counter()

    def after(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: Any) -> None:
        spent.append(((time.perf_counter() - context.bench_started) * 1000, statement, params))

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    started = time.perf_counter()
    await http.get(path)
    total = (time.perf_counter() - started) * 1000
    event.remove(engine, "before_cursor_execute", before)
    event.remove(engine, "after_cursor_execute", after)
    for ms, statement, _ in spent:
        print(f"    {ms:7.1f} ms  {statement[:90]!r}")
    print(f"    request {total:.1f} ms, of which SQL {sum(ms for ms, _, _ in spent):.1f} ms")
    slowest = max(spent, key=lambda item: item[0])
    async with app.state.engine.connect() as connection:
        await connection.exec_driver_sql(
            f"SELECT set_config('app.tenant_id', '{tenant_id}', false)"
        )
        plan = await connection.exec_driver_sql(
            "EXPLAIN (ANALYZE, BUFFERS) " + slowest[1], slowest[2]
        )
        print("\n".join(row[0] for row in plan))


def _times(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    return f"p50 {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   max {values[-1]:6.1f} ms"


async def measure(url: str, data_dir: Path, applicants: int, runs: int) -> None:
    settings = Settings(
        database_url=url,
        data_dir=data_dir,
        environment="test",
        log_level="WARNING",
        rate_limit_anonymous_per_minute=1_000_000,
        login_failures_per_15_minutes=1_000_000,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            signup = await http.post(
                "/v1/auth/signup",
                json={
                    "organization_name": "Bench Inc",
                    "slug": "bench",
                    "name": "Rachel Recruiter",
                    "email": "rachel@bench.example",
                    "password": PASSWORD,
                },
            )
            signup.raise_for_status()
            tenant_id = uuid.UUID(signup.json()["tenant"]["id"])
            headers = {"Authorization": f"Bearer {signup.json()['access_token']}"}
            with psycopg.connect(libpq_url(url), autocommit=True) as connection:
                connection.execute(
                    "UPDATE tenants SET rate_limit_per_minute = 1000000 WHERE id = %s",
                    (tenant_id,),
                )
            job = await http.post(
                "/v1/jobs",
                json={
                    "from_template": {"template": "python-backend-developer"},
                    "locations": [{"mode": "hybrid", "city": "Austin", "region": "TX"}],
                },
                headers=headers,
            )
            job.raise_for_status()
            job_id = uuid.UUID(job.json()["id"])
            (await http.post(f"/v1/jobs/{job_id}/publish", headers=headers)).raise_for_status()
            candidate_id = load(url, tenant_id, job_id, applicants)
            started = time.perf_counter()
            async with unit_of_work(create_sessionmaker(app.state.engine)) as session:
                await enter_tenant(session, tenant_id)
                scored = await matching.rescore_job(session, tenant_id, job_id)
            print(f"scored {scored:,} applications in {time.perf_counter() - started:.1f} s")
            with psycopg.connect(libpq_url(url), autocommit=True) as connection:
                connection.execute("VACUUM ANALYZE candidates, applications, match_scores")

            page = await http.get("/app/sign-in")
            signed_in = await http.post(
                "/app/sign-in",
                data={
                    "email": "rachel@bench.example",
                    "password": PASSWORD,
                    "csrf_token": TOKEN.findall(page.text)[0],
                },
            )
            assert signed_in.status_code == 303, signed_in.text
            screens = {
                "board": f"/app/jobs/{job_id}",
                "candidate": f"/app/candidates/{candidate_id}",
                "search": "/app/search?q=python+postgresql",
            }
            print(f"\nserver time of each screen's first page, {runs} runs after 3 warm-ups:")
            summary = {}
            for name, path in screens.items():
                timings = []
                for run in range(runs + 3):
                    started = time.perf_counter()
                    response = await http.get(path)
                    elapsed = (time.perf_counter() - started) * 1000
                    assert response.status_code == 200, (path, response.status_code)
                    if run >= 3:
                        timings.append(elapsed)
                summary[name] = statistics.median(timings)
                print(f"  {name:<10} {_times(timings)}   {len(response.content) // 1024} KB")
                if PROFILE and name == "board":
                    await _statements(app, http, path, tenant_id)
            print(
                f"\nsummary ({applicants:,} applicants): board p50 {summary['board']:.1f} ms "
                f"(goal < 150 ms), candidate {summary['candidate']:.1f} ms, "
                f"search {summary['search']:.1f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applicants", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL")
    embedded = None
    data_dir = Path(tempfile.mkdtemp())
    if not server:
        embedded = embedded_postgres.start(data_dir / "pg", delete_on_stop=True)
        server = embedded.url
    name = f"hireline_bench_web_{uuid.uuid4().hex[:8]}"
    admin = libpq_url(server)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = with_database(server, name)
        migrations.upgrade(url)
        asyncio.run(measure(url, data_dir, args.applicants, args.runs))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    main()
