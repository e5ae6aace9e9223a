# Strawberry types `field(description=...)` as returning Any, which strict mypy calls untyped.
# mypy: disable-error-code="untyped-decorator"
"""The pipeline moves the REST API offers: move, reject, reopen, hire, withdraw.

Each mutation field runs in a savepoint of the request's unit of work: one that fails leaves
nothing behind and answers null with its error, whatever the fields before or after it did.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.candidates.schemas import MoveRequest, RejectRequest
from hireline.core.errors import ValidationFailed
from hireline.graphql.context import GraphQLContext
from hireline.graphql.loaders import application_read
from hireline.graphql.types import Application, Info
from hireline.identity.permissions import Action


async def _change(
    context: GraphQLContext, change: Callable[[AsyncSession], Awaitable[Any]]
) -> Application:
    """Run one pipeline move atomically and answer the application as it now is."""

    async def atomically(session: AsyncSession) -> Any:
        async with session.begin_nested():
            changed = await change(session)
        listed = await candidates.listed_applications(
            session, context.principal.tenant_id, [changed.id]
        )
        return listed[changed.id]

    return Application.of(application_read(await context.run(atomically)))


def _checked(model: type[Any], **fields: Any) -> Any:
    """The input checked by the REST route's own schema (its limits, its messages)."""
    try:
        return model(**fields)
    except ValidationError as exc:
        raise ValidationFailed(
            "The input is invalid: "
            + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()),
            errors=[
                {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()
            ],
        ) from None


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Move an active application to another stage of its job.")
    async def move_application(
        self, info: Info, application_id: uuid.UUID, stage_id: uuid.UUID
    ) -> Application | None:
        context = info.context
        context.require(Action.CANDIDATES_WRITE)
        body: MoveRequest = _checked(MoveRequest, stage_id=stage_id)
        return await _change(
            context,
            lambda s: candidates.move_application(
                s, context.principal, application_id, body.stage_id
            ),
        )

    @strawberry.mutation(description="Reject an active application with one of your reasons.")
    async def reject_application(
        self,
        info: Info,
        application_id: uuid.UUID,
        reason: str,
        notify_candidate: bool = False,
        note: str | None = None,
    ) -> Application | None:
        context = info.context
        context.require(Action.CANDIDATES_WRITE)
        body: RejectRequest = _checked(
            RejectRequest, reason=reason, notify_candidate=notify_candidate, note=note
        )
        return await _change(
            context,
            lambda s: candidates.reject_application(
                s,
                context.principal,
                application_id,
                reason=body.reason,
                notify_candidate=body.notify_candidate,
                note=body.note,
            ),
        )

    @strawberry.mutation(description="Undo a rejection: active again, in its stage.")
    async def reopen_application(self, info: Info, application_id: uuid.UUID) -> Application | None:
        context = info.context
        context.require(Action.CANDIDATES_WRITE)
        return await _change(
            context,
            lambda s: candidates.reopen_application(s, context.principal, application_id),
        )

    @strawberry.mutation(description="Mark the candidate hired.")
    async def hire_application(self, info: Info, application_id: uuid.UUID) -> Application | None:
        context = info.context
        context.require(Action.CANDIDATES_WRITE)
        return await _change(
            context,
            lambda s: candidates.end_application(s, context.principal, application_id, "hired"),
        )

    @strawberry.mutation(description="Record the candidate's withdrawal.")
    async def withdraw_application(
        self, info: Info, application_id: uuid.UUID
    ) -> Application | None:
        context = info.context
        context.require(Action.CANDIDATES_WRITE)
        return await _change(
            context,
            lambda s: candidates.end_application(s, context.principal, application_id, "withdrawn"),
        )
