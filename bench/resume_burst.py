"""A burst of applications: taken by the API at once, then drained by résumé-parsing workers.

Also prints the parsers' own rate (no queue, no database), to show how much of a worker's
time goes to parsing and how much to the other jobs an application brings (e-mails,
webhooks, match scores).

    .venv/bin/python bench/resume_burst.py [--applications 2000] [--workers 1] [--concurrency 2]

Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary directory; runs in a
database of its own. Prints how fast the API took the applications (nothing is parsed in the
request), then how fast `hireline worker` processes turned the queued résumés into profiles:
résumés parsed per second, in all and per worker process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psutil
import psycopg
from fpdf import FPDF
from psycopg import sql

from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database

sys.path.insert(0, str(Path(__file__).resolve().parent))
from board import BIN, JOB, free_port, start, wait_ready

EXPERIENCE = [
    ("Senior Backend Engineer", "Ledgerly", "Mar 2021 - Present"),
    ("Backend Engineer", "Parcelwise", "Jan 2018 - Feb 2021"),
    ("Software Developer", "Northwind Labs", "Jul 2015 - Dec 2017"),
]
BULLETS = [
    "Designed payment APIs in Python with FastAPI and PostgreSQL, serving 3k requests/s.",
    "Moved batch jobs from cron to Celery with Redis; cut failed runs by 80%.",
    "Ran services on Kubernetes (EKS) with Terraform, Prometheus and Grafana.",
    "Mentored four engineers; introduced code review checklists and pytest fixtures.",
]


def resume_pdf(number: int) -> bytes:
    """A realistic two-page résumé, a little different for each applicant."""
    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", "B", 16)
    document.cell(0, 10, f"Candidate {number}", new_x="LMARGIN", new_y="NEXT")
    document.set_font("Helvetica", size=10)
    line = {"new_x": "LMARGIN", "new_y": "NEXT"}
    document.multi_cell(
        0,
        6,
        f"candidate{number}@mail.example | +1 415 555 {number % 10000:04d} | "
        f"github.com/cand{number} | linkedin.com/in/cand{number}\n\n"
        "Skills: Python, Django, FastAPI, PostgreSQL, Redis, Docker, Kubernetes, AWS, "
        "GraphQL, Kafka, pytest, CI/CD\n",
        **line,
    )
    for _ in range(2):
        for title, employer, dates in EXPERIENCE:
            document.set_font("Helvetica", "B", 11)
            document.multi_cell(0, 6, f"{title}, {employer} ({dates})", **line)
            document.set_font("Helvetica", size=10)
            document.multi_cell(0, 5, "\n".join(f"- {b}" for b in BULLETS), **line)
        document.add_page()
    document.multi_cell(
        0, 6, "Education\nBSc Computer Science, State University, 2011 - 2015", **line
    )
    return bytes(document.output())


async def burst(base: str, job_id: str, total: int, concurrency: int) -> tuple[float, float]:
    """Applications per second and p99 latency (ms)."""
    files = [resume_pdf(n) for n in range(50)]
    latencies: list[float] = []
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:

        async def one(number: int) -> None:
            async with gate:
                started = time.perf_counter()
                response = await client.post(
                    f"/v1/boards/bench/jobs/{job_id}/applications",
                    data={
                        "name": f"Candidate {number}",
                        "email": f"c{number}@burst.example",
                        "consent": "true",
                    },
                    files={"resume": ("cv.pdf", files[number % len(files)], "application/pdf")},
                )
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status_code != 201:
                    raise SystemExit(f"apply failed: {response.status_code} {response.text}")

        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(total)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return total / elapsed, latencies[int(len(latencies) * 0.99) - 1]


def parse_only_rate(children: int, total: int = 400) -> float:
    """Résumés per second through a ParserPool of `children` children."""
    from datetime import date

    from hireline.resumes.sandbox import ParserPool

    files = [resume_pdf(n) for n in range(50)]

    async def run() -> float:
        pool = ParserPool(children, seconds=20, memory_bytes=768 * 1024 * 1024)
        try:
            warm = [pool.parse(f, "application/pdf", today=date.today()) for f in files[:children]]
            await asyncio.gather(*warm)
            started = time.perf_counter()
            outcomes = await asyncio.gather(
                *(
                    pool.parse(files[n % len(files)], "application/pdf", today=date.today())
                    for n in range(total)
                )
            )
            elapsed = time.perf_counter() - started
        finally:
            pool.close()
        if any(outcome.error for outcome in outcomes):
            raise SystemExit("a bench résumé failed to parse")
        return total / elapsed

    return asyncio.run(run())


def cpu_seconds(workers: list[subprocess.Popen[bytes]]) -> tuple[float, float]:
    """User and system CPU seconds of the worker processes, and of their parser children."""
    own = children = 0.0
    for worker in workers:
        process = psutil.Process(worker.pid)
        times = process.cpu_times()
        own += times.user + times.system
        for child in process.children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess):
                child_times = child.cpu_times()
                children += child_times.user + child_times.system
    return own, children


def pending_jobs(url: str) -> int:
    """Jobs due and not finished (retries scheduled for later are not waited for)."""
    with psycopg.connect(libpq_url(url)) as connection:
        row = connection.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing') "
            "AND (scheduled_at IS NULL OR scheduled_at <= now())"
        ).fetchone()
        return int(row[0]) if row else 0


def jobs_by_task(url: str) -> list[tuple[str, int]]:
    with psycopg.connect(libpq_url(url)) as connection:
        rows = connection.execute(
            "SELECT task_name, count(*) FROM procrastinate_jobs GROUP BY 1 ORDER BY 2 DESC"
        )
        return [(str(name), int(count)) for name, count in rows.fetchall()]


def parse_counts(url: str) -> dict[str, int]:
    with psycopg.connect(libpq_url(url)) as connection:
        rows = connection.execute("SELECT parse_status, count(*) FROM resumes GROUP BY 1")
        return dict(rows.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--profile", metavar="FILE", help="run the (single) worker under cProfile, stats to FILE"
    )
    parser.add_argument("--skip-parsers-alone", action="store_true")
    parser.add_argument("--parsed-alone", type=int, default=400, help="résumés per parser run")
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(applications=20, concurrency=2, parsed_alone=20)
    args = parser.parse_args()

    for children in () if args.skip_parsers_alone else (1, args.concurrency):
        rate = parse_only_rate(children, args.parsed_alone)
        print(f"parsers alone: {children} child(ren) {rate:.0f} résumés/s")

    server = os.environ.get("DATABASE_URL")
    embedded = None
    data_dir = Path(tempfile.mkdtemp())
    if not server:
        embedded = embedded_postgres.start(data_dir / "pg", delete_on_stop=True)
        server = embedded.url
    name = f"hireline_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(libpq_url(server), autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = with_database(server, name)
    migrations.upgrade(url)

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")} | {
        "DATABASE_URL": url,
        "HIRELINE_DATA_DIR": str(data_dir / "data"),
        "HIRELINE_LOG_LEVEL": "WARNING",
        "HIRELINE_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "10000000",
    }
    api = start(
        [str(BIN / "hireline"), "serve", "--no-demo", "--no-migrate", "--port", str(port)], env
    )
    workers: list[subprocess.Popen[bytes]] = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(f"{base}/readyz")
        signup = httpx.post(
            f"{base}/v1/auth/signup",
            json={
                "organization_name": "Bench",
                "slug": "bench",
                "name": "B",
                "email": "b@bench.example",
                "password": "correct horse battery staple",
            },
        ).json()
        headers = {"Authorization": f"Bearer {signup['access_token']}"}
        job = httpx.post(f"{base}/v1/jobs", json=JOB, headers=headers, timeout=30).json()
        httpx.post(f"{base}/v1/jobs/{job['id']}/publish", headers=headers)

        rate, p99 = asyncio.run(burst(base, job["id"], args.applications, 64))
        print(
            f"API: {args.applications} applications at {rate:,.0f}/s, p99 {p99:.0f} ms "
            f"(64 at a time; no worker running yet)"
        )
        api.send_signal(signal.SIGINT)  # leave the cores to the workers
        api.wait(timeout=30)

        started = time.perf_counter()
        command = [str(BIN / "hireline"), "worker", "--concurrency", str(args.concurrency)]
        if args.profile:
            command = [sys.executable, "-m", "cProfile", "-o", args.profile, *command]
        for _ in range(args.workers):
            workers.append(start(command, env))
        while True:
            counts = parse_counts(url)
            if counts.get("pending", 0) == 0:
                break
            if any(worker.poll() is not None for worker in workers):
                raise SystemExit("a worker stopped; run `hireline worker` by hand to see why")
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        done = counts.get("parsed", 0) + counts.get("failed", 0)
        print(
            f"workers: {args.workers} x --concurrency {args.concurrency}; "
            f"{done} résumés ({counts.get('failed', 0)} failed) in {elapsed:.1f} s "
            f"(start-up included): {done / elapsed:.1f}/s, "
            f"{done / elapsed / args.workers:.1f}/s per worker process, {os.cpu_count()} cores"
        )
        # End to end: until every job the applications brought (e-mails, match scores, the
        # events of the parses) has run, not only the parses.
        while pending_jobs(url):
            time.sleep(0.5)
        drained = time.perf_counter() - started
        own_cpu, children_cpu = cpu_seconds(workers)
        print(
            f"queue drained (every job of every application run) in {drained:.1f} s: "
            f"{done / drained:.1f} applications/s, {done / drained / args.workers:.1f}/s "
            "per worker process"
        )
        # CPU time is steadier than rates when other work shares the cores.
        print(
            f"worker CPU per application: {own_cpu / max(done, 1) * 1000:.1f} ms in the worker "
            f"process(es) + {children_cpu / max(done, 1) * 1000:.1f} ms in parser children "
            "(start-up included; the database's CPU not counted)"
        )
        by_task = jobs_by_task(url)
        total_jobs = sum(count for _, count in by_task)
        print(
            f"queue jobs: {total_jobs / max(done, 1):.1f} per application ("
            + ", ".join(f"{name} {count / max(done, 1):.1f}" for name, count in by_task)
            + ")"
        )
    finally:
        for process in [api, *workers]:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
                process.wait(timeout=60)
        with psycopg.connect(libpq_url(server), autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
