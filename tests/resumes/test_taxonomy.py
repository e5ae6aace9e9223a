"""The skills taxonomy: the shipped data, lookups by any spelling, and finding skills in text."""

# Résumés come in many scripts; the non-Latin letters in these tests are deliberate.
# ruff: noqa: RUF001

from __future__ import annotations

import dataclasses
from importlib import resources

import pytest
import yaml

from hireline.resumes.taxonomy import (
    Skill,
    Taxonomy,
    TaxonomyError,
    load_taxonomy,
    parse_taxonomy,
)

# Technologies and practices named in the Python backend developer hiring guide (the project
# seed), spelled as the guide spells them.
SEED_GUIDE_NAMES = [
    "Python",
    "Python 3.8+",
    "Django",
    "FastAPI",
    "Flask",
    "RESTful APIs",
    "GraphQL",
    "JWT",
    "OAuth",
    "OAuth 2.0",
    "API keys",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "microservices",
    "Celery",
    "Redis",
    "RQ",
    "Apache Kafka",
    "Kafka",
    "Memcached",
    "Swagger",
    "OpenAPI",
    "pytest",
    "SQL",
    "SQL databases",
    "NoSQL",
    "SQL injection",
    "XSS",
    "Git",
    "GitHub",
    "PyPI",
    "HTTP",
    "CI/CD",
    "Docker",
    "Docker Compose",
    "Docker Swarm",
    "Kubernetes",
    "AWS",
    "Google Cloud",
    "GCP",
    "Azure",
    "AWS Lambda",
    "Google Cloud Functions",
    "serverless computing",
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
    "ETL",
    "webhook",
    "HIPAA",
    "PCI",
    "agile",
    "DevOps",
    "machine learning",
    "big data",
    "data engineering",
    "edge computing",
    "IoT",
    "event-driven architectures",
    "distributed systems",
    "system design",
    "multi-tenant architecture",
    "cloud-native architectures",
    "real-time systems",
    "message queues",
    "caching strategies",
    "rate limiting",
    "API versioning",
    "database indexing",
    "query optimization",
    "asynchronous processing",
    "data processing pipelines",
    "full-text search",
    "Time-series data",
    "application performance monitoring",
    "containerization",
    "container orchestration",
    "unit tests",
    "integration tests",
    "end-to-end tests",
    "code reviews",
    "open-source",
]


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def _skills_yaml(*entries: str) -> str:
    return "schema_version: 1\nskills:\n" + "".join(f"  - {entry}\n" for entry in entries)


# --- the shipped data ------------------------------------------------------------------------


def test_shipped_taxonomy_loads_with_at_least_400_skills(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.skills) >= 400
    assert all(isinstance(skill, Skill) for skill in taxonomy.skills.values())


def test_load_taxonomy_is_cached_per_process() -> None:
    assert load_taxonomy() is load_taxonomy()


def test_every_skill_has_a_category_and_families_have_several_members(
    taxonomy: Taxonomy,
) -> None:
    for name, skill in taxonomy.skills.items():
        assert skill.name == name
        assert skill.category
        if skill.family is not None:
            assert len(taxonomy.families[skill.family]) >= 2


