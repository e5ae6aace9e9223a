"""The candidate's link to an offer: signed, naming one offer of one tenant, expiring with it.

The link is a capability: whoever holds it may answer the offer, so it carries nothing a
guess could produce (an HMAC over the tenant, the offer and the expiry), and it dies when the
offer expires. It is made again whenever it is needed (an e-mail, a screen) rather than
stored, so no table holds a usable credential.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import jwt

ALGORITHM = "HS256"
# Not the API's audience: an offer link is never an access token, nor the reverse.
AUDIENCE = "hireline-offer"
PATH_PREFIX = "/offers/"


class InvalidLink(Exception):
    """Tampered with, malformed or made with another key."""


class ExpiredLink(Exception):
    """Genuine, but past the offer's expiry."""


@dataclass(frozen=True)
class OfferRef:
    tenant_id: uuid.UUID
    offer_id: uuid.UUID


def sign(ref: OfferRef, expires_at: datetime, *, key: str) -> str:
    claims = {
        "aud": AUDIENCE,
        "tid": str(ref.tenant_id),
        "oid": str(ref.offer_id),
        "exp": int(expires_at.timestamp()),
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def verify(token: str, *, key: str) -> OfferRef:
    """The offer a genuine, unexpired link names."""
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            options={"require": ["exp", "aud", "tid", "oid"]},
        )
    except jwt.ExpiredSignatureError:
        raise ExpiredLink from None
    except jwt.PyJWTError:
        raise InvalidLink from None
    try:
        return OfferRef(uuid.UUID(str(claims["tid"])), uuid.UUID(str(claims["oid"])))
    except ValueError:
        raise InvalidLink from None


def url(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}{PATH_PREFIX}{token}"
