"""`hireline import greenhouse`: a Harvest API export brought in end to end."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.imports.conftest import FIXTURES, Organisation

EXPORT = str(FIXTURES / "greenhouse")


def _applications(organisation: Organisation) -> dict[str, tuple[str, str, str, str | None]]:
    """Each imported application by the Greenhouse id its activity names: job, stage,
    status, rejection reason."""
    rows = organisation.rows(
        "SELECT act.details->>'external_id', j.title, s.name, a.status, a.rejection_reason "
        "FROM applications a JOIN jobs j ON j.tenant_id = a.tenant_id AND j.id = a.job_id "
        "JOIN pipeline_stages s ON s.tenant_id = a.tenant_id AND s.id = a.stage_id "
        "JOIN activities act ON act.tenant_id = a.tenant_id AND act.application_id = a.id "
        "AND act.kind = 'application.imported' WHERE a.tenant_id = %s"
    )
    return {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}


def test_an_export_is_imported_with_stages_sources_and_resumes(
    organisation: Organisation,
) -> None:
    grace = organisation.add_candidate("Grace@example.com", "Grace B. Hopper")

    result = organisation.run("greenhouse", EXPORT)

    assert result.exit_code == 0, result.output
    jobs = organisation.rows(
        "SELECT title, status, department, openings, locations->0->>'country' FROM jobs "
        "WHERE tenant_id = %s ORDER BY title"
    )
    assert jobs == [
        ("Data Analyst", "draft", None, 1, None),
        ("Product Designer", "closed", "Design", 1, None),
        ("Senior Backend Engineer", "open", "Engineering", 2, "DE"),
    ]
    stages = organisation.rows(
        "SELECT s.name FROM pipeline_stages s JOIN jobs j ON j.tenant_id = s.tenant_id "
        "AND j.id = s.job_id WHERE s.tenant_id = %s AND j.title = %s ORDER BY s.position",
        "Senior Backend Engineer",
    )
    assert [name for (name,) in stages] == [
        "Application Review",
        "Recruiter Screen",
        "Technical Interview",
        "Onsite",
        "Offer",
    ]
    # Grace was known by her address: her applications join her, no second person.
    assert organisation.count("candidates") == 4
    assert _applications(organisation) == {
        "7001": ("Senior Backend Engineer", "Technical Interview", "active", None),
        "7002": ("Senior Backend Engineer", "Recruiter Screen", "rejected", None),
        "7003": ("Product Designer", "Offer", "hired", None),
        "7004": ("Product Designer", "Portfolio Review", "rejected", "position_filled"),
        "7005": ("Data Analyst", "Screen", "active", None),
        "7006": ("Data Analyst", "Applied", "active", None),
    }
    [(grace_applications,)] = organisation.rows(
        "SELECT count(*) FROM applications WHERE tenant_id = %s AND candidate_id = %s", grace
    )
    assert grace_applications == 2
    people = organisation.rows(
        "SELECT name, phone, source, referred_by, tags, location FROM candidates "
        "WHERE tenant_id = %s AND email_normalized IN ('ada@example.com', 'alan@example.com') "
        "ORDER BY name"
    )
    assert people == [
        (
            "Ada Lovelace",
            "+49 30 1234567",
            "sourced",
            None,
            ["Python", "Payments"],
            "Berlin, Germany",
        ),
        (
            "Alan Turing",
            None,
            "referred",
            "Dorothy Vaughan",
            ["Design systems"],
            "Manchester, United Kingdom",
        ),
    ]
    sources = organisation.rows(
        "SELECT DISTINCT source FROM applications WHERE tenant_id = %s ORDER BY source"
    )
    assert [s for (s,) in sources] == [
        "company_website",
        "indeed",
        "linkedin_prospecting",
        "referral",
    ]
    # Three résumés (the cover letter is not one), each stored and queued for parsing.
    assert organisation.count("resumes") == 3
    assert organisation.parse_jobs() == 3
    assert len(organisation.stored_files()) == 3
    assert "Data Analyst: 'Hiring Committee' (1)" in result.output
    assert "'Lacking skill(s)/qualification(s)' (1)" in result.output
    assert f"grace@example.com is already candidate {grace}" in result.output
    assert "candidates.json id 9003: phone left out" in result.output


def test_a_second_run_creates_nothing(organisation: Organisation) -> None:
    assert organisation.run("greenhouse", EXPORT).exit_code == 0
    before = {t: organisation.count(t) for t in ("jobs", "candidates", "applications", "resumes")}

    again = organisation.run("greenhouse", EXPORT)

    assert again.exit_code == 0, again.output
    assert {t: organisation.count(t) for t in before} == before
    assert organisation.parse_jobs() == 3
    assert "jobs              0 new       3 already imported" in again.output
    assert "applications      0 new       6 already imported" in again.output


def test_a_dry_run_reports_and_stores_nothing(organisation: Organisation) -> None:
    result = organisation.run("greenhouse", EXPORT, "--dry-run")

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Dry run: nothing was stored.")
    assert "jobs              3 new" in result.output
    assert "résumés queued for parsing: 3" in result.output
    for table in ("jobs", "candidates", "applications", "resumes", "import_records"):
        assert organisation.count(table) == 0, table
    assert organisation.parse_jobs() == 0
    assert organisation.stored_files() == []


def test_a_zipped_export_is_read_like_its_directory(
    organisation: Organisation, tmp_path: Path
) -> None:
    archive = shutil.make_archive(
        str(tmp_path / "harvest"), "zip", root_dir=FIXTURES, base_dir="greenhouse"
    )

    result = organisation.run("greenhouse", archive, "--dry-run")

    assert result.exit_code == 0, result.output
    assert "applications      6 new" in result.output
