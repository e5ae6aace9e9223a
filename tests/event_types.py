"""Event types that no domain declares, for the tests of the event machinery itself."""

from __future__ import annotations

from typing import cast

from hireline.core.events import EventType


def made_up(name: str) -> EventType:
    """`name` typed as an event type: the machinery takes any wire name; only the domains'
    own types must be `EventType` members (tests/architecture/test_event_types.py)."""
    return cast(EventType, name)