def test_skill_is_a_frozen_value() -> None:
    skill = Skill(name="Go", category="language", aliases=("Golang",), family=None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        skill.name = "Rust"  # type: ignore[misc]
    assert not hasattr(skill, "__dict__")


def test_every_spelling_resolves_to_its_own_skill(taxonomy: Taxonomy) -> None:
    for skill in taxonomy.skills.values():
        for spelling in (skill.name, *skill.aliases):
            assert taxonomy.canonical(spelling) == skill.name, spelling
            assert taxonomy.canonical(spelling.upper()) == skill.name, spelling


def test_every_spelling_is_found_in_a_comma_separated_list(taxonomy: Taxonomy) -> None:
    missed = [
        (skill.name, spelling)
        for skill in taxonomy.skills.values()
        for spelling in (skill.name, *skill.aliases)
        if skill.name not in taxonomy.find(f"Skills: Perl, {spelling}, Java")
    ]
    assert missed == []


@pytest.mark.parametrize("name", SEED_GUIDE_NAMES)
def test_technologies_named_in_the_seed_guide_resolve(taxonomy: Taxonomy, name: str) -> None:
    assert taxonomy.canonical(name) is not None


def test_technologies_named_in_the_seed_guide_are_found_in_a_list(taxonomy: Taxonomy) -> None:
    expected = {taxonomy.canonical(name) for name in SEED_GUIDE_NAMES}
    assert set(taxonomy.find(", ".join(SEED_GUIDE_NAMES))) == expected


def test_technologies_of_the_builtin_role_templates_resolve(taxonomy: Taxonomy) -> None:
    data = resources.files("hireline.guides").joinpath("data")
    unknown = []
    for template in data.iterdir():
        if not template.name.endswith(".yaml"):
            continue
        for group in yaml.safe_load(template.read_text(encoding="utf-8"))["technologies"]:
            unknown += [
                (template.name, name) for name in group["names"] if taxonomy.canonical(name) is None
            ]
    assert unknown == []


# --- canonical ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Postgres", "PostgreSQL"),
        ("postgresql", "PostgreSQL"),
        ("psql", "PostgreSQL"),
        ("k8s", "Kubernetes"),
        ("K8S", "Kubernetes"),
        ("DRF", "Django REST Framework"),
        ("GCP", "Google Cloud"),
        ("sklearn", "scikit-learn"),
        ("Scikit Learn", "scikit-learn"),
        ("JS", "JavaScript"),
        ("Node", "Node.js"),
        ("node.js", "Node.js"),
        ("NodeJS", "Node.js"),
        ("node js", "Node.js"),
        ("golang", "Go"),
        ("go", "Go"),
        ("r", "R"),
        ("c++", "C++"),
        ("C++17", "C++"),
        ("c#", "C#"),
        (".net", ".NET"),
        ("docker-compose", "Docker Compose"),
        ("ci/cd", "CI/CD"),
        ("WCAG 2.2", "Web accessibility"),
        ("Postgres 16", "PostgreSQL"),
        ("webhooks", "Webhooks"),
        ("  Kubernetes ", "Kubernetes"),
    ],
)
def test_canonical_accepts_any_spelling_ignoring_case(
    taxonomy: Taxonomy, spelling: str, canonical: str
) -> None:
    assert taxonomy.canonical(spelling) == canonical


@pytest.mark.parametrize("spelling", ["", "   ", "Cobolt", "Pythonista", "knitting", "3.8"])
def test_canonical_of_an_unknown_spelling_is_none(taxonomy: Taxonomy, spelling: str) -> None:
    assert taxonomy.canonical(spelling) is None


# --- find ----------------------------------------------------------------------------------


def test_find_lists_each_skill_once_in_order_of_first_mention(taxonomy: Taxonomy) -> None:
    text = "Built APIs with FastAPI and Postgres; later moved Postgres to k8s. PostgreSQL, Python."
    assert taxonomy.find(text) == ["FastAPI", "PostgreSQL", "Kubernetes", "Python"]


def test_find_on_empty_or_unrelated_text_is_empty(taxonomy: Taxonomy) -> None:
    assert taxonomy.find("") == []
    assert taxonomy.find("Enjoys hiking, cooking and good books.") == []


