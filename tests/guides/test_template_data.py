"""Built-in role templates load, carry the seed guide's facts, and the models refuse bad data."""

from __future__ import annotations

import copy
import itertools
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from hireline.core.errors import NotFound
from hireline.guides.templates.builtin import (
    DATA_DIR,
    get_builtin_template,
    load_builtin_templates,
    load_template_file,
)
from hireline.guides.templates.content import (
    INDUSTRIES,
    LEVELS,
    WORK_CONTEXTS,
    CompensationGuide,
    LevelProfile,
    RoleTemplate,
    SalaryRange,
)

PYTHON_KEY = "python-backend-developer"
# The four original keys stay as they are: jobs and the demo data refer to them.
ORIGINAL_KEYS = {PYTHON_KEY, "frontend-engineer", "data-engineer", "devops-sre-engineer"}
# The role families an employer hires for, each covered by at least one built-in template.
FAMILY_KEYS = {
    "backend in Go": "go-backend-developer",
    "backend in Java": "java-backend-developer",
    "backend in Node.js": "node-backend-developer",
    "mobile": "mobile-engineer",
    "machine learning": "machine-learning-engineer",
    "security": "security-engineer",
    "QA": "qa-engineer",
    "product": "product-manager",
    "design": "product-designer",
    "data science": "data-scientist",
    "sales": "account-executive",
    "customer success": "customer-success-manager",
    "marketing": "marketing-manager",
    "recruiting": "technical-recruiter",
    "people": "people-partner",
    "finance": "financial-analyst",
}
EXPECTED_KEYS = ORIGINAL_KEYS | set(FAMILY_KEYS.values())
ALL_KEYS = sorted(load_builtin_templates())
SEED = Path("/work/shared/seed/python-backend-developer-guide.txt")

# The seed guide's reference-level (3-5 years) ranges, exactly as published.
SEED_SALARIES = {
    "us-national": (95_000, 145_000),
    "san-francisco-ca": (125_000, 180_000),
    "new-york-ny": (115_000, 165_000),
    "seattle-wa": (110_000, 160_000),
    "austin-tx": (95_000, 140_000),
    "denver-co": (90_000, 135_000),
    "chicago-il": (85_000, 130_000),
    "remote-us": (90_000, 145_000),
    "atlanta-ga": (80_000, 125_000),
}

SEED_INDUSTRY_TECHNOLOGIES = {
    "fintech": {"Django", "FastAPI", "PostgreSQL", "Redis", "Kafka"},
    "ecommerce": {"Flask", "Django", "MongoDB", "Elasticsearch", "AWS"},
    "healthcare": {"Django", "PostgreSQL", "Docker", "secure APIs"},
    "saas": {"FastAPI", "PostgreSQL", "Redis", "Kubernetes"},
    "media": {"Django", "MongoDB", "Redis", "CDN integration"},
    "iot": {"FastAPI", "InfluxDB", "MQTT", "edge computing"},
}

SEED_TECHNOLOGIES = [
    "Python",
    "Python 3.8+",
    "Django",
    "FastAPI",
    "Flask",
    "REST",
    "GraphQL",
    "HTTP",
    "JWT",
    "OAuth",
    "OAuth 2.0",
    "API keys",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "Redis",
    "Memcached",
    "Celery",
    "RQ",
    "Apache Kafka",
    "Swagger",
    "OpenAPI",
    "pytest",
    "Git",
    "CI/CD",
    "Docker",
    "Docker Compose",
    "AWS",
    "Google Cloud",
    "Azure",
    "AWS Lambda",
    "Google Cloud Functions",
    "Kubernetes",
    "Docker Swarm",
    "Apache Spark",
    "Apache Airflow",
    "TensorFlow",
    "PyTorch",
    "scikit-learn",
    "Elasticsearch",
    "Apache Solr",
    "WebSocket",
    "InfluxDB",
    "MQTT",
    "CDN",
    "edge computing",
]

SEED_RED_FLAG_WORDS = [
    "framework",
    "Django",
    "soft skills",
    "full-stack",
    "Algorithm",
    "experience",
]


@pytest.fixture
def python_template() -> RoleTemplate:
    return get_builtin_template(PYTHON_KEY)


