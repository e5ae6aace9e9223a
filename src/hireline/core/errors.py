"""One error vocabulary for the domain, rendered as RFC 9457 problem details."""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from structlog.contextvars import get_contextvars

PROBLEM_MEDIA_TYPE = "application/problem+json"
# Relative to the API's own origin, where `GET /problems/{slug}` describes each one.
PROBLEM_BASE = "/problems/"


@dataclass(frozen=True)
class ProblemType:
    """A kind of error with a stable identifier that clients can branch on."""

    slug: str
    title: str
    status: int
    description: str

    @property
    def uri(self) -> str:
        return PROBLEM_BASE + self.slug


PROBLEM_TYPES: dict[str, ProblemType] = {}


def _problem(slug: str, title: str, status: int, description: str) -> ProblemType:
    problem = ProblemType(slug, title, status, description)
    PROBLEM_TYPES[slug] = problem
    return problem


BAD_REQUEST = _problem(
    "bad-request", "Bad request", 400, "The request could not be understood as sent."
)
UNAUTHENTICATED = _problem(
    "unauthenticated",
    "Authentication required",
    401,
    "No valid credentials were presented: send a bearer token or an API key.",
)
PERMISSION_DENIED = _problem(
    "permission-denied",
    "Permission denied",
    403,
    "The authenticated principal is not allowed to perform this action.",
)
NOT_FOUND = _problem(
    "not-found",
    "Not found",
    404,
    "Nothing exists at this address, or it belongs to an organisation you cannot see.",
)
METHOD_NOT_ALLOWED = _problem(
    "method-not-allowed",
    "Method not allowed",
    405,
    "The resource exists but does not support this HTTP method; see the Allow header.",
)
NOT_ACCEPTABLE = _problem(
    "not-acceptable", "Not acceptable", 406, "No representation matches the Accept header."
)
CONFLICT = _problem(
    "conflict",
    "Conflict",
    409,
    "The request conflicts with the current state of the resource.",
)
PAYLOAD_TOO_LARGE = _problem(
    "payload-too-large",
    "Payload too large",
    413,
    "The request body is larger than this server accepts.",
)
URI_TOO_LONG = _problem(
    "uri-too-long",
    "URI too long",
    414,
    "The request's path and query string are longer than this server accepts.",
)
HEADERS_TOO_LARGE = _problem(
    "headers-too-large",
    "Request header fields too large",
    431,
    "The request's headers are larger, or more numerous, than this server accepts.",
)
UNSUPPORTED_MEDIA_TYPE = _problem(
    "unsupported-media-type",
    "Unsupported media type",
    415,
    "The request body's media type is not one this endpoint accepts.",
)
VALIDATION_FAILED = _problem(
    "validation-failed",
    "Validation failed",
    422,
    "One or more fields are missing or invalid; `errors` lists each with its location.",
)
RATE_LIMITED = _problem(
    "rate-limited",
    "Too many requests",
    429,
    "The rate limit for this client was reached; retry after the Retry-After header.",
)
INTERNAL_ERROR = _problem(
    "internal-error",
    "Internal server error",
    500,
    "An unexpected error occurred. It has been logged under the request id.",
)
SERVICE_UNAVAILABLE = _problem(
    "service-unavailable",
    "Service unavailable",
    503,
    "A dependency of this service is unavailable; try again shortly.",
)

_BY_STATUS = {problem.status: problem for problem in PROBLEM_TYPES.values()}
# RFC 9457 section 3.1: these members mean one thing in every problem (`status` is the HTTP
# status code), so an occurrence's own facts go in extension members named for what they are.
STANDARD_MEMBERS = frozenset({"type", "title", "status", "detail", "instance", "request_id"})


def _check_extensions(extensions: dict[str, Any]) -> None:
    clashing = sorted(STANDARD_MEMBERS & extensions.keys())
    if clashing:
        raise TypeError(
            f"problem extensions may not redefine the standard members {clashing}; "
            "name the fact instead (e.g. application_status)"
        )


