"""HTTP layer of saved searches."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, status

from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.search.saved import service
from hireline.search.saved.schemas import SavedSearchCreate, SavedSearchList, SavedSearchRead

router = APIRouter(prefix="/v1", tags=["search"])

Reader = Annotated[Principal, require(Action.CANDIDATES_READ)]


@router.get("/saved-searches", summary="Your saved candidate searches")
async def list_saved_searches(session: DbSession, principal: Reader) -> SavedSearchList:
    found = await service.list_saved(session, principal)
    return SavedSearchList(items=[SavedSearchRead.model_validate(s) for s in found])


@router.post(
    "/saved-searches", status_code=status.HTTP_201_CREATED, summary="Save a candidate search"
)
async def create_saved_search(
    body: SavedSearchCreate, session: DbSession, principal: Reader
) -> SavedSearchRead:
    return SavedSearchRead.model_validate(await service.save(session, principal, body))


@router.get("/saved-searches/{search_id}", summary="One of your saved searches")
async def get_saved_search(
    search_id: uuid.UUID, session: DbSession, principal: Reader
) -> SavedSearchRead:
    return SavedSearchRead.model_validate(await service.get(session, principal, search_id))


@router.delete(
    "/saved-searches/{search_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete one of your saved searches",
)
async def delete_saved_search(search_id: uuid.UUID, session: DbSession, principal: Reader) -> None:
    await service.delete(session, principal, search_id)
