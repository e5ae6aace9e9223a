"""Stream tickets: who the WebSocket is for, signed, valid for seconds.

Browsers cannot set an Authorization header on a WebSocket, and a long-lived token in a URL
ends up in logs. A ticket is a token of its own type (`typ: stream`), refused everywhere an
access token is asked for, and it grants nothing but opening the stream within its lifetime.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from hireline.core.principal import Principal
from hireline.core.security import InvalidToken, decode_access_token, encode_access_token
from hireline.identity.permissions import actions_for_role, actions_for_scopes

TICKET_TYPE = "stream"
TTL = timedelta(seconds=30)


class InvalidTicket(Exception):
    """The ticket is malformed, expired, tampered with, or not a stream ticket."""


def issue(principal: Principal, *, key: str) -> str:
    """A ticket for `principal`, valid for `TTL`."""
    claims = {
        "sub": principal.id,
        "tid": str(principal.tenant_id),
        "typ": TICKET_TYPE,
        "knd": principal.kind,
        "role": principal.role,
        "scp": list(principal.scopes),
    }
    return encode_access_token(claims, key=key, ttl=TTL)


def principal_of(ticket: str, *, key: str) -> Principal:
    """The principal a valid ticket was issued to; InvalidTicket otherwise."""
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
    return Principal(
        kind=claims["knd"],
        id=str(claims["sub"]),
        tenant_id=tenant_id,
        actions=actions,
        role=None if role is None else str(role),
        scopes=scopes,
    )
