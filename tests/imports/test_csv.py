"""`hireline import csv`: a spreadsheet of applicants read with a column mapping."""

from __future__ import annotations

import asyncio
import uuid

from hireline.core.db import create_engine, create_sessionmaker, unit_of_work
from hireline.core.principal import Principal
from hireline.core.tenancy import enter_tenant
from hireline.jobs import service as jobs
from hireline.jobs.schemas import JobCreate, JobLocation
from tests.imports.conftest import FIXTURES, Organisation

CSV = str(FIXTURES / "csv" / "applicants.csv")
MAPPING = str(FIXTURES / "csv" / "mapping.toml")


def _open_job(organisation: Organisation, title: str) -> uuid.UUID:
    """A job made as a recruiter makes one (in the owner's session)."""

    async def make() -> uuid.UUID:
        engine = create_engine(organisation.owner_url, pool_size=1)
        try:
            async with unit_of_work(create_sessionmaker(engine)) as session:
                await enter_tenant(session, organisation.id)
                principal = Principal("user", "tester", organisation.id, frozenset(), "owner")
                body = JobCreate(
                    title=title,
                    description="Lead the platform team.",
                    locations=[JobLocation(mode="remote")],
                    stages=["Applied", "Interview", "Offer"],
                )
                return (await jobs.create(session, principal, body)).id
        finally:
            await engine.dispose()

    return asyncio.run(make())


def test_rows_become_people_applications_and_resumes(organisation: Organisation) -> None:
    manager = _open_job(organisation, "Engineering Manager")
    organisation.add_candidate("grace@example.com", "Grace Hopper")

    result = organisation.run("csv", CSV, "--mapping", MAPPING)

    assert result.exit_code == 0, result.output
    # The job already in Hireline is used by its title; the other is made as a draft.
    titles = organisation.rows("SELECT id, title, status FROM jobs WHERE tenant_id = %s")
    assert sorted((title, status) for _, title, status in titles) == [
        ("Engineering Manager", "draft"),
        ("Staff Engineer", "draft"),
    ]
    assert manager in {job_id for job_id, _, _ in titles}
    applications = organisation.rows(
        "SELECT c.name, j.title, s.name, a.status, a.source FROM applications a "
        "JOIN candidates c ON c.tenant_id = a.tenant_id AND c.id = a.candidate_id "
        "JOIN jobs j ON j.tenant_id = a.tenant_id AND j.id = a.job_id "
        "JOIN pipeline_stages s ON s.tenant_id = a.tenant_id AND s.id = a.stage_id "
        "WHERE a.tenant_id = %s ORDER BY c.name, j.title"
    )
    assert applications == [
        ("Barbara Liskov", "Engineering Manager", "Applied", "active", "job_fair"),
        ("Barbara Liskov", "Staff Engineer", "Screen", "active", "job_fair"),
        ("Edsger Dijkstra", "Engineering Manager", "Offer", "hired", "referral"),
        ("Grace Hopper", "Staff Engineer", "Onsite", "rejected", "company_website"),
    ]
    assert organisation.count("candidates") == 3
    tags = organisation.rows(
        "SELECT tags FROM candidates WHERE tenant_id = %s AND email_normalized = %s",
        "barbara@example.com",
    )
    assert tags == [(["Distributed systems", "Java"],)]
    assert organisation.count("resumes") == 2
    assert organisation.parse_jobs() == 2
    assert "Engineering Manager: 'Culture chat' (1)" in result.output
    assert "Columns not imported: Salary expectation" in result.output
    assert "jobs              1 new       0 already imported       1 matched existing" in (
        result.output
    )


def test_a_second_run_creates_nothing(organisation: Organisation) -> None:
    assert organisation.run("csv", CSV, "--mapping", MAPPING).exit_code == 0

    again = organisation.run("csv", CSV, "--mapping", MAPPING)

    assert again.exit_code == 0, again.output
    assert "applications      0 new       4 already imported" in again.output
    assert organisation.count("applications") == 4