@pytest.fixture
def python_raw() -> dict[str, Any]:
    raw = yaml.safe_load((DATA_DIR / f"{PYTHON_KEY}.yaml").read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return raw


def test_every_yaml_file_loads_as_a_valid_template() -> None:
    paths = sorted(DATA_DIR.glob("*.yaml"))
    assert paths
    for path in paths:
        template = load_template_file(path)
        assert template.key == path.stem


def test_builtin_templates_include_the_four_roles() -> None:
    assert set(load_builtin_templates()) >= ORIGINAL_KEYS


def test_there_are_at_least_twenty_templates_across_the_families() -> None:
    templates = load_builtin_templates()
    assert len(templates) >= 20
    missing = {family: key for family, key in FAMILY_KEYS.items() if key not in templates}
    assert missing == {}


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_template_has_aliases_and_skills(key: str) -> None:
    template = get_builtin_template(key)
    assert template.aliases
    assert len(template.required_skills) >= 3
    assert template.preferred_skills
    assert template.technologies
    assert template.evaluation_tips
    assert template.red_flags
    assert all(q.strong_answer for q in template.interview_questions.all())


def test_builtin_templates_are_cached() -> None:
    assert load_builtin_templates() is load_builtin_templates()


def test_unknown_template_key_is_not_found() -> None:
    with pytest.raises(NotFound):
        get_builtin_template("astronaut")


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_template_has_all_levels_industries_and_contexts(key: str) -> None:
    template = get_builtin_template(key)
    assert set(template.levels) == set(LEVELS)
    assert set(template.industries) == set(INDUSTRIES)
    assert set(template.work_contexts) == set(WORK_CONTEXTS)
    for industry in template.industries.values():
        assert industry.requirements
        assert industry.key_technologies


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_template_has_a_full_question_bank(key: str) -> None:
    questions = get_builtin_template(key).interview_questions
    assert len(questions.technical) >= 6
    assert len(questions.behavioral) >= 4
    assert len(questions.culture) >= 3
    for level in LEVELS:
        by_category = questions.for_level(level)
        assert all(by_category.values()), f"{key}: a category has no question for {level}"


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_template_prices_the_same_locations_as_the_seed(key: str) -> None:
    compensation = get_builtin_template(key).compensation
    assert {r.location for r in compensation.ranges} == set(SEED_SALARIES)
    assert compensation.currency == "USD"
    assert compensation.source
    assert compensation.as_of


@pytest.mark.parametrize("key", [key for key in ALL_KEYS if key != PYTHON_KEY])
def test_estimated_salaries_are_labelled_as_estimates(key: str) -> None:
    template = get_builtin_template(key)
    compensation = template.compensation
    assert compensation.source_kind == "editorial_estimate"
    assert "estimate" in compensation.source.lower()
    assert compensation.as_of == "2026-11"
    assert all(f.basis == "editorial_estimate" for f in compensation.factors)
    assert "editorial estimates" in template.provenance


@pytest.mark.parametrize("key", ALL_KEYS)
def test_salary_bands_grow_with_level_in_every_location(key: str) -> None:
    template = get_builtin_template(key)
    for salary in template.compensation.ranges:
        bands = [template.salary_band(level, salary.location) for level in LEVELS]
        for lower, higher in itertools.pairwise(bands):
            assert lower.min <= higher.min
            assert lower.max <= higher.max
        assert all(band.min <= band.max for band in bands)


def test_python_template_has_the_seed_question_counts(python_template: RoleTemplate) -> None:
    questions = python_template.interview_questions
    assert len(questions.technical) == 8
    assert len(questions.behavioral) == 6
    assert len(questions.culture) == 4


def test_python_template_keeps_the_seed_question_topics(python_template: RoleTemplate) -> None:
    questions = python_template.interview_questions
    assert [q.topic for q in questions.technical] == [
        "Python fundamentals",
        "Database design",
        "API architecture",
        "Performance optimisation",
        "Asynchronous processing",
        "System design",
        "Security",
        "Microservices",
    ]
    assert [q.topic for q in questions.behavioral] == [
        "Problem solving",
        "Code quality",
        "Collaboration",
        "Learning",
        "Performance under pressure",
        "Technical leadership",
    ]
    assert [q.topic for q in questions.culture] == [
        "Continuous improvement",
        "Code review philosophy",
        "Work style",
        "Innovation",
    ]


def test_python_template_stores_the_seed_salaries_exactly(python_template: RoleTemplate) -> None:
    compensation = python_template.compensation
    stored = {r.location: (r.min, r.max) for r in compensation.ranges}
    assert stored == SEED_SALARIES
    assert compensation.reference_level == "mid"
    assert compensation.as_of == "2025-01"
    assert compensation.source_kind == "survey_compilation"
    assert compensation.national.location == "us-national"


def test_reference_level_band_is_published_and_other_levels_are_derived(
    python_template: RoleTemplate,
) -> None:
    for location, (low, high) in SEED_SALARIES.items():
        band = python_template.salary_band("mid", location)
        assert (band.min, band.max) == (low, high)
        assert band.derived is False
        for level in ("junior", "senior", "staff"):
            derived = python_template.salary_band(level, location)
            assert derived.derived is True
            assert derived.basis.startswith("Derived")


def test_derived_band_follows_the_documented_arithmetic(python_template: RoleTemplate) -> None:
    rule = python_template.compensation.level_bands["senior"]
    band = python_template.salary_band("senior", "us-national")
    thousand = Decimal(1000)

    def half_up(amount: int, percent: int) -> int:
        scaled = Decimal(amount) * percent / 100 / thousand
        return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP) * thousand)

    expected_min = half_up(95_000, rule.min_percent)
    expected_max = half_up(145_000, rule.max_percent)
    assert (band.min, band.max) == (expected_min, expected_max)


