"""The OpenAPI document, made true by shared rules rather than by each route's decorator.

FastAPI describes what a route parses and returns; what the rest of the stack does to a
request (problem+json errors, authentication, rate limits, idempotency, body limits) is
added here, from what each operation's dependencies declare they can do. Generated clients
are built from this document, so a status the server can send and the document omits is a
crash in someone's integration.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from pydantic import BaseModel, ConfigDict, Field

from hireline.core.errors import PROBLEM_MEDIA_TYPE, ProblemType, problem_for_status

PROBLEM_REF = "#/components/schemas/Problem"
IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")


class FieldError(BaseModel):
    """One invalid or missing input: where it is, what is wrong, and a stable kind."""

    loc: list[str] = Field(description='Where the input is, e.g. ["body", "email"].')
    msg: str
    type: str = Field(description="A stable kind of error, e.g. `missing`.")


class Problem(BaseModel):
    """An RFC 9457 problem details document; every 4xx and 5xx answer is one."""

    # Problems of some types carry extension members (e.g. `application` on a conflict).
    model_config = ConfigDict(extra="allow", title="Problem")

    type: str = Field(description="Stable identifier; `GET` it for a description.")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = Field(None, description="The path the request was sent to.")
    request_id: str | None = Field(None, description="The id of the request's log line.")
    errors: list[FieldError] | None = Field(None, description="Each invalid field (422).")


@dataclass(frozen=True)
class OperationTraits:
    """What a dependency does to every request of the operations that use it."""

    problems: frozenset[int] = frozenset()
    # None says nothing about security; [] marks an anonymous operation.
    security: list[dict[str, list[str]]] | None = None
    rate_limited: bool = False
    # POSTs answered once per Idempotency-Key, then replayed.
    idempotent: bool = False


@dataclass(frozen=True)
class DocumentRules:
    """The tables of one API: its operation ids, and what only a service knows it raises."""

    operation_ids: Mapping[str, str]
    security_schemes: Mapping[str, Any]
    # Statuses a service raises beyond the shared rules (a 409 on a conflicting state, ...).
    extra_problems: Mapping[str, Iterable[int]] = field(default_factory=dict)
    # Operations answering with an ETag, and 304 to If-None-Match.
    etag_operations: frozenset[str] = frozenset()
    # Operations that claim an Idempotency-Key themselves (not through a dependency).
    idempotent_operations: frozenset[str] = frozenset()
    servers: list[dict[str, str]] = field(default_factory=list)
    # Creations whose `id` is not the id of the resources under their path.
    unlinked_operations: frozenset[str] = frozenset()
    # Links the path cannot tell: operation id -> target operation id -> parameter -> value.
    links: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)


def traits_of(call: object) -> OperationTraits | None:
    """The traits a dependency callable declares through an `openapi_traits` attribute."""
    traits = getattr(call, "openapi_traits", None)
    return traits if isinstance(traits, OperationTraits) else None


def operation_id_function(operation_ids: Mapping[str, str]) -> Callable[[APIRoute], str]:
    """FastAPI's `generate_unique_id_function`: short ids from the table, else the route name.

    Request-body schemas are named after the id (`Body_board_apply`), so the ids also keep
    the component names short and stable.
    """

    def unique_id(route: APIRoute) -> str:
        return operation_ids.get(route.name, route.name)

    return unique_id


def _walk(dependant: Dependant) -> Iterable[Dependant]:
    yield dependant
    for child in dependant.dependencies:
        yield from _walk(child)


def _merged_traits(route: RouteContext) -> OperationTraits:
    problems: set[int] = set()
    security: list[dict[str, list[str]]] | None = None
    rate_limited = idempotent = False
    for dependant in _walk(route.dependant):
        traits = traits_of(dependant.call)
        if traits is None:
            continue
        problems |= traits.problems
        if traits.security is not None:
            security = traits.security
        rate_limited |= traits.rate_limited
        idempotent |= traits.idempotent
    return OperationTraits(frozenset(problems), security, rate_limited, idempotent)


def _input_problems(route: RouteContext) -> set[int]:
    """Statuses that follow from what the route reads."""
    dependants = list(_walk(route.dependant))
    path = [p for d in dependants for p in d.path_params]
    query = [p for d in dependants for p in d.query_params]
    header = [p for d in dependants for p in d.header_params]
    body = [p for d in dependants for p in d.body_params]
    problems: set[int] = set()
    if path or query or header or body:
        problems.add(422)
    if path:
        # An id that does not exist, or belongs to another organisation.
        problems.add(404)
    if body:
        problems |= {400, 413}  # a body that does not parse; one over the size limit
    if any(p.name == "cursor" for p in query):
        problems.add(400)  # a cursor that was not issued by this API
    return problems


def _problem_response(problem: ProblemType, description: str | None) -> dict[str, Any]:
    return {
        "description": description or problem.description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_REF}}},
    }


def _has_own_schema(response: dict[str, Any]) -> bool:
    """Whether a route declared a body of its own (not FastAPI's placeholders)."""
    fastapi_refs = {f"#/components/schemas/{name}" for name in _FASTAPI_VALIDATION_SCHEMAS}
    return any(
        media.get("schema") and media["schema"].get("$ref") not in fastapi_refs
        for media in response.get("content", {}).values()
    )


def _header(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "schema": schema}


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": _header("Requests allowed in the window.", {"type": "integer"}),
    "RateLimit-Remaining": _header("Requests left in the window.", {"type": "integer"}),
    "RateLimit-Reset": _header("Seconds until the window resets.", {"type": "integer"}),
}
RETRY_AFTER_HEADER = {
    "Retry-After": _header("Seconds to wait before retrying.", {"type": "integer"})
}
ETAG_HEADER = {"ETag": _header("Version of the representation.", {"type": "string"})}


