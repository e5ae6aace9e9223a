"""The Docker image and the Compose file, checked by reading them (no Docker engine runs on
the development machines; `docker compose config` validates them where one does)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    pairs = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            pairs.append((keyword.upper(), rest.strip()))
    return pairs


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def test_the_image_is_built_in_stages_and_runs_as_a_user_without_privileges() -> None:
    instructions = _instructions()
    stages = [rest for keyword, rest in instructions if keyword == "FROM"]
    assert len(stages) == 2
    assert stages[0].endswith("AS build")
    # The last stage (the image that runs) switches to a numbered, unprivileged user.
    final = instructions[[keyword for keyword, _ in instructions].index("FROM", 1) :]
    users = [rest for keyword, rest in final if keyword == "USER"]
    assert users == ["hireline"]
    assert "useradd" in DOCKERFILE
    assert "--uid 10001" in DOCKERFILE


def test_the_semantic_extra_is_a_build_argument() -> None:
    instructions = _instructions()
    assert ("ARG", 'EXTRAS=""') in instructions
    syncs = [rest for keyword, rest in instructions if keyword == "RUN" and "uv sync" in rest]
    assert syncs
    assert all('${EXTRAS:+--extra "$EXTRAS"}' in rest for rest in syncs)
    assert all("--no-dev" in rest and "--locked" in rest for rest in syncs)


def test_the_health_check_asks_whether_the_api_is_ready() -> None:
    checks = [rest for keyword, rest in _instructions() if keyword == "HEALTHCHECK"]
    assert len(checks) == 1
    assert "/readyz" in checks[0]
    assert ("STOPSIGNAL", "SIGTERM") in _instructions()


def test_compose_runs_postgres_with_pgvector_redis_the_api_and_a_worker() -> None:
    services = _compose()["services"]
    assert set(services) == {"postgres", "redis", "api", "worker"}
    assert services["postgres"]["image"].startswith("pgvector/pgvector:")
    for name in ("postgres", "redis"):
        assert services[name]["healthcheck"]["test"], name
    api, worker = services["api"], services["worker"]
    assert api["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    # The worker starts once the API (which migrates) is healthy.
    assert worker["depends_on"] == {"api": {"condition": "service_healthy"}}
    assert worker["command"] == ["hireline", "worker"]
    assert worker["healthcheck"] == {"disable": True}
    assert api["environment"] == worker["environment"]  # one configuration (a YAML anchor)
    assert api["volumes"] == worker["volumes"] == ["files:/data"]
    for service in (api, worker):
        assert service["build"]["args"] == {"EXTRAS": "${EXTRAS:-}"}


def test_compose_takes_the_secret_from_the_environment() -> None:
    environment = _compose()["services"]["api"]["environment"]
    assert environment["HIRELINE_SECRET_KEY"].startswith("${HIRELINE_SECRET_KEY:?")
    assert environment["DATABASE_URL"].startswith("postgresql://")
