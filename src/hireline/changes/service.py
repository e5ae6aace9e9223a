"""The change feed's rules: what a principal may follow, and a page of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.changes.repository import ChangeRepository
from hireline.changes.schemas import ChangePage, ChangeRead, Entity, Operation
from hireline.core import commit_order
from hireline.core.errors import PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.identity.permissions import Action, sees_only_own_jobs

# What a principal must be allowed to read to follow an entity's changes.
ENTITY_ACTIONS: dict[str, Action] = {
    "job": Action.JOBS_READ,
    "candidate": Action.CANDIDATES_READ,
    "application": Action.CANDIDATES_READ,
    "interview": Action.INTERVIEWS_READ,
    "scorecard": Action.SCORECARDS_READ,
    "offer": Action.OFFERS_READ,
}


def followed_entities(principal: Principal, requested: Sequence[str] | None) -> list[str]:
    """The entities a page covers: those asked for (all readable ones when none)."""
    # The feed names records of every job; members who see only their teams' jobs follow
    # those through the live stream, which filters event by event.
    if sees_only_own_jobs(principal.kind, principal.role):
        raise PermissionDenied("The change feed is for members and keys that see every job.")
    if not requested:
        return [name for name, action in ENTITY_ACTIONS.items() if principal.can(action)]
    unknown = [name for name in requested if name not in ENTITY_ACTIONS]
    if unknown:
        raise ValidationFailed(
            f"Unknown type(s): {', '.join(unknown)}; known: {', '.join(ENTITY_ACTIONS)}.",
            errors=[{"loc": ["query", "types"], "msg": "unknown type", "type": "enum"}],
        )
    refused = [name for name in requested if not principal.can(ENTITY_ACTIONS[name])]
    if refused:
        raise PermissionDenied(f"You may not read: {', '.join(refused)}.")
    return list(dict.fromkeys(requested))


async def page(
    session: AsyncSession,
    principal: Principal,
    *,
    since: str | None,
    types: Sequence[str] | None,
    limit: int,
) -> ChangePage:
    """The principal's tenant's changes after `since`, oldest first, none skipped."""
    entities = followed_entities(principal, types)
    position = commit_order.parse(since)
    repository = ChangeRepository(session)
    rows = await repository.after(position, entities, limit + 1)
    shown = rows[:limit]
    if shown:
        position = commit_order.Position(shown[-1].xid, shown[-1].seq)
    items = [
        ChangeRead(
            cursor=commit_order.Position(row.xid, row.seq).token(),
            # The triggers of migration 0029 write these names only.
            type=cast(Entity, row.entity),
            id=row.entity_id,
            operation=cast(Operation, row.operation),
            changed_at=row.changed_at,
        )
        for row in shown
    ]
    has_more = len(rows) > limit
    pending = not has_more and await repository.any_held_back(position, entities)
    return ChangePage(items=items, next_cursor=position.token(), has_more=has_more, pending=pending)
