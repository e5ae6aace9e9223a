"""The nested GraphQL query (jobs -> applications -> candidate -> match) over 50 jobs.

    .venv/bin/python -m bench.graphql [--jobs 50] [--applications 20] [--runs 50] [--quick]

(As a module: run as a script, this file would hide the `graphql` library it measures.)

Seeds one organisation with `--jobs` open jobs of `--applications` scored applicants each (in
a database of its own on DATABASE_URL's server, else an embedded PostgreSQL), then asks
`/graphql` for every job with its stages and a page of its applications, each with its
candidate and match, `--runs` times through the application in process (no network: the
figures are the server's). Prints p50/p95 latency and the SQL statements per request, which
the dataloaders keep constant whatever the number of jobs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg import sql
from sqlalchemy import event
from tests.graphql_api.helpers import NESTED, seed_jobs

from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database
from hireline.main import create_app
from hireline.settings import Settings


async def measure(url: str, jobs: int, applications: int, runs: int) -> None:
    settings = Settings(
        database_url=url, data_dir=Path(tempfile.mkdtemp()), environment="test", log_level="ERROR"
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            signed_up = await client.post(
                "/v1/auth/signup",
                json={
                    "organization_name": "Bench Inc",
                    "slug": "bench",
                    "name": "Bea Bench",
                    "email": "bea@bench.example",
                    "password": "correct horse battery staple",
                },
            )
            signed_up.raise_for_status()
            body = signed_up.json()
            headers = {"Authorization": f"Bearer {body['access_token']}"}
            async with app.state.engine.begin() as connection:
                await seed_jobs(
                    connection,
                    uuid.UUID(body["tenant"]["id"]),
                    jobs=jobs,
                    applications=applications,
                )
            # What autovacuum would have done by the time anyone reads (the app role may not
            # ANALYZE): without statistics the planner nests loops over fresh tables.
            with psycopg.connect(libpq_url(url), autocommit=True) as owner:
                owner.execute("VACUUM ANALYZE jobs, pipeline_stages, candidates, applications")
                owner.execute("VACUUM ANALYZE match_scores")
            statements: list[str] = []
            sql_ms: list[float] = []

            def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
                statements.append(statement)
                conn.info["bench_started"] = time.perf_counter()

            def done(conn: Any, *args: Any) -> None:
                started = conn.info.pop("bench_started", None)
                if started is not None:
                    sql_ms.append((time.perf_counter() - started) * 1000)

            engine = app.state.engine.sync_engine
            event.listen(engine, "before_cursor_execute", count)
            event.listen(engine, "after_cursor_execute", done)
            timings, per_request, in_sql, cpu = [], [], [], []
            variables = {"jobs": jobs, "applications": applications}
            for _ in range(runs):
                statements.clear()
                sql_ms.clear()
                started, started_cpu = time.perf_counter(), time.process_time()
                response = await client.post(
                    "/graphql", json={"query": NESTED, "variables": variables}, headers=headers
                )
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
                answer = response.json()
                assert "errors" not in answer, answer["errors"]
                found = answer["data"]["jobs"]["items"]
                assert len(found) == jobs
                assert all(len(j["applications"]["items"]) == applications for j in found)
                per_request.append(len(statements))
                in_sql.append(sum(sql_ms))
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"nested query over {jobs} jobs x {applications} applications "
        f"({jobs * applications} applications with candidate and match), {runs} runs:"
    )
    print(
        f"  p50 {statistics.median(timings):.1f} ms   p95 {p95:.1f} ms   max {timings[-1]:.1f} ms"
    )
    print(
        f"  this process's CPU time: p50 {statistics.median(cpu):.1f} ms "
        f"(the wall-clock figures include waiting for the machine's other work)"
    )
    print(f"  of which in SQL statements: p50 {statistics.median(in_sql):.1f} ms")
    print(
        f"  SQL statements per request: {min(per_request)}-{max(per_request)} "
        "(authentication included; one per relation, none per job)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--applications", type=int, default=20)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(applications=5, runs=10)
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
        asyncio.run(measure(url, args.jobs, args.applications, args.runs))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    main()
