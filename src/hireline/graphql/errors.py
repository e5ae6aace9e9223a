"""Errors as GraphQL clients see them: the REST problem's type and status in `extensions`,
and nothing of an unexpected error but that it happened (no stack trace leaves the server)."""

from __future__ import annotations

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from hireline.core.errors import HirelineError
from hireline.graphql.limits import QueryTooCostly


def _is_unexpected(error: GraphQLError) -> bool:
    # Errors of the query itself (syntax, validation, limits) carry no original error.
    original = error.original_error
    return original is not None and not isinstance(original, HirelineError | QueryTooCostly)


class ProblemErrors(MaskErrors):
    """Masks unexpected errors; gives domain errors their problem type, as REST does."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_unexpected, error_message="Internal server error.")

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
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