def test_find_prefers_the_longest_spelling(taxonomy: Taxonomy) -> None:
    assert taxonomy.find("Apache Spark and Spark SQL on Google Cloud Functions") == [
        "Apache Spark",
        "Google Cloud Functions",
    ]
    assert taxonomy.find("Spring Boot") == ["Spring Boot"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".NET, C#, C++, Node.js, CI/CD", [".NET", "C#", "C++", "Node.js", "CI/CD"]),
        ("C#/.NET and ASP.NET Core", ["C#", ".NET", "ASP.NET Core"]),
        ("Python3, HTML5, CSS3, Java8", ["Python", "HTML", "CSS", "Java"]),
        ("Python 3.8+ and C++17", ["Python", "C++"]),
        ("NodeJS, Node JS, node.js", ["Node.js"]),
        ("docker-compose and DockerCompose", ["Docker Compose"]),
        ("CI / CD pipelines", ["CI/CD"]),
        ("Python/Django/PostgreSQL", ["Python", "Django", "PostgreSQL"]),
        ("python-based, Kubernetes-native", ["Python", "Kubernetes"]),
        ("REST APIs with webhooks", ["REST API design", "Webhooks"]),
        ("(Kubernetes)", ["Kubernetes"]),
    ],
)
def test_find_handles_punctuation_versions_and_plurals(
    taxonomy: Taxonomy, text: str, expected: list[str]
) -> None:
    assert taxonomy.find(text) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I am good at this, going forward", "Go"),
        ("Go to market strategy", "Go"),
        ("The go-to person for releases", "Go"),
        ("Go and get it done.", "Go"),
        ("Senior Go Engineer", "Go"),
        ("Learned Go1 quickly", "Go"),
        ("Led the R&D team", "R"),
        ("Head of R & D", "R"),
        ("Microsoft(R) Office", "R"),
        ("Every word here, really", "R"),
        ("C++ and C# developer", "C"),
        ("Briefed C-level stakeholders", "C"),
        ("Attached my C.V. below", "C"),
        ("C'est la vie", "C"),
        ("Vitamin C", "C"),
        ("JavaScript developer", "Java"),
        ("Spring 2024 internship", "Spring Framework"),
        ("In spring we shipped", "Spring Framework"),
        ("Taylor Swift fan", "Swift"),
        ("swift delivery", "Swift"),
        ("Head Chef at a bistro", "Chef"),
        ("Make sure releases are smooth", "Make"),
        ("I make things", "Make"),
        ("less than five bugs", "Less"),
        ("Less is more", "Less"),
        ("rust removal", "Rust"),
        ("Spark joy", "Apache Spark"),
        ("react to incidents", "React"),
        ("Julia Roberts", "Julia"),
        ("123 Elm Street", "Elm"),
        ("American Express", "Express"),
        ("rest of the team", "REST API design"),
        ("excellent written skills", "Microsoft Excel"),
        ("a flask of coffee", "Flask"),
        ("Ruby Chen, software engineer", "Ruby"),
        ("Used a Hive mind", "Apache Hive"),
        ("index.js and main.go", "JavaScript"),
        ("jane@python.org", "Python"),
        ("Pythonista", "Python"),
    ],
)
def test_find_ignores_false_friends(taxonomy: Taxonomy, text: str, absent: str) -> None:
    assert absent not in taxonomy.find(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Languages: Python, Go, Rust", ["Python", "Go", "Rust"]),
        ("Skills\nGo\nRust", ["Go", "Rust"]),
        ("Proficient in Go and Rust.", ["Go", "Rust"]),
        ("Built services in Golang", ["Go"]),
        ("Python, R, SQL", ["Python", "R", "SQL"]),
        ("Statistics in Python and R", ["Statistics", "Python", "R"]),
        ("C, C++, Java", ["C", "C++", "Java"]),
        ("C/C++ firmware", ["C", "C++", "Embedded systems"]),
        ("Java and JavaScript", ["Java", "JavaScript"]),
        ("Java, Spring, Hibernate", ["Java", "Spring Framework", "Hibernate"]),
        ("Swift, Kotlin", ["Swift", "Kotlin"]),
        ("Chef, Puppet and Ansible", ["Chef", "Puppet", "Ansible"]),
        ("Tools: Make, CMake", ["Make", "CMake"]),
        ("Sass, Less", ["Sass", "Less"]),
        ("Spark, Hive and Pig", ["Apache Spark", "Apache Hive", "Apache Pig"]),
        ("• Express (Node)", ["Express", "Node.js"]),
        ("React, Redux", ["React", "Redux"]),
        ("Julia, R", ["Julia", "R"]),
        ("REST, gRPC", ["REST API design", "gRPC"]),
        ("Advanced Excel", ["Microsoft Excel"]),
        ("Celery, RQ, Kafka", ["Celery", "RQ", "Apache Kafka"]),
    ],
)
def test_find_keeps_ambiguous_names_in_skill_lists(
    taxonomy: Taxonomy, text: str, present: list[str]
) -> None:
    assert taxonomy.find(text) == present


