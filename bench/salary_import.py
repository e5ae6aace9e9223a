"""Salary import throughput against a raw COPY of the same rows, measured in one run.

    .venv/bin/python bench/salary_import.py [--rows 100000]

Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary directory. It creates
and drops a database of its own. Goal: parse + validate + load >= 0.5 x raw COPY rows/s.
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
from hireline.core.tenancy import enter_tenant
from hireline.guides.salaries import service as salaries
from hireline.identity.models import Tenant

LEVELS = ("junior", "mid", "senior", "staff")


def make_csv(rows: int) -> bytes:
    lines = ["role,level,location,currency,min,max,source,as_of"]
    for n in range(rows):
        role = f"role-{n // 400}"
        level = LEVELS[n % 4]
        location = f"metro-{(n // 4) % 100}"
        low = 50_000 + (n % 997) * 100
        lines.append(f"{role},{level},{location},USD,{low},{low + 40_000},Bench survey,2026-11")
    return ("\n".join(lines) + "\n").encode()


async def measure(url: str, rows: int) -> None:
    payload = make_csv(rows)
    owner = create_engine(url, pool_size=1)
    app = create_engine(url, pool_size=1, role="hireline_app")
    tenant_id = uuid.uuid4()
    async with unit_of_work(create_sessionmaker(owner)) as session:
        session.add(Tenant(id=tenant_id, name="Bench", slug=f"bench-{tenant_id.hex[:8]}"))

    # Raw COPY of the same rows, already in COPY's text format, into a same-shaped table.
    copy_text = b"".join(
        b"\t".join([*line.split(b",")[:6], b"Bench survey", b"2026-11-01"]) + b"\n"
        for line in payload.splitlines()[1:]
    )
    with psycopg.connect(libpq_url(url)) as connection:
        connection.execute(
            "CREATE TEMP TABLE raw_copy (role text, level text, location text, currency text, "
            "min_salary int, max_salary int, source text, as_of date)"
        )
        started = time.perf_counter()
        with connection.cursor().copy("COPY raw_copy FROM STDIN") as copy:
            copy.write(copy_text)
        bare_seconds = time.perf_counter() - started
        connection.rollback()
        # The fair baseline: COPY straight into the target table with its key and foreign
        # key, as the owner (PostgreSQL refuses COPY FROM under row-level security), in a
        # transaction that is then undone.
        with_tenant = b"".join(
            str(tenant_id).encode() + b"\t" + line + b"\n" for line in copy_text.splitlines()
        )
        started = time.perf_counter()
        with connection.cursor().copy(
            "COPY salary_benchmarks (tenant_id, role, level, location, currency, min_salary, "
            "max_salary, source, as_of) FROM STDIN"
        ) as copy:
            copy.write(with_tenant)
        raw_seconds = time.perf_counter() - started
        connection.rollback()

    started = time.perf_counter()
    async with unit_of_work(create_sessionmaker(app)) as session:
        await enter_tenant(session, tenant_id)
        report = await salaries.import_benchmarks(
            session, tenant_id, payload, "csv", default_source="bench"
        )
    import_seconds = time.perf_counter() - started
    assert report.inserted == rows, report

    started = time.perf_counter()
    async with unit_of_work(create_sessionmaker(app)) as session:
        await enter_tenant(session, tenant_id)
        again = await salaries.import_benchmarks(
            session, tenant_id, payload, "csv", default_source="bench"
        )
    reimport_seconds = time.perf_counter() - started
    assert again.unchanged == rows, again
    await owner.dispose()
    await app.dispose()

    raw_rate = rows / raw_seconds
    import_rate = rows / import_seconds
    print(f"rows:                          {rows:,}")
    bare_rate = rows / bare_seconds
    print(f"raw COPY, unindexed table:     {bare_rate:12,.0f} rows/s  ({bare_seconds:.3f} s)")
    print(f"raw COPY, salary_benchmarks:   {raw_rate:12,.0f} rows/s  ({raw_seconds:.3f} s)")
    print(f"import (parse+validate+load):  {import_rate:12,.0f} rows/s  ({import_seconds:.3f} s)")
    print(f"re-import (all unchanged):     {rows / reimport_seconds:12,.0f} rows/s")
    print(f"import / raw COPY (target):    {import_rate / raw_rate:12.2f}  (goal >= 0.50)")
    print(f"import / raw COPY (unindexed): {import_rate * bare_seconds / rows:12.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="small sizes (`make bench`)")
    if "--quick" in sys.argv[1:]:
        parser.set_defaults(rows=5000)
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
        asyncio.run(measure(url, args.rows))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if embedded:
            embedded.stop()


if __name__ == "__main__":
    main()
