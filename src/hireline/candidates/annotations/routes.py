"""HTTP layer of notes and tags."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, status

from hireline.candidates.annotations import service
from hireline.candidates.annotations.schemas import (
    MentionRead,
    NoteCreate,
    NoteList,
    NoteRead,
    TagList,
    TagsAdd,
    TagsUpdate,
)
from hireline.candidates.schemas import Tag
from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1", tags=["candidates"])

Reader = Annotated[Principal, require(Action.CANDIDATES_READ)]
Writer = Annotated[Principal, require(Action.CANDIDATES_WRITE)]


def note_read(view: service.NoteView) -> NoteRead:
    return NoteRead(
        id=view.note.id,
        candidate_id=view.note.candidate_id,
        author_id=view.note.author_id,
        author_name=view.author.name if view.author else None,
        body=view.note.body,
        mentions=[
            MentionRead(user_id=m.user_id, name=m.name, email=m.email) for m in view.mentions
        ],
        created_at=view.note.created_at,
    )


@router.get("/candidates/{candidate_id}/notes", summary="The team's notes on a candidate")
async def list_notes(candidate_id: uuid.UUID, session: DbSession, principal: Reader) -> NoteList:
    views = await service.notes_of(session, principal.tenant_id, candidate_id)
    return NoteList(items=[note_read(view) for view in views])


@router.post(
    "/candidates/{candidate_id}/notes",
    summary="Add a note; @mentioned members are told by e-mail",
    status_code=status.HTTP_201_CREATED,
)
async def add_note(
    candidate_id: uuid.UUID, body: NoteCreate, session: DbSession, principal: Writer
) -> NoteRead:
    return note_read(await service.add_note(session, principal, candidate_id, body.body))


@router.put("/candidates/{candidate_id}/tags", summary="Replace a candidate's tags")
async def replace_tags(
    candidate_id: uuid.UUID, body: TagsUpdate, session: DbSession, principal: Writer
) -> TagList:
    return TagList(tags=await service.set_tags(session, principal, candidate_id, body.tags))


@router.post("/candidates/{candidate_id}/tags", summary="Add tags to a candidate")
async def add_tags(
    candidate_id: uuid.UUID, body: TagsAdd, session: DbSession, principal: Writer
) -> TagList:
    return TagList(tags=await service.add_tags(session, principal, candidate_id, body.tags))


@router.delete("/candidates/{candidate_id}/tags/{tag}", summary="Remove one tag")
async def remove_tag(
    candidate_id: uuid.UUID,
    tag: Annotated[Tag, Path()],
    session: DbSession,
    principal: Writer,
) -> TagList:
    return TagList(tags=await service.remove_tag(session, principal, candidate_id, tag))
