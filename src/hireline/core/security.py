"""Password hashing, random credentials and their digests, and signed access tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# OWASP's argon2id baseline: 19 MiB of memory, 2 iterations, 1 degree of parallelism.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verifying against this when the account does not exist keeps timing the same.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

JWT_ALGORITHM = "HS256"
JWT_ISSUER = "hireline"
JWT_AUDIENCE = "hireline-api"


def hash_password(password: str) -> str:
    """An argon2id hash of `password`, salted."""
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Whether `password` matches; takes as long for unknown accounts as for known ones."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


def new_secret(prefix: str = "", nbytes: int = 32) -> str:
    """A random, URL-safe credential, optionally with a recognisable prefix."""
    return prefix + secrets.token_urlsafe(nbytes)


def digest(secret: str) -> str:
    """The lookup digest stored instead of a high-entropy credential (SHA-256, hex)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def same_secret(a: str, b: str) -> bool:
    """Constant-time comparison of two secrets or digests."""
    return hmac.compare_digest(a.encode(), b.encode())


def encode_access_token(
    claims: dict[str, Any], *, key: str, ttl: timedelta, now: datetime | None = None
) -> str:
    """A signed JWT carrying `claims`, valid for `ttl`."""
    issued = now or datetime.now(UTC)
    payload = {
        **claims,
        "iss": JWT_ISSUER,
        "aud": JWT_AUDIENCE,
        "iat": int(issued.timestamp()),
        "exp": int((issued + ttl).timestamp()),
        "jti": secrets.token_hex(8),
    }
    return jwt.encode(payload, key, algorithm=JWT_ALGORITHM)


class InvalidToken(Exception):
    """The token is malformed, tampered with, expired or not for this API."""


def decode_access_token(token: str, *, key: str) -> dict[str, Any]:
    """The claims of a valid token; raises InvalidToken otherwise."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[JWT_ALGORITHM],
            audience=JWT_AUDIENCE,
            issuer=JWT_ISSUER,
            options={"require": ["exp", "iat", "sub", "tid", "typ"]},
        )
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from None
    return claims
