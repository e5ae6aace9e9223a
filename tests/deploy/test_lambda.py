"""`hireline.lambda_handler.handler` answering recorded API Gateway events (HTTP API 2.0 and
REST API 1.0) against the test database, as AWS Lambda would call it.

Lambda calls the handler again and again in one process, on one thread, with an event loop
Mangum keeps; a thread of its own gives the test the same (and keeps it off the suite's loop).
"""

from __future__ import annotations

import base64
import copy
import json
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from hireline import lambda_handler
from hireline.settings import ConfigurationError, get_settings

EVENTS = Path(__file__).parent / "lambda_events"
Result = TypeVar("Result")


def _event(name: str, method: str, path: str, **changes: Any) -> dict[str, Any]:
    """A recorded event, re-aimed at `method path` with JSON `body` and extra `headers`."""
    event: dict[str, Any] = copy.deepcopy(json.loads((EVENTS / name).read_text()))
    body = changes.get("body")
    headers = changes.get("headers", {})
    if event.get("version") == "2.0":
        event["rawPath"] = event["requestContext"]["http"]["path"] = path
        event["requestContext"]["http"]["method"] = method
        event["headers"] |= {key.lower(): value for key, value in headers.items()}
    else:
        event["path"] = path
        event["httpMethod"] = event["requestContext"]["httpMethod"] = method
        event["pathParameters"] = {"proxy": path.lstrip("/")}
        event["headers"] |= headers
        event["multiValueHeaders"] |= {key: [value] for key, value in headers.items()}
    if body is not None:
        event["body"] = json.dumps(body)
        content_type = {"content-type": "application/json"}
        if event.get("version") == "2.0":
            event["headers"] |= content_type
        else:
            event["headers"] |= content_type
            event["multiValueHeaders"] |= {"content-type": ["application/json"]}
    return event


def _json(response: dict[str, Any]) -> Any:
    body = response["body"]
    if response.get("isBase64Encoded"):
        body = base64.b64decode(body)
    return json.loads(body)


def _header(response: dict[str, Any], name: str) -> str:
    headers = {key.lower(): value for key, value in response.get("headers", {}).items()}
    return str(headers[name])


@pytest.fixture
def in_lambda(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Callable[[], Result]], Result]]:
    """Runs calls on one long-lived thread, like a Lambda container, configured by env."""
    for name in ("REDIS_URL", "HIRELINE_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("HIRELINE_ENVIRONMENT", "production")
    monkeypatch.setenv("HIRELINE_SECRET_KEY", "a-lambda-signing-key-" + "x" * 32)
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    lambda_handler.reset()
    with ThreadPoolExecutor(max_workers=1) as container:

        def run(call: Callable[[], Result]) -> Result:
            return container.submit(call).result(timeout=120)

        yield run
        container.submit(lambda_handler.reset).result(timeout=60)
    get_settings.cache_clear()


def test_recorded_events_of_both_gateway_versions_are_answered(
    in_lambda: Callable[[Callable[[], dict[str, Any]]], dict[str, Any]],
) -> None:
    def invoke(event: dict[str, Any]) -> dict[str, Any]:
        return in_lambda(lambda: lambda_handler.handler(event, None))

    health = invoke(_event("http_api_v2.json", "GET", "/healthz"))
    assert health["statusCode"] == 200
    ready = invoke(_event("rest_v1.json", "GET", "/readyz"))
    assert ready["statusCode"] == 200
    assert _json(ready)["database"] == "ok"

    slug = f"lambda-{uuid.uuid4().hex[:8]}"
    signup = invoke(
        _event(
            "http_api_v2.json",
            "POST",
            "/v1/auth/signup",
            body={
                "organization_name": "Lambda Org",
                "slug": slug,
                "name": "Ada",
                "email": f"ada@{slug}.example",
                "password": "correct horse battery staple",
            },
        )
    )
    assert signup["statusCode"] == 201, signup["body"]
    token = _json(signup)["access_token"]
    jobs = invoke(
        _event("rest_v1.json", "GET", "/v1/jobs", headers={"Authorization": f"Bearer {token}"})
    )
    assert jobs["statusCode"] == 200, jobs["body"]
    assert _json(jobs)["items"] == []
    missing = invoke(_event("rest_v1.json", "GET", "/nowhere"))
    assert missing["statusCode"] == 404
    assert _header(missing, "content-type") == "application/problem+json"
    careers = invoke(_event("http_api_v2.json", "GET", f"/careers/{slug}"))
    assert careers["statusCode"] == 200
    assert "Lambda Org" in careers["body"]


def test_a_cold_start_without_a_database_url_is_refused(
    in_lambda: Callable[[Callable[[], dict[str, Any]]], dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.delenv("DATABASE_URL")
    get_settings.cache_clear()
    event = _event("http_api_v2.json", "GET", "/healthz")
    with pytest.raises(ConfigurationError, match="DATABASE_URL must be set"):
        in_lambda(lambda: lambda_handler.handler(event, None))
    # No embedded PostgreSQL was started in its place.
    assert not (tmp_path / "data" / "postgres").exists()
