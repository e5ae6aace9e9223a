"""Calendar invitations (RFC 5545, with VTIMEZONE) for an interview, made with icalendar.

Every update of an interview keeps its UID and raises its SEQUENCE, so calendars replace
the event they hold instead of adding another; a cancellation is METHOD:CANCEL with
STATUS:CANCELLED under the same UID.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

Method = Literal["REQUEST", "CANCEL"]
PRODID = "-//Hireline//Interviews//EN"


@dataclass(frozen=True)
class Person:
    email: str
    name: str | None


@dataclass(frozen=True)
class Invitation:
    uid: str
    sequence: int
    method: Method
    summary: str
    description: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    location: str | None
    url: str | None
    organizer: Person
    attendees: list[Person]


def _address(person: Person, *, role: str | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    if person.name:
        address.params["CN"] = vText(person.name)
    if role is not None:
        address.params["ROLE"] = vText(role)
        address.params["PARTSTAT"] = vText("NEEDS-ACTION")
        address.params["RSVP"] = vText("TRUE")
    return address


def render(invitation: Invitation, *, stamp: datetime | None = None) -> bytes:
    """The .ics file of the invitation, its times in the interview's own time zone."""
    zone = ZoneInfo(invitation.time_zone)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", invitation.method)
    event = Event()
    event.add("uid", invitation.uid)
    event.add("sequence", invitation.sequence)
    event.add("dtstamp", stamp or datetime.now(UTC))
    event.add("dtstart", invitation.starts_at.astimezone(zone))
    event.add("dtend", invitation.ends_at.astimezone(zone))
    event.add("summary", invitation.summary)
    event.add("description", invitation.description)
    if invitation.location:
        event.add("location", invitation.location)
    if invitation.url:
        event.add("url", invitation.url)
    event.add("status", "CANCELLED" if invitation.method == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event["organizer"] = _address(invitation.organizer)
    for person in invitation.attendees:
        event.add("attendee", _address(person, role="REQ-PARTICIPANT"))
    calendar.add_component(event)
    # VTIMEZONE for every TZID used, so that calendars without a time zone database agree.
    calendar.add_missing_timezones()
    ics: bytes = calendar.to_ical()
    return ics
