"""The whole demo, seeded and then worked by the queue as `make run` does, shows the product's
range: parsed résumés, spread-out match scores, e-mailed hiring teams, 90 days of history and
rows in every domain."""

from __future__ import annotations

import email
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi import FastAPI
from sqlalchemy import Table, text
from sqlalchemy.ext.asyncio import AsyncEngine

from hireline import demo
from hireline.core.db import Base
from hireline.core.queue import WorkerState
from hireline.demo.openings import OPENINGS
from hireline.demo.organisation import PYTHON
from hireline.settings import Settings
from tests.queue_tasks import drain

HISTORY_EVENTS = {
    "application.created": "application.created",
    "application.stage_changed": "application.moved",
    "application.rejected": "application.rejected",
    "candidate.hired": "application.hired",
    "application.withdrawn": "application.withdrawn",
}


# Tables of state a visitor makes, not data a demo could show: the browser's own sessions,
# and the bookkeeping of an import from another tracking system (a demo organisation was
# never on one; an import's results are ordinary jobs, candidates and applications).
VISITOR_STATE = {"web_sessions", "import_records", "import_runs"}


def domains() -> dict[str, set[str]]:
    """Each domain that owns tables (by the package of its models), with its tenant tables."""
    owned: dict[str, set[str]] = defaultdict(set)
    for mapper in Base.registry.mappers:
        table = cast(Table, mapper.local_table)
        if table.name in VISITOR_STATE:
            continue
        if "tenant_id" in table.c or table.name == "tenants":
            owned[mapper.class_.__module__.split(".")[1]].add(str(table.name))
    return dict(owned)


def team_mail(mail_dir: Path) -> dict[str, int]:
    """How many messages each address was sent (the file mailer's .eml files)."""
    received: dict[str, int] = defaultdict(int)
    for path in mail_dir.rglob("*.eml"):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for address in str(message["To"]).split(","):
            received[address.strip().split("<")[-1].rstrip(">").lower()] += 1
    return received


@pytest.fixture
async def seeded(
    app: FastAPI, engine: AsyncEngine, settings: Settings, committing_client: object
) -> dict[str, str]:
    """The full demo, with every job the seeding queued run by an in-process worker."""
    login = await demo.seed(
        app.state.sessions, app.state.token_issuer, app.state.storage, password="demo passw0rd!"
    )
    # A few hundred résumés, each with its e-mails, webhooks fan-out and re-scores.
    state = WorkerState(sessions=app.state.sessions, settings=settings)
    await drain(engine, state, deadline_s=600, concurrency=settings.worker_concurrency)
    async with engine.connect() as connection:
        tenant = (
            await connection.execute(text("SELECT id FROM tenants WHERE slug = :s"), {"s": "demo"})
        ).scalar_one()
    return {"tenant": str(tenant), "applications": str(login.applications)}


async def test_the_demo_shows_the_product_at_its_best(
    seeded: dict[str, str], engine: AsyncEngine, settings: Settings
) -> None:
    tenant = seeded["tenant"]
    now = datetime.now(UTC)
    async with engine.connect() as connection:

        async def rows(sql: str) -> list[tuple[Any, ...]]:
            result = await connection.execute(text(sql), {"tenant": tenant})
            return [tuple(row) for row in result.all()]

        # Résumés go through the real parser in the worker: years and a place for 90 %.
        [(resumes, readable)] = await rows(
            "SELECT count(*), count(*) FILTER (WHERE parse_status = 'parsed' "
            "AND parsed->>'years_experience' IS NOT NULL AND parsed->>'location' IS NOT NULL) "
            "FROM resumes WHERE tenant_id = :tenant"
        )
        assert resumes == int(seeded["applications"])
        assert readable >= 0.9 * resumes, (readable, resumes)
        [(profiles,)] = await rows(
            "SELECT count(*) FROM candidates WHERE tenant_id = :tenant "
            "AND location IS NOT NULL AND years_experience IS NOT NULL"
        )
        assert profiles >= 0.9 * resumes

        # The Python job's applicants are told apart by their scores.
        [(applicants, distinct)] = await rows(
            "SELECT count(*), count(DISTINCT m.score) FROM match_scores m "
            "JOIN jobs j ON j.tenant_id = m.tenant_id AND j.id = m.job_id "
            f"WHERE m.tenant_id = :tenant AND j.template_key = '{PYTHON}'"
        )
        python = next(o for o in OPENINGS if o.template == PYTHON)
        assert applicants == python.applicants
        assert distinct >= 30, distinct

        # Applications over 90 days, from every source, with every ending.
        [(first, last, weeks)] = await rows(
            "SELECT min(applied_at), max(applied_at), "
            "count(DISTINCT date_trunc('week', applied_at)) FROM applications "
            "WHERE tenant_id = :tenant"
        )
        assert now - timedelta(days=91) <= first <= now - timedelta(days=80)
        assert last >= now - timedelta(days=7)
        assert weeks >= 12
        sources = {
            source
            for (source,) in await rows(
                "SELECT DISTINCT source FROM applications WHERE tenant_id = :tenant"
            )
        }
        assert sources == {"careers_page", "referral", "sourced", "job_board"}
        endings = dict(
            await rows(
                "SELECT status, count(*) FROM applications WHERE tenant_id = :tenant GROUP BY 1"
            )
        )
        assert set(endings) == {"active", "rejected", "hired", "withdrawn"}
        assert 2 <= endings["hired"] <= 2 * len(OPENINGS)
        [(unexplained,)] = await rows(
            "SELECT count(*) FROM applications WHERE tenant_id = :tenant "
            "AND status = 'rejected' AND rejection_reason IS NULL"
        )
        assert unexplained == 0

        # Every step of the history is dated alike in the activity log and the domain events,
        # and none before its application or after now.
        history = await rows(
            "SELECT e.type, e.occurred_at, e.payload->>'application_id' FROM domain_events e "
            "WHERE e.tenant_id = :tenant AND e.type IN ("
            + ", ".join(f"'{t}'" for t in HISTORY_EVENTS)
            + ")"
        )
        activity = {
            (kind, at, application)
            for kind, at, application in await rows(
                "SELECT kind, occurred_at, application_id::text FROM activities "
                "WHERE tenant_id = :tenant"
            )
        }
        assert len(history) >= resumes
        for event_type, at, application in history:
            assert (HISTORY_EVENTS[str(event_type)], at, application) in activity
        [(early,)] = await rows(
            "SELECT count(*) FROM activities v JOIN applications a "
            "ON a.tenant_id = v.tenant_id AND a.id = v.application_id "
            "WHERE v.tenant_id = :tenant "
            "AND (v.occurred_at < a.applied_at OR v.occurred_at > now())"
        )
        assert early == 0

        # Every domain that exists has rows for the demo organisation.
        empty = []
        for domain, tables in sorted(domains().items()):
            counts = [
                (
                    await rows(
                        f'SELECT count(*) FROM "{table}" WHERE '
                        + ("id" if table == "tenants" else "tenant_id")
                        + " = :tenant"
                    )
                )[0][0]
                for table in sorted(tables)
            ]
            if not any(counts):
                empty.append(domain)
        assert empty == [], f"domains the demo leaves empty: {empty}"

    # Each job's hiring manager and interviewer heard of its applications.
    received = team_mail(settings.data_dir / "mail")
    for opening in OPENINGS:
        assert received[opening.hiring_manager] >= 1, opening.hiring_manager
        assert received[opening.interviewer] >= 1, opening.interviewer