class HirelineError(Exception):
    """Base of the errors domain code raises; the HTTP layer renders them as problems."""

    problem: ProblemType = INTERNAL_ERROR

    def __init__(
        self,
        detail: str | None = None,
        *,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        _check_extensions(extensions)
        super().__init__(detail or self.problem.title)
        self.detail = detail
        self.headers = headers or {}
        self.extensions = extensions


class BadRequest(HirelineError):
    problem = BAD_REQUEST


class Unauthenticated(HirelineError):
    problem = UNAUTHENTICATED


class PermissionDenied(HirelineError):
    problem = PERMISSION_DENIED


class NotFound(HirelineError):
    problem = NOT_FOUND


class Conflict(HirelineError):
    problem = CONFLICT


class PayloadTooLarge(HirelineError):
    problem = PAYLOAD_TOO_LARGE


class UnsupportedMediaType(HirelineError):
    problem = UNSUPPORTED_MEDIA_TYPE


class ValidationFailed(HirelineError):
    """Invalid input found by domain rules; `errors` follows the 422 shape of the API."""

    problem = VALIDATION_FAILED

    def __init__(self, detail: str, *, errors: list[dict[str, Any]] | None = None) -> None:
        # Locations are strings in the API's FieldError, list indexes included ("0").
        shown = [
            {**error, "loc": [str(part) for part in error.get("loc", ())]} for error in errors or []
        ]
        super().__init__(detail, errors=shown)


class RateLimited(HirelineError):
    problem = RATE_LIMITED


class ServiceUnavailable(HirelineError):
    problem = SERVICE_UNAVAILABLE


def problem_body(
    problem: ProblemType,
    *,
    detail: str | None = None,
    instance: str | None = None,
    **extensions: Any,
) -> dict[str, Any]:
    """The problem details object (RFC 9457 section 3) for one occurrence."""
    _check_extensions(extensions)
    body: dict[str, Any] = {
        "type": problem.uri,
        "title": problem.title,
        "status": problem.status,
    }
    if detail:
        body["detail"] = detail
    if instance:
        body["instance"] = instance
    request_id = get_contextvars().get("request_id")
    if request_id:
        body["request_id"] = request_id
    # Extensions never replace a standard member: `status` stays the HTTP status.
    body.update({name: value for name, value in extensions.items() if name not in body})
    return body


def problem_response(
    problem: ProblemType,
    *,
    detail: str | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> Response:
    """A problem+json response for `problem`."""
    body = problem_body(problem, detail=detail, instance=instance, **extensions)
    return Response(
        orjson.dumps(body),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def problem_for_status(status: int) -> ProblemType:
    """The registered problem type of an HTTP status, or a generic one named after it."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return ProblemType("http-" + str(status), phrase, status, phrase)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": error.get("msg", ""),
            "type": error.get("type", ""),
        }
        for error in exc.errors()
    ]


async def _on_hireline_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HirelineError)
    return problem_response(
        exc.problem,
        detail=exc.detail,
        instance=request.url.path,
        headers=exc.headers,
        **exc.extensions,
    )


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """Every method some route answers at `path`.

    The router stops at the first route whose path matches, so its 405 names only that
    route's methods, while `GET /v1/jobs` and `POST /v1/jobs` are two routes.
    """
    methods: set[str] = set()
    for route in iter_route_contexts(app.routes):
        regex = getattr(route, "path_regex", None)
        if route.methods and regex is not None and regex.match(path):
            methods |= route.methods
    return sorted(methods)


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    problem = problem_for_status(exc.status_code)
    # Starlette's default details only repeat the status phrase, which `title` already says.
    generic = {problem.title.lower(), HTTPStatus(exc.status_code).phrase.lower()}
    detail: str | None = exc.detail if isinstance(exc.detail, str) else None
    if detail is not None and detail.lower() in generic:
        detail = None
    headers = dict(exc.headers) if exc.headers else None
    if exc.status_code == 405:
        headers = (headers or {}) | {
            "Allow": ", ".join(allowed_methods(request.app, request.url.path))
        }
    return problem_response(problem, detail=detail, instance=request.url.path, headers=headers)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return problem_response(
        VALIDATION_FAILED,
        detail="The request has invalid or missing fields.",
        instance=request.url.path,
        errors=_validation_errors(exc),
    )


def install_error_handlers(app: FastAPI) -> None:
    """Render every expected error as problem+json.

    Unexpected exceptions become a 500 problem in `RequestContextMiddleware`, which also
    logs them under the request id.
    """
    app.add_exception_handler(HirelineError, _on_hireline_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
