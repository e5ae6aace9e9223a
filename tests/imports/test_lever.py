"""`hireline import lever`: opportunities, postings and résumés of a Lever export."""

from __future__ import annotations

from tests.imports.conftest import FIXTURES, Organisation

EXPORT = str(FIXTURES / "lever")


def test_an_export_is_imported_one_person_per_contact(organisation: Organisation) -> None:
    grace = organisation.add_candidate("grace@example.com", "Grace Hopper")

    result = organisation.run("lever", EXPORT)

    assert result.exit_code == 0, result.output
    jobs = organisation.rows(
        "SELECT title, status, department, locations->0->>'mode', locations->0->>'country' "
        "FROM jobs WHERE tenant_id = %s ORDER BY title"
    )
    assert jobs == [
        ("Account Executive", "closed", "Sales", "remote", None),
        ("Site Reliability Engineer", "open", "Engineering", "onsite", "GB"),
    ]
    # Margaret's two opportunities are one person; Grace was known; Linus is a lead.
    people = organisation.rows(
        "SELECT name, source, tags FROM candidates WHERE tenant_id = %s ORDER BY name"
    )
    assert people == [
        ("Grace Hopper", "sourced", []),
        ("Linus Torvalds", "sourced", ["Kernel"]),
        ("Margaret Hamilton", "sourced", ["SRE", "On-call"]),
    ]
    applications = organisation.rows(
        "SELECT c.name, j.title, s.name, a.status, a.source FROM applications a "
        "JOIN candidates c ON c.tenant_id = a.tenant_id AND c.id = a.candidate_id "
        "JOIN jobs j ON j.tenant_id = a.tenant_id AND j.id = a.job_id "
        "JOIN pipeline_stages s ON s.tenant_id = a.tenant_id AND s.id = a.stage_id "
        "WHERE a.tenant_id = %s ORDER BY c.name, j.title"
    )
    assert applications == [
        (
            "Grace Hopper",
            "Site Reliability Engineer",
            "Recruiter screen",
            "rejected",
            "company_website",
        ),
        ("Margaret Hamilton", "Account Executive", "Offer", "hired", "referral"),
        ("Margaret Hamilton", "Site Reliability Engineer", "Phone interview", "active", "linkedin"),
    ]
    [(grace_applications,)] = organisation.rows(
        "SELECT count(*) FROM applications WHERE tenant_id = %s AND candidate_id = %s", grace
    )
    assert grace_applications == 1
    resumes = organisation.rows(
        "SELECT r.filename, r.application_id IS NOT NULL, r.parse_status FROM resumes r "
        "WHERE r.tenant_id = %s ORDER BY r.filename"
    )
    assert resumes == [("hamilton.txt", True, "pending"), ("linus.txt", False, "pending")]
    assert organisation.parse_jobs() == 2
    assert "'Underqualified' (1)" in result.output


def test_a_second_run_creates_nothing(organisation: Organisation) -> None:
    assert organisation.run("lever", EXPORT).exit_code == 0

    again = organisation.run("lever", EXPORT)

    assert again.exit_code == 0, again.output
    assert "candidates        0 new       3 already imported" in again.output
    assert organisation.count("applications") == 3
    assert organisation.count("resumes") == 2
