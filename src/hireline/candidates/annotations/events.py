"""Event types of notes and tags."""

from __future__ import annotations

from enum import StrEnum


class AnnotationEvent(StrEnum):
    """Recorded with the change; both are in the webhook catalogue."""

    NOTE_ADDED = "candidate.note_added"
    TAGS_CHANGED = "candidate.tags_changed"
