"""Notes and tags: the door other rooms (and the web app) use."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.candidates.annotations.events import AnnotationEvent
from hireline.candidates.annotations.models import CandidateNote
from hireline.candidates.annotations.repository import NoteRepository
from hireline.candidates.models import Activity, Candidate
from hireline.core import events
from hireline.core.errors import NotFound
from hireline.core.principal import Principal
from hireline.identity.members import service as members
from hireline.identity.members.service import Member

# "@ada" or "@ada@acme.example": the part before the @ of a member's address, or all of it.
_MENTION = re.compile(r"(?<![\w.+-])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)", re.UNICODE)
MAX_TAGS = 50


@dataclass(frozen=True, slots=True)
class NoteView:
    """A note with its author's and mentioned members' current names."""

    note: CandidateNote
    author: Member | None
    mentions: list[Member]


def handle_of(member: Member) -> str:
    """What to type after @ to mention `member`."""
    return member.email.split("@", 1)[0].lower()


def mentioned(body: str, team: Iterable[Member]) -> list[Member]:
    """The members `body` mentions, in order of first mention. A short handle shared by two
    members mentions neither: the full address must say which."""
    by_address: dict[str, Member] = {}
    by_handle: dict[str, list[Member]] = {}
    for member in team:
        by_address[member.email.lower()] = member
        by_handle.setdefault(handle_of(member), []).append(member)
    found: dict[uuid.UUID, Member] = {}
    for match in _MENTION.finditer(body):
        word = match.group(1).lower().rstrip(".")
        one: Member | None = by_address.get(word)
        if one is None and len(by_handle.get(word, [])) == 1:
            one = by_handle[word][0]
        if one is not None:
            found.setdefault(one.user_id, one)
    return list(found.values())


def _author_id(principal: Principal) -> uuid.UUID | None:
    return uuid.UUID(principal.id) if principal.kind == "user" else None


def _activity(
    principal: Principal, candidate: Candidate, kind: str, details: dict[str, object]
) -> Activity:
    return Activity(
        tenant_id=candidate.tenant_id,
        candidate_id=candidate.id,
        actor_type=principal.kind,
        actor_id=principal.id,
        kind=kind,
        details=details,
    )


async def add_note(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID, body: str
) -> NoteView:
    """Write a note; each member it mentions is told by e-mail (from the event's handler)."""
    candidate = await candidates.get(session, principal.tenant_id, candidate_id)
    team = await members.list_members(session, principal.tenant_id)
    mentions = mentioned(body, team)
    note = await NoteRepository(session).add(
        CandidateNote(
            tenant_id=candidate.tenant_id,
            candidate_id=candidate.id,
            author_id=_author_id(principal),
            body=body,
            mentions=[member.user_id for member in mentions],
        )
    )
    session.add(
        _activity(
            principal,
            candidate,
            "note.added",
            {"note_id": str(note.id), "mentions": len(mentions)},
        )
    )
    await session.flush()
    # Ids only: the note's text stays in its table, which erasure empties.
    await events.record(
        session,
        type=AnnotationEvent.NOTE_ADDED,
        payload={
            "note_id": str(note.id),
            "candidate_id": str(candidate.id),
            "author_id": str(note.author_id) if note.author_id else None,
            "mentioned_user_ids": [str(member.user_id) for member in mentions],
        },
        tenant_id=candidate.tenant_id,
    )
    by_id = {member.user_id: member for member in team}
    return NoteView(note, by_id.get(note.author_id) if note.author_id else None, mentions)


async def notes_of(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> list[NoteView]:
    """The candidate's notes, oldest first, with names as they are now."""
    await candidates.get(session, tenant_id, candidate_id)
    notes = await NoteRepository(session).of_candidate(candidate_id)
    if not notes:
        return []
    by_id = {member.user_id: member for member in await members.list_members(session, tenant_id)}
    return [
        NoteView(
            note,
            by_id.get(note.author_id) if note.author_id else None,
            [by_id[user_id] for user_id in note.mentions if user_id in by_id],
        )
        for note in notes
    ]


async def get_note(session: AsyncSession, tenant_id: uuid.UUID, note_id: uuid.UUID) -> NoteView:
    """One note (for the mention e-mail, built when it is sent)."""
    note = await NoteRepository(session).get(note_id)
    if note is None:
        raise NotFound("No note with this id.")
    await candidates.get(session, tenant_id, note.candidate_id)
    by_id = {member.user_id: member for member in await members.list_members(session, tenant_id)}
    author = by_id.get(note.author_id) if note.author_id else None
    return NoteView(note, author, [by_id[u] for u in note.mentions if u in by_id])


async def forget_notes(session: AsyncSession, candidate_id: uuid.UUID) -> None:
    """Erasure removes every note on the person."""
    await NoteRepository(session).remove_of_candidate(candidate_id)


def _clean(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))


async def set_tags(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID, tags: Iterable[str]
) -> list[str]:
    """Replace the candidate's tags; an unchanged list records nothing."""
    candidate = await candidates.get(session, principal.tenant_id, candidate_id)
    wanted = _clean(tags)[:MAX_TAGS]
    if wanted == list(candidate.tags):
        return wanted
    added = sorted(set(wanted) - set(candidate.tags))
    removed = sorted(set(candidate.tags) - set(wanted))
    candidate.tags = wanted
    candidate.updated_at = datetime.now(UTC)
    session.add(
        _activity(principal, candidate, "candidate.tagged", {"added": added, "removed": removed})
    )
    await session.flush()
    await events.record(
        session,
        type=AnnotationEvent.TAGS_CHANGED,
        payload={"candidate_id": str(candidate.id), "tags": wanted},
        tenant_id=candidate.tenant_id,
    )
    return wanted


async def add_tags(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID, tags: Iterable[str]
) -> list[str]:
    candidate = await candidates.get(session, principal.tenant_id, candidate_id)
    return await set_tags(session, principal, candidate_id, [*candidate.tags, *tags])


async def remove_tag(
    session: AsyncSession, principal: Principal, candidate_id: uuid.UUID, tag: str
) -> list[str]:
    candidate = await candidates.get(session, principal.tenant_id, candidate_id)
    if tag not in candidate.tags:
        raise NotFound("The candidate has no such tag.")
    return await set_tags(session, principal, candidate_id, [t for t in candidate.tags if t != tag])
