"""Stream tickets: who the WebSocket is for, signed, valid for seconds.

Browsers cannot set an Authorization header on a WebSocket, and a long-lived token in a URL
ends up in logs. A ticket is a token of its own type (`typ: stream`), refused everywhere an
access token is asked for, and it grants nothing but opening the stream within its lifetime.

A ticket also holds the place in commit order where it was issued: a connection opened with
it starts there, so an event committed between asking for the ticket and the server placing
the connection is still sent (a client may read the state it shows, then open the stream,
and miss nothing in between).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from hireline.core import commit_order
from hireline.core.commit_order import Position
from hireline.core.errors import ValidationFailed
from hireline.core.principal import Principal
from hireline.core.security import InvalidToken, decode_access_token, encode_access_token
from hireline.identity.permissions import actions_for_role, actions_for_scopes

TICKET_TYPE = "stream"
TTL = timedelta(seconds=30)


class InvalidTicket(Exception):
    """The ticket is malformed, expired, tampered with, or not a stream ticket."""


@dataclass(frozen=True, slots=True)
class Ticket:
    principal: Principal
    # Where the stream starts for it: where commit order stood when it was issued.
    start: Position


def issue(principal: Principal, start: Position, *, key: str) -> str:
    """A ticket for `principal`, valid for `TTL`, whose stream starts at `start`."""
    claims = {
        "sub": principal.id,
        "tid": str(principal.tenant_id),
        "typ": TICKET_TYPE,
        "knd": principal.kind,
        "role": principal.role,
        "scp": list(principal.scopes),
        "pos": start.token(),
    }
    return encode_access_token(claims, key=key, ttl=TTL)


def read(ticket: str, *, key: str) -> Ticket:
    """Whom a valid ticket was issued to and where its stream starts; InvalidTicket
    otherwise."""
    try:
        claims = decode_access_token(ticket, key=key)
    except InvalidToken as exc:
        raise InvalidTicket(f"The ticket is invalid or expired: {exc}") from None
    if claims["typ"] != TICKET_TYPE or claims.get("knd") not in ("user", "api_key", "client"):
        raise InvalidTicket("This is not a stream ticket: ask POST /v1/events/tickets for one.")
    role = claims.get("role")
    scopes = tuple(str(scope) for scope in claims.get("scp") or ())
    actions = actions_for_role(str(role)) if claims["knd"] == "user" else actions_for_scopes(scopes)
    try:
        tenant_id = uuid.UUID(str(claims["tid"]))
    except ValueError:
        raise InvalidTicket("The ticket names no organisation.") from None
    try:
        start = commit_order.parse(str(claims["pos"]))
    except (KeyError, ValidationFailed):
        raise InvalidTicket("The ticket names no starting point: ask for a new one.") from None
    principal = Principal(
        kind=claims["knd"],
        id=str(claims["sub"]),
        tenant_id=tenant_id,
        actions=actions,
        role=None if role is None else str(role),
        scopes=scopes,
    )
    return Ticket(principal, start)
