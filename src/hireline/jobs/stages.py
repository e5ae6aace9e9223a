"""What kind of step a pipeline stage is, so that reports and screens can treat alike the
stages organisations name differently ("Phone screen", "Recruiter call", ...)."""

from __future__ import annotations

from typing import Literal

StageKind = Literal["applied", "screen", "interview", "offer", "other"]

# Words in a stage's name that tell its kind, checked in this order ("Offer interview" is an
# offer). Migration 0017 backfilled existing stages with the same rule.
_KIND_WORDS: tuple[tuple[StageKind, tuple[str, ...]], ...] = (
    ("offer", ("offer",)),
    ("screen", ("screen",)),
    ("interview", ("interview", "onsite", "on-site", "on site")),
)


def kind_for(name: str, position: int) -> StageKind:
    """The kind a stage's name and place suggest: the first stage is where applications land."""
    if position == 0:
        return "applied"
    lowered = name.lower()
    for kind, words in _KIND_WORDS:
        if any(word in lowered for word in words):
            return kind
    return "other"
