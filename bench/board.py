"""Cached public board against a bare ASGI endpoint, and the apply path, measured in one run.

    .venv/bin/python bench/board.py [--duration 10] [--connections 64]

Needs `wrk` (Debian package). Uses DATABASE_URL when set, else an embedded PostgreSQL in a
temporary directory; it seeds one organisation with open jobs in a database of its own.
Goal: cached board list and detail (JSON and HTML) at >= 0.80 x the bare endpoint's
requests/s with p99 <= 1.5 x its p99.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psycopg
from psycopg import sql

from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
JOB = {
    "level": "senior",
    "locations": [{"mode": "remote", "region": "United States"}],
    "from_template": {"template": "python-backend-developer", "industry": "fintech"},
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_ready(url: str, deadline_s: float = 60) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not come up")


def wrk(url: str, duration: int, connections: int) -> tuple[float, float]:
    """Requests per second and p99 latency in milliseconds."""
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", output).groups()  # type: ignore[union-attr]
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    return rate, p99


def resume_pdf() -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=12)
    document.multi_cell(0, 8, "Bench Candidate\nPython, PostgreSQL, FastAPI, Redis")
    return bytes(document.output())


async def apply_load(
    base: str, job_id: str, *, total: int, concurrency: int
) -> tuple[float, float]:
    """Applications per second and p99 latency (ms) of the public apply endpoint."""
    pdf = resume_pdf()
    latencies: list[float] = []
    gate = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def one(number: int) -> None:
            async with gate:
                started = time.perf_counter()
                response = await client.post(
                    f"/v1/boards/bench/jobs/{job_id}/applications",
                    data={
                        "name": f"Bench {number}",
                        "email": f"b{number}@bench.example",
                        "consent": "true",
                    },
                    files={"resume": ("cv.pdf", pdf, "application/pdf")},
                )
                latencies.append((time.perf_counter() - started) * 1000)
                if response.status_code != 201:
                    raise SystemExit(f"apply failed: {response.status_code} {response.text}")

        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(total)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return total / elapsed, latencies[int(len(latencies) * 0.99) - 1]


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def start_bare(app: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """One of bench/bare_asgi.py's apps on uvicorn, with the loop and parser `serve` uses."""
    return start(
        [
            str(BIN / "uvicorn"),
            app,
            "--port",
            str(port),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--log-level",
            "warning",
            "--app-dir",
            str(ROOT / "bench"),
        ],
        env,
    )


def start_replayer(
    url: str, recording: Path, env: dict[str, str]
) -> tuple[subprocess.Popen[bytes], int]:
    """A bare app answering with the response `url` gives now; the process and its port."""
    httpx.get(url)  # a miss, with the per-client headers a hit leaves out
    page = httpx.get(url)
    hop_by_hop = ("date", "server", "transfer-encoding")
    recording.write_text(
        json.dumps(
            {
                "headers": [[k, v] for k, v in page.headers.items() if k not in hop_by_hop],
                "body": page.text,
            }
        )
    )
    print(f"{url}: {len(page.content):,} bytes, {len(page.headers)} headers")
    port = free_port()
    process = start_bare("bare_asgi:replay", port, env | {"BENCH_REPLAY": str(recording)})
    wait_ready(f"http://127.0.0.1:{port}/")
    return process, port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--applications", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(duration=2, connections=8, applications=20)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

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

    bare_port, app_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HIRELINE_")}
    bare = start_bare("bare_asgi:app", bare_port, env)
    api = start(
        [str(BIN / "hireline"), "serve", "--no-demo", "--no-migrate", "--port", str(app_port)],
        env
        | {
            "DATABASE_URL": url,
            "HIRELINE_DATA_DIR": str(data_dir / "data"),
            "HIRELINE_LOG_LEVEL": "WARNING",
            # One load generator, one address: lift the per-address limit for the run.
            "HIRELINE_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "10000000",
        },
    )
    try:
        base = f"http://127.0.0.1:{app_port}"
        wait_ready(f"http://127.0.0.1:{bare_port}/")
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
        )
        assert signup.status_code == 201, signup.text
        headers = {"Authorization": f"Bearer {signup.json()['access_token']}"}
        job_ids = []
        for _ in range(20):
            job = httpx.post(f"{base}/v1/jobs", json=JOB, headers=headers, timeout=30).json()
            httpx.post(f"{base}/v1/jobs/{job['id']}/publish", headers=headers)
            job_ids.append(job["id"])
        # Bare apps that send exactly a cached page's bytes and headers: what is left between
        # one and the cache is the cache's own cost, not the response's size or header count.
        replayers = [
            start_replayer(f"{base}/v1/boards/bench/jobs", data_dir / "replay-json.json", env),
            start_replayer(f"{base}/careers/bench", data_dir / "replay-html.json", env),
        ]
        (_, json_port), (_, html_port) = replayers
        targets = {
            "bare ASGI endpoint": f"http://127.0.0.1:{bare_port}/",
            "bare, same bytes as list": f"http://127.0.0.1:{json_port}/",
            "bare, same as careers": f"http://127.0.0.1:{html_port}/",
            "board list (JSON)": f"{base}/v1/boards/bench/jobs",
            "board job (JSON)": f"{base}/v1/boards/bench/jobs/{job_ids[0]}",
            "careers list (HTML)": f"{base}/careers/bench",
            "careers job (HTML)": f"{base}/careers/bench/jobs/{job_ids[0]}",
            "uncached: /v1/me": f"{base}/v1/me",
        }
        for target in targets.values():  # warm the cache and the connection pools
            httpx.get(target, headers=headers)
        results = {}
        for label, target in targets.items():
            if label.startswith("uncached"):
                continue
            results[label] = wrk(target, args.duration, args.connections)
        apply_rate, apply_p99 = asyncio.run(
            apply_load(base, job_ids[1], total=args.applications, concurrency=16)
        )
        bare_rate, bare_p99 = results["bare ASGI endpoint"]
        print(
            f"wrk -t1 -c{args.connections} -d{args.duration}s on loopback, {os.cpu_count()} cores"
        )
        print(f"{'endpoint':24} {'req/s':>10} {'p99 ms':>8} {'x bare':>7} {'p99 x':>6}")
        for label, (rate, p99) in results.items():
            print(
                f"{label:24} {rate:10,.0f} {p99:8.2f} {rate / bare_rate:7.2f} {p99 / bare_p99:6.2f}"
            )
        print(
            f"{'apply with a PDF (POST)':24} {apply_rate:10,.0f} {apply_p99:8.2f}"
            f"   ({args.applications} applications, 16 at a time, from httpx)"
        )
    finally:
        for replayer, _ in locals().get("replayers", []):
            replayer.send_signal(signal.SIGINT)
            replayer.wait(timeout=30)
        for process in (bare, api):
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
        with psycopg.connect(libpq_url(server), autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