def _schema_of(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        resolved: dict[str, Any] = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
        return resolved
    return schema


def _without_null(schema: dict[str, Any]) -> None:
    """Drop the `null` option of an optional value that HTTP can only leave out.

    A header, query parameter or form part is absent or a string; `null` would be sent as
    the four letters "null".
    """
    options = schema.get("anyOf")
    if not isinstance(options, list) or {"type": "null"} not in options:
        return
    rest = [option for option in options if option != {"type": "null"}]
    del schema["anyOf"]
    if len(rest) == 1:
        schema.update(rest[0])
    else:
        schema["anyOf"] = rest


def _describe_multipart(document: dict[str, Any], media: dict[str, Any]) -> None:
    """File parts as `format: binary` and JSON parts as their schema, so generators send
    a file and an object rather than two strings."""
    schema = _schema_of(document, media.get("schema", {}))
    encoding: dict[str, Any] = {}
    for name, prop in schema.get("properties", {}).items():
        _without_null(prop)
        options = prop.get("anyOf", [prop])
        for option in options:
            if option.get("contentMediaType") == "application/json" and "contentSchema" in option:
                content_schema = option.pop("contentSchema")
                option.pop("contentMediaType")
                option.pop("type", None)
                option.update(content_schema)
                encoding[name] = {"contentType": "application/json"}
            elif "contentMediaType" in option:
                option.pop("contentMediaType")
                option["type"] = "string"
                option["format"] = "binary"
    if encoding:
        media["encoding"] = encoding


def _document_operation(
    document: dict[str, Any],
    operation: dict[str, Any],
    route: RouteContext,
    rules: DocumentRules,
) -> None:
    operation_id = operation["operationId"]
    traits = _merged_traits(route)
    idempotent = "POST" in (route.methods or ()) and (
        traits.idempotent or operation_id in rules.idempotent_operations
    )
    problems = _input_problems(route) | set(traits.problems)
    problems |= set(rules.extra_problems.get(operation_id, ()))
    if idempotent:
        problems |= {409, 422}  # a key in use by a concurrent request; reused with another body
    responses: dict[str, Any] = operation.setdefault("responses", {})
    for code in sorted(problems):
        given = responses.get(str(code), {})
        if not _has_own_schema(given):
            responses[str(code)] = _problem_response(
                problem_for_status(code), given.get("description")
            )
    for status, response in responses.items():
        if int(status) < 400 or _has_own_schema(response):
            continue  # e.g. OAuth 2.0's own error bodies on the token endpoint
        response["content"] = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_REF}}}
        response.setdefault("description", problem_for_status(int(status)).description)
    if "429" in responses:
        responses["429"]["headers"] = {**RETRY_AFTER_HEADER, **RATE_LIMIT_HEADERS}
    for status, response in responses.items():
        if not status.startswith("2"):
            continue
        headers: dict[str, Any] = response.setdefault("headers", {})
        if traits.rate_limited:
            headers.update(RATE_LIMIT_HEADERS)
        if operation_id in rules.etag_operations:
            headers.update(ETAG_HEADER)
        if idempotent:
            headers[REPLAYED_HEADER] = _header(
                "`true` when this is the stored answer to an earlier request with the key.",
                {"type": "string", "enum": ["true"]},
            )
        if not headers:
            del response["headers"]
    if operation_id in rules.etag_operations:
        responses["304"] = {"description": "Not modified since the ETag in If-None-Match."}
        operation.setdefault("parameters", []).append(
            {
                "name": "If-None-Match",
                "in": "header",
                "required": False,
                "description": "An ETag from an earlier answer; 304 when it is still current.",
                "schema": {"type": "string"},
            }
        )
    if idempotent:
        operation.setdefault("parameters", []).append(
            {
                "name": IDEMPOTENCY_HEADER,
                "in": "header",
                "required": False,
                "description": "Any unique string (1-255 printable ASCII characters): a retry "
                "with the same key and body is answered once, then replayed.",
                "schema": {"type": "string", "minLength": 1, "maxLength": 255},
            }
        )
    operation["security"] = traits.security if traits.security is not None else []
    for parameter in operation.get("parameters", []):
        if parameter.get("in") in ("header", "query", "cookie"):
            _without_null(parameter["schema"])
    body = operation.get("requestBody", {}).get("content", {})
    if "multipart/form-data" in body:
        _describe_multipart(document, body["multipart/form-data"])
    if "application/x-www-form-urlencoded" in body:
        form = _schema_of(document, body["application/x-www-form-urlencoded"].get("schema", {}))
        for prop in form.get("properties", {}).values():
            _without_null(prop)


