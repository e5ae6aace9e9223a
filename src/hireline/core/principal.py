"""Who is making a request: a signed-in user, an API key or an OAuth client."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

PrincipalKind = Literal["user", "api_key", "client", "anonymous"]


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated caller, always acting inside exactly one tenant."""

    kind: PrincipalKind
    id: str
    tenant_id: uuid.UUID
    actions: frozenset[str]
    role: str | None = None
    scopes: tuple[str, ...] = ()
    # The tenant's plan limit, read while authenticating so rate limiting needs no query.
    rate_limit_per_minute: int | None = None
    # The access token's id (`jti`) and expiry (`exp`, epoch seconds), so that signing out
    # can revoke the very token presented.
    token_id: str | None = None
    token_expires_at: int | None = None

    @property
    def key(self) -> str:
        """A stable identity for per-principal bookkeeping (rate limits, idempotency)."""
        return f"{self.kind}:{self.id}"

    def can(self, action: str) -> bool:
        return action in self.actions


def anonymous(tenant_id: uuid.UUID, client_address: str) -> Principal:
    """A visitor of a tenant's public pages, known only by address (for idempotency keys)."""
    return Principal(kind="anonymous", id=client_address, tenant_id=tenant_id, actions=frozenset())