def test_find_misses_ambiguous_names_in_running_prose_by_design(taxonomy: Taxonomy) -> None:
    assert taxonomy.find("wrote the billing service in Go for speed") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Développeur Python à Zürich — expérience avec Django, PostgreSQL et Go.",
            ["Python", "Django", "PostgreSQL", "Go"],
        ),
        (
            "Compétences : Python, Go, C++ ; bases : PostgreSQL",
            ["Python", "Go", "C++", "PostgreSQL"],
        ),
        ("Опыт: Python, Go, Kubernetes", ["Python", "Go", "Kubernetes"]),
        ("スキル：Python、Go、Rust", ["Python", "Go", "Rust"]),
        ("Pythonでの開発経験", ["Python"]),
        ("Ñandú Python—Django", ["Python", "Django"]),
        ("Kubernetes\u00a0(k8s)\u2009and\u00a0Helm", ["Kubernetes", "Helm"]),
        ("Gödel, Rémi, Çağrı, Gó, PythonПрограммист", []),
        ("ØMQ, C♯", ["ZeroMQ", "C#"]),
    ],
)
def test_find_works_inside_accented_and_non_latin_text(
    taxonomy: Taxonomy, text: str, expected: list[str]
) -> None:
    assert taxonomy.find(text) == expected


# --- families ------------------------------------------------------------------------------


def test_family_members_are_the_other_skills_of_the_family(taxonomy: Taxonomy) -> None:
    members = taxonomy.family_members("Django")
    assert {"Flask", "FastAPI", "Pyramid"} <= members
    assert "Django" not in members
    assert taxonomy.family_members("drf") == taxonomy.families["python-web-frameworks"] - {
        "Django REST Framework"
    }


@pytest.mark.parametrize(
    ("skill", "family"),
    [
        ("PostgreSQL", "relational-databases"),
        ("MySQL", "relational-databases"),
        ("Apache Kafka", "message-brokers"),
        ("RabbitMQ", "message-brokers"),
        ("AWS", "cloud-providers"),
        ("Google Cloud", "cloud-providers"),
        ("React", "js-frontend-frameworks"),
        ("Vue.js", "js-frontend-frameworks"),
        ("Docker", "containers-orchestration"),
        ("Kubernetes", "containers-orchestration"),
        ("Flask", "python-web-frameworks"),
    ],
)
def test_well_known_skills_sit_in_their_family(taxonomy: Taxonomy, skill: str, family: str) -> None:
    assert taxonomy.skills[skill].family == family


def test_family_members_of_unknown_or_familyless_skills_are_empty(taxonomy: Taxonomy) -> None:
    assert taxonomy.family_members("Cobolt") == frozenset()
    small = parse_taxonomy(_skills_yaml("{name: LaTeX, category: tool}"))
    assert small.skills["LaTeX"].family is None
    assert small.family_members("latex") == frozenset()


# --- validation ------------------------------------------------------------------------------