def test_python_template_has_the_seed_compensation_factors(python_template: RoleTemplate) -> None:
    factors = {f.key: f for f in python_template.compensation.factors}
    premium = factors["industry-premium-fintech-healthcare"]
    assert (premium.adjustment.unit, premium.adjustment.low, premium.adjustment.high) == (
        "percent",
        10,
        20,
    )
    assert set(premium.industries) == {"fintech", "healthcare"}
    certification = factors["cloud-certification"]
    assert (certification.adjustment.unit, certification.adjustment.low) == ("usd", 5_000)
    assert certification.adjustment.high == 15_000
    assert {f.kind for f in factors.values()} == {
        "industry_premium",
        "certification",
        "framework_expertise",
        "company_stage",
    }


@pytest.mark.parametrize(("industry", "technologies"), SEED_INDUSTRY_TECHNOLOGIES.items())
def test_python_industries_list_the_seed_key_technologies(
    python_template: RoleTemplate, industry: str, technologies: set[str]
) -> None:
    variation = python_template.industries[industry]  # type: ignore[index]
    assert technologies <= set(variation.key_technologies)
    assert len(variation.requirements) == 3


def test_python_template_names_every_seed_technology(python_template: RoleTemplate) -> None:
    text = python_template.model_dump_json()
    names = set(python_template.technology_names())
    missing = [tech for tech in SEED_TECHNOLOGIES if tech not in names and tech not in text]
    assert missing == []


def test_python_template_lists_the_seed_red_flags(python_template: RoleTemplate) -> None:
    assert len(python_template.red_flags) == 6
    text = " ".join(f"{f.title} {f.problem}" for f in python_template.red_flags)
    for word in SEED_RED_FLAG_WORDS:
        assert word.lower() in text.lower()


def test_python_template_qualifications_match_the_seed_levels(
    python_template: RoleTemplate,
) -> None:
    mid = python_template.levels["mid"]
    assert (mid.years_min, mid.years_max) == (3, 5)
    assert python_template.levels["staff"].years_max is None


@pytest.mark.parametrize("key", ALL_KEYS)
def test_no_template_copies_seed_sentences(key: str) -> None:
    if not SEED.exists():
        pytest.skip("seed document not available")
    text = get_builtin_template(key).model_dump_json().lower()
    words = SEED.read_text(encoding="utf-8").lower().split()
    window = 9
    copied = {
        " ".join(words[i : i + window])
        for i in range(len(words) - window)
        if " ".join(words[i : i + window]) in text
    }
    assert copied == set()


def _prose_windows(template: RoleTemplate, width: int) -> set[str]:
    """Every run of `width` words in the template's own prose (provenance is a fixed label)."""
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(template.model_dump(exclude={"provenance": True, "compensation": {"ranges"}}))
    windows: set[str] = set()
    for text in texts:
        words = re.findall(r"[a-z0-9']+", text.lower())
        windows.update(" ".join(words[i : i + width]) for i in range(len(words) - width + 1))
    return windows


def test_templates_do_not_share_boilerplate() -> None:
    """No ten-word run of prose appears in more than two templates: each is written anew."""
    counts: Counter[str] = Counter()
    for template in load_builtin_templates().values():
        counts.update(_prose_windows(template, 10))
    assert [window for window, count in counts.items() if count > 2] == []


# --- the models refuse bad data -------------------------------------------------------------


