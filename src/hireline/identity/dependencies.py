"""Route guards: every route under /v1 declares the action it needs, or that it is public."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from hireline.core.db import DbSession
from hireline.core.errors import PermissionDenied, Unauthenticated
from hireline.core.idempotency import claim_idempotency_key
from hireline.core.principal import Principal
from hireline.core.rate_limit import limit_anonymous, limit_principal
from hireline.core.signing_key import signing_key
from hireline.identity.authentication import (
    API_KEY_PREFIX,
    BEARER_CHALLENGE,
    principal_from_access_token,
    principal_from_api_key,
)
from hireline.identity.permissions import Action

# Declared for OpenAPI (the "Authorize" button); parsing is done here, not by FastAPI.
_bearer = HTTPBearer(auto_error=False, description="A JWT access token or an API key.")
_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


class Require:
    """Authenticates the caller, scopes the request to its tenant and checks one action."""

    def __init__(self, action: Action, *, replayable: bool = True) -> None:
        self.action = action
        # Responses that reveal a secret once must not be kept for idempotent replays.
        self.replayable = replayable

    async def __call__(
        self,
        request: Request,
        session: DbSession,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        api_key: Annotated[str | None, Depends(_api_key_header)],
    ) -> Principal:
        credential = api_key or (bearer.credentials if bearer else None)
        if not credential:
            raise Unauthenticated(
                "Send an access token or API key in the Authorization header.",
                headers=BEARER_CHALLENGE,
            )
        if credential.startswith(API_KEY_PREFIX):
            principal = await principal_from_api_key(session, credential)
        else:
            key = signing_key(request.app.state.settings)
            principal = await principal_from_access_token(
                session, credential, key=key, revocations=request.app.state.token_revocations
            )
        request.state.principal = principal
        if not principal.can(self.action):
            raise PermissionDenied(f"This needs the {self.action.value!r} permission.")
        await limit_principal(request, principal)
        request.app.state.usage.record(principal)
        # Last: a refused or rate-limited request must not hold an idempotency key.
        if self.replayable:
            await claim_idempotency_key(request, session, principal)
        return principal


class Public:
    """Marks an anonymous route; it is still rate limited per client address."""

    async def __call__(self, request: Request) -> None:
        request.state.principal = None
        await limit_anonymous(request)


def require(action: Action, *, replayable: bool = True) -> Any:
    """`Depends` for a route that needs `action`; `replayable=False` ignores
    Idempotency-Key (for responses that show a secret once)."""
    return Depends(Require(action, replayable=replayable))


def public() -> Any:
    """`Depends` for a route anyone may call."""
    return Depends(Public())
