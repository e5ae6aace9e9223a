"""An import from another ATS: how many records a second the import brings in, and how fast
a second run of the same export goes through (everything already imported).

    .venv/bin/python bench/ats_import.py [--candidates 2000]

Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary directory; runs in a
database of its own. The export is made in memory (Greenhouse-shaped records: 20 jobs, one
application and one text résumé per candidate), so the figures are the import's own, without
reading JSON. Each run is one transaction, as `hireline import` runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

from hireline.core import embedded_postgres, migrations
from hireline.core.database_url import libpq_url, with_database
from hireline.core.db import create_engine, create_sessionmaker, unit_of_work
from hireline.core.principal import Principal
from hireline.core.storage import LocalStorage
from hireline.identity.models import Tenant
from hireline.imports.export import (
    Export,
    SourceApplication,
    SourceAttachment,
    SourceCandidate,
    SourceJob,
)
from hireline.imports.service import run_in_own_transaction

STAGES = ["Application Review", "Recruiter Screen", "Technical Interview", "Onsite", "Offer"]


def make_export(candidates: int) -> Export:
    export = Export("greenhouse")
    for n in range(20):
        export.jobs.append(
            SourceJob(
                external_id=str(4000 + n),
                ref=f"job {n}",
                title=f"Engineer {n}",
                description="Build things.",
                places=["Berlin, Germany"],
                status="open",
                stages=STAGES,
            )
        )
    for n in range(candidates):
        resume = f"Person {n}\nBackend Engineer\nperson{n}@example.com\nSkills: Python, SQL\n"
        export.candidates.append(
            SourceCandidate(
                external_id=str(n),
                ref=f"candidate {n}",
                name=f"Person {n}",
                email=f"person{n}@example.com",
                attachments=[
                    SourceAttachment(f"{n}/cv.txt", f"cv {n}", "cv.txt", True, resume.encode())
                ],
            )
        )
        export.applications.append(
            SourceApplication(
                external_id=str(10_000 + n),
                ref=f"application {n}",
                candidate_id=str(n),
                job_id=str(4000 + n % 20),
                stage=STAGES[n % 5],
                status="rejected" if n % 3 == 0 else "active",
                rejection_reason="Position filled" if n % 3 == 0 else None,
            )
        )
    return export


async def measure(url: str, candidates: int) -> None:
    owner = create_engine(url, pool_size=1)
    app = create_engine(url, pool_size=2, role="hireline_app")
    tenant_id = uuid.uuid4()
    async with unit_of_work(create_sessionmaker(owner)) as session:
        session.add(Tenant(id=tenant_id, name="Bench", slug=f"bench-{tenant_id.hex[:8]}"))
    principal = Principal("client", "bench", tenant_id, frozenset(), "owner")
    storage = LocalStorage(Path(tempfile.mkdtemp()))
    export = make_export(candidates)
    sessions = create_sessionmaker(app)
    timings = {}
    for label, dry_run in (("dry run", True), ("import", False), ("second run", False)):
        started = time.perf_counter()
        report = await run_in_own_transaction(sessions, principal, storage, export, dry_run=dry_run)
        timings[label] = time.perf_counter() - started
        assert not report.errors, report.errors[:3]
    await owner.dispose()
    await app.dispose()
    records = export.size
    print(f"records (jobs, candidates, applications, résumés): {records:,}")
    for label, seconds in timings.items():
        print(f"{label:<12} {records / seconds:10,.0f} records/s  ({seconds:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(candidates=100)
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
        asyncio.run(measure(url, args.candidates))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    main()
