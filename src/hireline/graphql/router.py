"""The schema and its FastAPI router: the REST guard authenticates, the unit of work holds."""

# No `from __future__ import annotations`: FastAPI reads the context getter's annotations
# at run time, and its guard is a local name.
from typing import Annotated, Any

from fastapi import Request
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from hireline.core.db import DbSession, held_unit_of_work
from hireline.core.principal import Principal
from hireline.graphql.context import GraphQLContext
from hireline.graphql.errors import ProblemErrors, QuietSchema
from hireline.graphql.limits import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS, CostLimiter
from hireline.graphql.mutations import Mutation
from hireline.graphql.query import Query

PATH = "/graphql"

schema = QuietSchema(
    query=Query,
    mutation=Mutation,
    extensions=[
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        CostLimiter,
        ProblemErrors,
    ],
)


class _Router(GraphQLRouter[GraphQLContext, None]):
    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        # A keyed request that changed nothing (every field failed) is not kept for replay,
        # as a REST request answered 4xx is not: its retry runs again (ADR 0016).
        held = held_unit_of_work(request.scope)
        data = result.data
        if held is not None and result.errors and not any((data or {}).values()):
            held.failed = True
        return await super().process_result(request, result)


def graphql_router(guard: Any) -> GraphQLRouter[GraphQLContext, None]:
    """The `/graphql` router, whose requests pass `guard`: the REST routes' own dependency
    (passed in by the application's wiring, a front door importing no room's inner module).

    It must authenticate, rate limit, count usage and claim the Idempotency-Key; each field
    then checks its own action against the principal.
    """

    async def context(session: DbSession, principal: Annotated[Principal, guard]) -> GraphQLContext:
        return GraphQLContext(session, principal)

    return _Router(
        schema,
        path=PATH,
        context_getter=context,
        # GraphiQL would load its scripts from a CDN, which the strict CSP forbids: off.
        graphql_ide=None,
        subscription_protocols=(),
        include_in_schema=False,
    )
