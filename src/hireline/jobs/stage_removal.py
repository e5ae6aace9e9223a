"""What removing a pipeline stage does to the rows of the rooms above that point at it.

Applications (candidates) and interview plans (interviews) keep stage ids, and both rooms sit
above jobs, so each plugs in here when its service is imported (the API, the worker and the
CLI import them all). Removing a stage that holds applications needs a stage to move them
to, said by the caller: the jobs service refuses otherwise, so no applicant is left in a
stage that no longer exists. A plan interview that pointed at a removed stage is unlinked
(its stage becomes none, which a plan allows), so no plan points at nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.principal import Principal

# (session, tenant, stage ids) -> how many rows each of those stages holds.
Count = Callable[[AsyncSession, uuid.UUID, set[uuid.UUID]], Awaitable[dict[uuid.UUID, int]]]
# (session, who removes the stages, {removed stage id: the stage its rows move to}).
Move = Callable[[AsyncSession, Principal, dict[uuid.UUID, uuid.UUID]], Awaitable[None]]
# (session, tenant, removed stage ids).
Unlink = Callable[[AsyncSession, uuid.UUID, set[uuid.UUID]], Awaitable[None]]


@dataclass(frozen=True)
class Holder:
    """Rows that must move to another stage before theirs goes: how to count and move them."""

    noun: str
    count: Count
    move: Move


_holders: dict[str, Holder] = {}
_unlinkers: dict[str, Unlink] = {}


def plug_holder(holder: Holder) -> None:
    """Make `holder`'s rows block a stage's removal until a stage to move them to is given."""
    _holders[holder.noun] = holder


def plug_unlinker(name: str, unlink: Unlink) -> None:
    """Have `unlink` detach `name`'s rows from stages as they are removed."""
    _unlinkers[name] = unlink


async def held(
    session: AsyncSession, tenant_id: uuid.UUID, stage_ids: set[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, int]]]:
    """For each stage holding rows: what it holds ("applications", 3), noun by noun."""
    found: dict[uuid.UUID, list[tuple[str, int]]] = {}
    if not stage_ids:
        return found
    for noun, holder in sorted(_holders.items()):
        for stage_id, count in (await holder.count(session, tenant_id, stage_ids)).items():
            if count:
                found.setdefault(stage_id, []).append((noun, count))
    return found


async def move_and_unlink(
    session: AsyncSession,
    principal: Principal,
    removed: set[uuid.UUID],
    moves: dict[uuid.UUID, uuid.UUID],
) -> None:
    """Move the held rows of the removed stages as `moves` says, then unlink the rest."""
    if moves:
        for holder in _holders.values():
            await holder.move(session, principal, moves)
    if removed:
        for unlink in _unlinkers.values():
            await unlink(session, principal.tenant_id, removed)