def test_salary_range_with_min_above_max_is_rejected() -> None:
    with pytest.raises(ValidationError, match="above max"):
        SalaryRange(
            location="austin-tx",
            name="Austin, TX",
            kind="metro",
            market_note="Growing",
            min=150_000,
            max=100_000,
        )


def test_salary_given_as_text_is_rejected() -> None:
    with pytest.raises(ValidationError):
        SalaryRange.model_validate(
            {
                "location": "austin-tx",
                "name": "Austin, TX",
                "kind": "metro",
                "market_note": "Growing",
                "min": "95000",
                "max": 140_000,
            }
        )


def test_template_with_min_above_max_in_data_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["compensation"]["ranges"][0]["min"] = 200_000
    with pytest.raises(ValidationError, match="above max"):
        RoleTemplate.model_validate(bad)


def test_unknown_level_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["levels"]["principal"] = bad["levels"]["staff"]
    with pytest.raises(ValidationError):
        RoleTemplate.model_validate(bad)


def test_unknown_level_on_a_question_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["interview_questions"]["technical"][0]["levels"] = ["intern"]
    with pytest.raises(ValidationError):
        RoleTemplate.model_validate(bad)


def test_missing_level_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    del bad["levels"]["junior"]
    with pytest.raises(ValidationError, match="levels missing: junior"):
        RoleTemplate.model_validate(bad)


def test_missing_industry_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    del bad["industries"]["iot"]
    with pytest.raises(ValidationError, match="industries missing: iot"):
        RoleTemplate.model_validate(bad)


def test_missing_work_context_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    del bad["work_contexts"]["startup"]
    with pytest.raises(ValidationError, match="work contexts missing: startup"):
        RoleTemplate.model_validate(bad)


def test_unknown_industry_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["industries"]["gaming"] = bad["industries"]["media"]
    with pytest.raises(ValidationError):
        RoleTemplate.model_validate(bad)


def test_extra_field_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["mascot"] = "snake"
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        RoleTemplate.model_validate(bad)


def test_extra_field_in_a_nested_model_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["interview_questions"]["culture"][0]["difficulty"] = "hard"
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        RoleTemplate.model_validate(bad)


def test_empty_question_category_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["interview_questions"]["behavioral"] = []
    with pytest.raises(ValidationError):
        RoleTemplate.model_validate(bad)


def test_duplicate_question_keys_are_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    questions = bad["interview_questions"]
    questions["culture"][0]["key"] = questions["technical"][0]["key"]
    with pytest.raises(ValidationError, match="duplicate interview question keys"):
        RoleTemplate.model_validate(bad)


def test_reference_level_rule_other_than_100_percent_is_rejected(
    python_raw: dict[str, Any],
) -> None:
    bad = copy.deepcopy(python_raw["compensation"])
    bad["level_bands"]["mid"] = {"min_percent": 100, "max_percent": 110}
    with pytest.raises(ValidationError, match="100/100"):
        CompensationGuide.model_validate(bad)


def test_missing_compensation_factor_kind_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw["compensation"])
    bad["factors"] = [f for f in bad["factors"] if f["kind"] != "certification"]
    with pytest.raises(ValidationError, match="missing kinds: certification"):
        CompensationGuide.model_validate(bad)


def test_level_with_years_max_below_years_min_is_rejected() -> None:
    with pytest.raises(ValidationError, match="years_max"):
        LevelProfile(
            title="Senior",
            years_min=6,
            years_max=2,
            scope="Leads a service.",
            responsibilities_focus=("Designs systems.",),
            interview_emphasis=("System design.",),
        )


def test_templates_are_immutable(python_template: RoleTemplate) -> None:
    with pytest.raises(ValidationError):
        python_template.title = "Something else"  # type: ignore[misc]


def test_unknown_template_expression_is_rejected(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["overview"] = "We pay {salary} a year."
    with pytest.raises(ValidationError, match=r"unknown template expression \{salary\}"):
        RoleTemplate.model_validate(bad)


def test_level_argument_must_name_a_level(python_raw: dict[str, Any]) -> None:
    bad = copy.deepcopy(python_raw)
    bad["overview"] = "Seniors bring {years:principal}."
    with pytest.raises(ValidationError, match="only years and band take a level"):
        RoleTemplate.model_validate(bad)
    bad["overview"] = "Hiring {title:mid}."
    with pytest.raises(ValidationError, match="only years and band take a level"):
        RoleTemplate.model_validate(bad)
