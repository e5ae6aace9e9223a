"""Event types of notes and tags: members of the candidates domain's own enum."""

from __future__ import annotations

from hireline.candidates.events import CandidateEvent


class AnnotationEvent:
    """The notes and tags events, named as the annotations code uses them."""

    NOTE_ADDED = CandidateEvent.NOTE_ADDED
    TAGS_CHANGED = CandidateEvent.TAGS_CHANGED
