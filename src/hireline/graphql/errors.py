"""Errors as GraphQL clients see them: the REST problem's type and status in `extensions`,
and nothing of an unexpected error but that it happened (no stack trace leaves the server)."""

from __future__ import annotations

import structlog
from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionContext

from hireline.core.errors import HirelineError
from hireline.graphql.limits import QueryTooCostly

logger = structlog.get_logger(__name__)


def _is_unexpected(error: GraphQLError) -> bool:
    # Errors of the query itself (syntax, validation, limits) carry no original error, or
    # one of graphql's own (a variable that is not a Date, a UUID, ...): the client's to read.
    original = error.original_error
    return original is not None and not isinstance(original, HirelineError | GraphQLError)


class ProblemErrors(MaskErrors):
    """Masks unexpected errors; gives domain errors their problem type, as REST does."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_unexpected, error_message="Internal server error.")

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        for error in errors:
            if _is_unexpected(error):
                # Logged here, with its traceback, before masking drops the original.
                logger.error(
                    "graphql_unexpected_error", path=error.path, exc_info=error.original_error
                )
        processed = super()._process_errors(errors)
        for error in processed:
            original = error.original_error
            if isinstance(original, HirelineError):
                problem = original.problem
                error.extensions = {
                    **(error.extensions or {}),
                    **original.extensions,
                    "code": problem.slug,
                    "type": problem.uri,
                    "status": problem.status,
                }
            elif isinstance(error, QueryTooCostly) or isinstance(original, QueryTooCostly):
                error.extensions = {**(error.extensions or {}), "code": "query-too-costly"}
        return processed


class QuietSchema(Schema):
    """A schema that leaves logging to `ProblemErrors`: a refused permission or a missing id
    is the client's answer, not the server's error."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None
