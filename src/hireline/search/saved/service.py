"""Saving, listing and deleting a member's searches."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.search.saved.models import SavedSearch
from hireline.search.saved.repository import SavedSearchRepository
from hireline.search.saved.schemas import FILTER_NAMES, SavedSearchCreate

MAX_PER_USER = 100
MAX_VALUES = 20


def _user(principal: Principal) -> uuid.UUID:
    # An API key or a client has no "own" searches to keep.
    if principal.kind != "user":
        raise PermissionDenied("Saved searches belong to a signed-in member.")
    return uuid.UUID(principal.id)


def _checked_filters(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    unknown = sorted(set(filters) - set(FILTER_NAMES))
    if unknown:
        raise ValidationFailed(
            f"Unknown search filters: {', '.join(unknown)}.",
            errors=[
                {"loc": ["body", "filters", name], "msg": "unknown filter", "type": "filter"}
                for name in unknown
            ],
        )
    too_many = [name for name, values in filters.items() if len(values) > MAX_VALUES]
    if too_many:
        raise ValidationFailed(
            f"At most {MAX_VALUES} values a filter.",
            errors=[
                {"loc": ["body", "filters", name], "msg": "too many values", "type": "filter"}
                for name in too_many
            ],
        )
    return {name: [v.strip() for v in values if v.strip()] for name, values in filters.items()}


async def list_saved(session: AsyncSession, principal: Principal) -> list[SavedSearch]:
    return await SavedSearchRepository(session).of_user(_user(principal))


async def save(session: AsyncSession, principal: Principal, body: SavedSearchCreate) -> SavedSearch:
    """Keep a search under a name of the member's; the same name twice is a 409."""
    user_id = _user(principal)
    repository = SavedSearchRepository(session)
    filters = _checked_filters(body.filters)
    if await repository.named(user_id, body.name) is not None:
        raise Conflict("You have a saved search with this name already.")
    if len(await repository.of_user(user_id)) >= MAX_PER_USER:
        raise Conflict(f"You have {MAX_PER_USER} saved searches; delete one first.")
    return await repository.add(
        SavedSearch(
            tenant_id=principal.tenant_id,
            user_id=user_id,
            name=body.name,
            query=body.query,
            filters=filters,
        )
    )


async def get(session: AsyncSession, principal: Principal, search_id: uuid.UUID) -> SavedSearch:
    found = await SavedSearchRepository(session).get(_user(principal), search_id)
    if found is None:
        raise NotFound("No saved search of yours with this id.")
    return found


async def delete(session: AsyncSession, principal: Principal, search_id: uuid.UUID) -> None:
    await SavedSearchRepository(session).remove(await get(session, principal, search_id))
