"""Route guards: every route under /v1 declares the action it needs, or that it is public."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from hireline.core.db import DbSession
from hireline.core.errors import PermissionDenied, Unauthenticated
from hireline.core.idempotency import claim_idempotency_key
from hireline.core.openapi import OperationTraits
from hireline.core.principal import Principal
from hireline.core.rate_limit import limit_anonymous, limit_principal
from hireline.core.signing_key import signing_key
from hireline.identity.auth.authentication import (
    API_KEY_PREFIX,
    BEARER_CHALLENGE,
    principal_from_access_token,
    principal_from_api_key,
)
from hireline.identity.permissions import SCOPE_ACTIONS, Action, narrowest_scope

# Declared for OpenAPI (the "Authorize" button); parsing is done here, not by FastAPI.
_bearer = HTTPBearer(auto_error=False, description="A JWT access token or an API key.")
_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


BEARER_SCHEME = "bearerAuth"
API_KEY_SCHEME = "apiKey"
OAUTH2_SCHEME = "oauth2"
TOKEN_URL = "/v1/auth/token"  # noqa: S105  (a URL, not a secret)

SECURITY_SCHEMES: dict[str, Any] = {
    BEARER_SCHEME: {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "An access token from `POST /v1/auth/token`, or an API key.",
    },
    API_KEY_SCHEME: {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    OAUTH2_SCHEME: {
        "type": "oauth2",
        "description": "OAuth 2.0 clients (client credentials) and members (password).",
        "flows": {
            "clientCredentials": {
                "tokenUrl": TOKEN_URL,
                "scopes": {
                    str(scope): "Allows " + ", ".join(sorted(actions))
                    for scope, actions in SCOPE_ACTIONS.items()
                },
            },
            "password": {"tokenUrl": TOKEN_URL, "scopes": {}},
        },
    },
}


def _security_for(action: Action) -> list[dict[str, list[str]]]:
    """Who may call: members always; keys and clients only when a scope grants `action`."""
    members: list[dict[str, list[str]]] = [{BEARER_SCHEME: []}, {OAUTH2_SCHEME: []}]
    if action == Action.PROFILE_READ:  # granted to every key and client
        return [*members, {API_KEY_SCHEME: []}]
    scope = narrowest_scope(action)
    if scope is None:
        return members
    return [{BEARER_SCHEME: []}, {API_KEY_SCHEME: []}, {OAUTH2_SCHEME: [str(scope)]}]


async def _authenticate(request: Request, session: DbSession, credential: str) -> Principal:
    """The principal of an API key or access token (and the session scoped to its tenant)."""
    if credential.startswith(API_KEY_PREFIX):
        return await principal_from_api_key(session, credential)
    key = signing_key(request.app.state.settings)
    return await principal_from_access_token(
        session, credential, key=key, revocations=request.app.state.token_revocations
    )


async def caller_if_any(request: Request, session: DbSession) -> Principal | None:
    """On a public route, the caller when it sent credentials (which must then be valid).

    The session ends up scoped to the caller's tenant: enter the route's tenant after this.
    """
    credential = request.headers.get(_api_key_header.model.name)
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if not credential and scheme.lower() == "bearer":
        credential = token.strip()
    if not credential:
        return None
    return await _authenticate(request, session, credential)


class Require:
    """Authenticates the caller, scopes the request to its tenant and checks one action."""

    def __init__(self, action: Action, *, replayable: bool = True) -> None:
        self.action = action
        # Responses that reveal a secret once must not be kept for idempotent replays.
        self.replayable = replayable
        self.openapi_traits = OperationTraits(
            problems=frozenset({401, 403, 429}),
            security=_security_for(action),
            rate_limited=True,
            idempotent=replayable,
        )

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
        principal = await _authenticate(request, session, credential)
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

    openapi_traits = OperationTraits(problems=frozenset({429}), security=[], rate_limited=True)

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


# Responses that carry a secret (tokens, new keys) must not be kept by any cache.
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def client_ip(request: Request) -> str | None:
    """The caller's address as the server saw it (after trusted proxy rewriting)."""
    return request.client.host if request.client else None