def _component_schemas(document: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = document.setdefault("components", {}).setdefault("schemas", {})
    for name in _FASTAPI_VALIDATION_SCHEMAS:
        schemas.pop(name, None)
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem.pop("$defs", {}))
    schemas["Problem"] = problem
    return schemas


def build_document(app: FastAPI, rules: DocumentRules) -> dict[str, Any]:
    """The document FastAPI derives from the routes, completed by the shared rules."""
    document = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version=app.openapi_version,
        description=app.description,
        license_info=app.license_info,
        routes=app.routes,
        servers=rules.servers or None,
    )
    document = copy.deepcopy(document)
    _component_schemas(document)
    # Included routers are resolved lazily; walk them as FastAPI's own generator does.
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        path_item = document["paths"].get(route.path_format or "", {})
        for method in route.methods or ():
            operation = path_item.get(method.lower())
            if operation is not None:
                _document_operation(document, operation, route, rules)
    document["components"]["securitySchemes"] = dict(rules.security_schemes)
    _add_links(document, rules)
    return document


def _add_links(document: dict[str, Any], rules: DocumentRules) -> None:
    """OpenAPI links from each creation to what can be done with the created resource.

    A `POST` on a collection answering 201 with an `id` creates the resource that the
    operations under `collection/{param}` act on; clients and stateful fuzzers follow them.
    """
    operations = [
        (path, operation)
        for path, item in document["paths"].items()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    ]
    by_id = {operation["operationId"]: operation for _, operation in operations}
    for path, item in document["paths"].items():
        creation = item.get("post")
        if creation is None or creation["operationId"] in rules.unlinked_operations:
            continue
        created = creation["responses"].get("201")
        schema = (created or {}).get("content", {}).get("application/json", {}).get("schema")
        if not schema or "id" not in _schema_of(document, schema).get("properties", {}):
            continue
        links: dict[str, Any] = {}
        prefix = path.rstrip("/") + "/{"
        for target_path, target in operations:
            if not target_path.startswith(prefix):
                continue
            param = target_path[len(prefix) :].split("}", 1)[0]
            links[target["operationId"]] = {
                "operationId": target["operationId"],
                "parameters": {param: "$response.body#/id"},
            }
        for target_id, parameters in rules.links.get(creation["operationId"], {}).items():
            if target_id in by_id:
                links[target_id] = {"operationId": target_id, "parameters": dict(parameters)}
        if links:
            created["links"] = links


def install_openapi(app: FastAPI, rules: DocumentRules) -> None:
    """Serve the completed document at the app's `openapi_url` (built once, then kept)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_document(app, rules)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
