"""The demo's jobs: one per built-in template, where, at what level, who hires, what pay."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from hireline.guides.salaries import service as salaries
from hireline.guides.templates.content import RoleTemplate
from hireline.jobs import service as jobs
from hireline.jobs.schemas import JobCreate


@dataclass(frozen=True)
class Opening:
    """One demo job: its template, where and at what level, and who hires for it."""

    template: str
    level: str | None  # None: the template's default (mid)
    city: str
    region: str
    salary_location: str
    applicants: int
    hiring_manager: str
    interviewer: str
    required: tuple[str, ...]
    preferred: tuple[str, ...]
    remote_too: bool = True
    # Set for the one job whose salary is deliberately off the benchmark, with the reason.
    out_of_band: str | None = None


OUT_OF_BAND_NOTE = (
    "The Frontend Engineer job is paid below its benchmark on purpose: its warning shows "
    "the salary check at work."
)
OPENINGS = (
    Opening(
        "python-backend-developer",
        "senior",
        "Austin",
        "TX",
        "austin-tx",
        64,
        "priya.raman@demo.hireline.dev",
        "lena.fischer@demo.hireline.dev",
        ("Python", "Django", "FastAPI", "PostgreSQL"),
        ("Redis", "Docker", "Kubernetes"),
    ),
    Opening(
        "data-engineer",
        None,
        "Seattle",
        "WA",
        "seattle-wa",
        44,
        "marcus.okafor@demo.hireline.dev",
        "tomas.silva@demo.hireline.dev",
        ("SQL", "Python", "Apache Spark", "Apache Airflow"),
        ("dbt", "Apache Kafka", "Snowflake"),
    ),
    Opening(
        "devops-sre-engineer",
        "senior",
        "Denver",
        "CO",
        "denver-co",
        44,
        "marcus.okafor@demo.hireline.dev",
        "lena.fischer@demo.hireline.dev",
        ("Linux", "Kubernetes", "Terraform", "Prometheus"),
        ("Go", "AWS", "Ansible"),
    ),
    Opening(
        "frontend-engineer",
        "mid",
        "New York",
        "NY",
        "new-york-ny",
        44,
        "priya.raman@demo.hireline.dev",
        "tomas.silva@demo.hireline.dev",
        ("TypeScript", "React", "CSS", "JavaScript"),
        ("Next.js", "GraphQL", "Jest"),
        remote_too=False,
        out_of_band=OUT_OF_BAND_NOTE,
    ),
)
MIN_YEARS = {"junior": 0.0, "mid": 2.0, "senior": 5.0, "staff": 8.0}


def _band_for(template: RoleTemplate, level: str, location: str) -> tuple[int, int]:
    band = salaries.built_in_band(
        template,
        salaries.BandQuery(role=template.key, level=level, location=location),  # type: ignore[arg-type]
    )
    return band.base_min, band.base_max


def _salary(template: RoleTemplate, level: str, opening: Opening) -> dict[str, int]:
    """A salary inside every benchmark band the job is checked against, or (for the one job
    meant to show the warning) clearly under them."""
    locations = [opening.salary_location] + (["us-national"] if opening.remote_too else [])
    bands = [_band_for(template, level, location) for location in locations]
    low, high = max(b[0] for b in bands), min(b[1] for b in bands)
    if opening.out_of_band:
        return {"min": _thousands(low * 0.7), "max": _thousands(low * 0.85)}
    width = high - low
    return {"min": _thousands(low + width * 0.2), "max": _thousands(high - width * 0.1)}


def _thousands(amount: float) -> int:
    return int(round(amount, -3))


def job_body(
    template: RoleTemplate, opening: Opening, team: dict[str, uuid.UUID], recruiter: uuid.UUID
) -> JobCreate:
    level = opening.level or jobs.DEFAULT_LEVEL
    required = list(opening.required)
    locations: list[dict[str, Any]] = [
        {
            "mode": "hybrid",
            "city": opening.city,
            "region": opening.region,
            "salary_location": opening.salary_location,
        }
    ]
    if opening.remote_too:
        locations.append({"mode": "remote", "region": "United States"})
    body: dict[str, Any] = {
        "department": template.family.replace("-", " ").title(),
        "locations": locations,
        "salary": _salary(template, level, opening),
        "from_template": {"template": template.key, "industry": "saas", "context": "startup"},
        "required_skills": required,
        "preferred_skills": list(opening.preferred),
        # The first required skill matters most; the scores show the weight.
        "skill_weights": {required[0]: 2.0},
        "min_years_experience": MIN_YEARS[level],
        # Room for the demo's hires and its accepted offer, so every job stays open.
        "openings": 5,
        "hiring_team": [
            {"user_id": str(team[opening.hiring_manager]), "role": "hiring_manager"},
            {"user_id": str(team[opening.interviewer]), "role": "interviewer"},
            {"user_id": str(recruiter), "role": "recruiter"},
        ],
    }
    if opening.level is not None:
        body["level"] = opening.level
    return JobCreate.model_validate(body)
