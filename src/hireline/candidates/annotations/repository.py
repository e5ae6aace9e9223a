"""The only place notes are queried."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select

from hireline.candidates.annotations.models import CandidateNote
from hireline.core.repositories import Repository


class NoteRepository(Repository):
    async def of_candidate(self, candidate_id: uuid.UUID) -> list[CandidateNote]:
        """The candidate's notes, oldest first (a conversation reads downwards)."""
        rows = await self.session.execute(
            select(CandidateNote)
            .where(
                CandidateNote.tenant_id == self.tenant_id,
                CandidateNote.candidate_id == candidate_id,
            )
            .order_by(CandidateNote.id)
        )
        return list(rows.scalars())

    async def get(self, note_id: uuid.UUID) -> CandidateNote | None:
        return await self.session.get(CandidateNote, (self.tenant_id, note_id))

    async def add(self, note: CandidateNote) -> CandidateNote:
        self.session.add(note)
        await self.session.flush()
        return note

    async def remove_of_candidate(self, candidate_id: uuid.UUID) -> None:
        """Erasure: notes are personal data about the candidate."""
        await self.session.execute(
            delete(CandidateNote).where(
                CandidateNote.tenant_id == self.tenant_id,
                CandidateNote.candidate_id == candidate_id,
            )
        )
