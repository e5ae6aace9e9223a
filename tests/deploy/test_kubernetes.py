"""The Kubernetes base: every object valid against the API schemas, and wired as the
README of deploy/kubernetes says (probes, secrets by reference, a migration Job, scaling)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import kubernetes_validate  # type: ignore[import-untyped]
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
RENDER = ROOT / "deploy" / "kubernetes" / "render.py"
# The oldest Kubernetes release still supported upstream when this base was written.
KUBERNETES_VERSION = "1.32.0"


def _objects() -> list[dict[str, Any]]:
    spec = importlib.util.spec_from_file_location("render", RENDER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rendered: list[dict[str, Any]] = module.objects()
    return rendered


def _by_kind(kind: str) -> list[dict[str, Any]]:
    return [item for item in _objects() if item["kind"] == kind]


def _named(kind: str, name: str) -> dict[str, Any]:
    (found,) = [item for item in _by_kind(kind) if item["metadata"]["name"] == name]
    return found


@pytest.mark.parametrize("version", [KUBERNETES_VERSION, kubernetes_validate.latest_version()])
def test_every_object_is_valid_for_the_api(version: str) -> None:
    objects = _objects()
    assert len(objects) == 10
    for item in objects:
        # strict: an unknown field (a typo) is an error, not silently dropped.
        kubernetes_validate.validate(item, version, strict=True)


def test_make_manifests_prints_the_same_objects_without_kubectl() -> None:
    printed = subprocess.run(
        [sys.executable, str(RENDER)], capture_output=True, text=True, check=True
    ).stdout
    assert list(yaml.safe_load_all(printed)) == _objects()


def _container(workload: dict[str, Any]) -> dict[str, Any]:
    (container,) = workload["spec"]["template"]["spec"]["containers"]
    return dict(container)


def test_workloads_run_unprivileged_with_secrets_by_reference() -> None:
    assert _by_kind("Secret") == []  # created by the admin, never committed
    workloads = [*_by_kind("Deployment"), *_by_kind("Job")]
    assert {item["metadata"]["name"] for item in workloads} == {
        "hireline-api",
        "hireline-worker",
        "hireline-migrate",
    }
    for workload in workloads:
        pod = workload["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        container = _container(workload)
        assert container["securityContext"]["allowPrivilegeEscalation"] is False
        secret_keys = {
            variable["valueFrom"]["secretKeyRef"]["key"]
            for variable in container["env"]
            if "secretKeyRef" in variable.get("valueFrom", {})
        }
        assert {"database-url", "secret-key"} <= secret_keys
        assert all("value" not in variable for variable in container["env"])


def test_the_api_has_probes_and_leaves_migrations_to_the_job() -> None:
    api = _container(_named("Deployment", "hireline-api"))
    assert api["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert api["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert "--no-migrate" in api["command"]
    migrate = _container(_named("Job", "hireline-migrate"))
    assert migrate["command"] == ["hireline", "migrate", "upgrade"]
    worker = _container(_named("Deployment", "hireline-worker"))
    assert worker["command"] == ["hireline", "worker"]


def test_the_api_scales_on_cpu_and_survives_drains() -> None:
    api = _named("Deployment", "hireline-api")
    pod_labels = api["spec"]["template"]["metadata"]["labels"]
    autoscaler = _named("HorizontalPodAutoscaler", "hireline-api")
    assert autoscaler["spec"]["scaleTargetRef"]["name"] == "hireline-api"
    (metric,) = autoscaler["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    budget = _named("PodDisruptionBudget", "hireline-api")
    assert budget["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    service = _named("Service", "hireline-api")
    assert service["spec"]["selector"].items() <= pod_labels.items()
    ingress = _named("Ingress", "hireline")
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == "hireline-api"
    (policy,) = _by_kind("NetworkPolicy")
    assert set(policy["spec"]["policyTypes"]) == {"Ingress", "Egress"}