def test_a_small_valid_file_loads() -> None:
    taxonomy = parse_taxonomy(
        _skills_yaml(
            "{name: Go, category: language, family: compiled, ambiguous: [Go], aliases: [Golang]}",
            "{name: Rust, category: language, family: compiled, case_sensitive: [Rust]}",
        )
    )
    assert taxonomy.skills["Go"] == Skill(
        name="Go", category="language", aliases=("Golang",), family="compiled"
    )
    assert taxonomy.find("Go, Rust, rust, golang") == ["Go", "Rust"]
    assert taxonomy.family_members("golang") == frozenset({"Rust"})


def test_a_spelling_claimed_by_two_skills_is_an_error() -> None:
    source = _skills_yaml(
        "{name: PostgreSQL, category: database, aliases: [Postgres]}",
        "{name: Postgres XL, category: database, aliases: [postgres]}",
    )
    with pytest.raises(TaxonomyError, match=r"duplicate spelling 'postgres'.*'PostgreSQL'"):
        parse_taxonomy(source)


def test_spellings_differing_only_in_case_or_separators_are_duplicates() -> None:
    source = _skills_yaml("{name: Node.js, category: platform, aliases: [NodeJS]}")
    with pytest.raises(TaxonomyError, match="twice in that skill"):
        parse_taxonomy(source)


def test_two_skills_with_the_same_name_are_an_error() -> None:
    source = _skills_yaml("{name: Redis, category: database}", "{name: redis, category: messaging}")
    with pytest.raises(TaxonomyError, match="duplicate spelling 'redis'"):
        parse_taxonomy(source)


def test_a_flag_must_name_a_spelling_of_the_skill() -> None:
    source = _skills_yaml("{name: Go, category: language, ambiguous: [Golang]}")
    with pytest.raises(TaxonomyError, match="ambiguous names spellings the skill does not have"):
        parse_taxonomy(source)


def test_a_family_with_a_single_skill_is_an_error() -> None:
    source = _skills_yaml(
        "{name: Django, category: web-framework, family: python-web-framework}",
        "{name: Flask, category: web-framework, family: python-web-frameworks}",
    )
    with pytest.raises(TaxonomyError, match="single skill"):
        parse_taxonomy(source)


@pytest.mark.parametrize(
    "entry",
    [
        "{name: Django, category: framework}",  # unknown category
        "{name: Django, category: web-framework, family: Python Web}",  # not kebab-case
        "{name: Django, category: web-framework, aliases: [yes]}",  # YAML reads a boolean
        "{name: Django, category: web-framework, aliases: [' Django ORM']}",  # stray space
        "{name: Django, category: web-framework, tags: [python]}",  # unknown field
        "{category: web-framework}",  # no name
    ],
)
def test_malformed_entries_are_rejected(entry: str) -> None:
    with pytest.raises(TaxonomyError, match="skills file is invalid"):
        parse_taxonomy(_skills_yaml(entry))


def test_a_spelling_without_letters_or_digits_is_rejected() -> None:
    with pytest.raises(TaxonomyError, match="no letters or digits"):
        parse_taxonomy(_skills_yaml("{name: '--', category: tool}"))


def test_broken_yaml_is_rejected() -> None:
    with pytest.raises(TaxonomyError, match="not valid YAML"):
        parse_taxonomy("skills: [unclosed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Skills: TS, JS, K8s, GCP, PG, Postgres, golang, py",
            [
                "TypeScript",
                "JavaScript",
                "Kubernetes",
                "Google Cloud",
                "PostgreSQL",
                "Go",
                "Python",
            ],
        ),
        ("Stack: py / TS / PG", ["Python", "TypeScript", "PostgreSQL"]),
        ("Read TS Eliot and Joyce at school.", []),
        ("I wrote my thesis on TS Eliot while teaching.", []),
        ("We played JS Bach in the office.", []),
        ("The PG team ran the event.", []),
        ("Rated PG-13.", []),
    ],
)
def test_short_aliases_count_among_skills_never_in_prose(text: str, expected: list[str]) -> None:
    assert load_taxonomy().find(text) == expected
