"""How long seeding the demo organisation takes (goal: under 10 s on 2 cores), and how well the
résumé parser reads its résumés (goal: years and a place for at least 90 %).

    .venv/bin/python bench/demo_seed.py [--rounds 3] [--seed 7]

Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary directory. It creates
and drops a database of its own. Seeding is timed alone (as `make run` waits for it); the
parse figures come from the same parser the worker runs, called directly on the same files.
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
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg import sql

from hireline import demo
from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database
from hireline.demo.documents import LAYOUTS, resume_file
from hireline.demo.people import person
from hireline.resumes.parsing import parse_resume
from hireline.settings import Settings


def parse_figures(count: int, seed: int) -> None:
    """Years and place read from `count` generated résumés, per layout, with the time taken."""
    rng = random.Random(seed)
    today = datetime.now(UTC).date()
    read: dict[str, list[bool]] = {layout: [] for layout in LAYOUTS}
    started = time.perf_counter()
    for number in range(count):
        applicant = person(
            rng,
            number,
            role="Python Backend Developer",
            wanted=["Python", "Django", "FastAPI", "PostgreSQL", "Redis", "Docker"],
            related=["Flask", "MySQL"],
            others=["React", "Go", "Terraform", "Apache Kafka"],
            today=today,
        )
        layout = list(LAYOUTS)[number % len(LAYOUTS)]
        file = resume_file(applicant, layout)
        parsed = parse_resume(file.data, file.content_type, today=today)
        location = parsed.get("location")
        read[layout].append(parsed["years_experience"] is not None and location is not None)
    elapsed = time.perf_counter() - started
    total = sum(len(v) for v in read.values())
    good = sum(sum(v) for v in read.values())
    print(f"parsed {total} résumés in {elapsed:.1f} s: years and place for {good / total:.1%}")
    for layout, results in read.items():
        print(f"  {layout:<11} {sum(results)}/{len(results)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--parse", type=int, default=200, help="résumés to parse (0: none)")
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(rounds=1, parse=20)
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL")
    embedded = None
    if not server:
        embedded = embedded_postgres.start(Path(tempfile.mkdtemp()), delete_on_stop=True)
        server = embedded.url
    name = f"hireline_bench_demo_{uuid.uuid4().hex[:8]}"
    admin = libpq_url(server)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = with_database(server, name)
        migrations.upgrade(url)
        settings = Settings(database_url=url, data_dir=Path(tempfile.mkdtemp()), environment="test")
        timings = []
        for round_ in range(args.rounds):
            started = time.perf_counter()
            login = asyncio.run(demo.seed_if_empty(url, settings, reset=round_ > 0))
            timings.append(time.perf_counter() - started)
            assert login is not None
            print(f"round {round_ + 1}: {login.applications} applications in {timings[-1]:.1f} s")
        print(f"seed: median {statistics.median(timings):.1f} s, best {min(timings):.1f} s")
        if args.parse:
            parse_figures(args.parse, args.seed)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    main()
