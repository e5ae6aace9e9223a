"""HTTP layer of sign-up, the token endpoint, sign-out and the caller's own profile."""

from __future__ import annotations

import base64
import binascii
import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Header, Request, status
from fastapi.responses import JSONResponse

from hireline.core.db import DbSession
from hireline.core.errors import BadRequest, PermissionDenied
from hireline.core.principal import Principal
from hireline.core.rate_limit import RateLimiter, client_address
from hireline.identity.auth import service, tokens
from hireline.identity.auth import signup as signup_service
from hireline.identity.auth.schemas import (
    LogoutRequest,
    MeResponse,
    OAuthErrorResponse,
    PasswordChange,
    SignupRequest,
    SignupResponse,
    TokenResponse,
)
from hireline.identity.dependencies import NO_STORE, client_ip, public, require
from hireline.identity.organization.schemas import TenantRead
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1", tags=["identity"])


def _issuer(request: Request) -> tokens.TokenIssuer:
    issuer: tokens.TokenIssuer = request.app.state.token_issuer
    return issuer


@router.post(
    "/auth/signup",
    status_code=status.HTTP_201_CREATED,
    dependencies=[public()],
    summary="Create an organisation and its owner; returns tokens",
)
async def signup(body: SignupRequest, request: Request, session: DbSession) -> SignupResponse:
    tenant, user, issued = await signup_service.signup(
        session, _issuer(request), body, ip=client_ip(request)
    )
    return SignupResponse(
        **issued.model_dump(), tenant=TenantRead.model_validate(tenant), user_id=user.id
    )


def _basic_client_credentials(authorization: str | None) -> tuple[str, str] | None:
    if not authorization or not authorization.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise tokens.OAuthError("invalid_client", "Malformed Basic credentials.", 401) from None
    client_id, separator, secret = decoded.partition(":")
    if not separator:
        raise tokens.OAuthError("invalid_client", "Malformed Basic credentials.", 401)
    return client_id, secret


def _oauth_error(error: tokens.OAuthError) -> JSONResponse:
    headers = dict(NO_STORE)
    if error.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="hireline"'
    return JSONResponse(
        {"error": error.error, "error_description": error.description},
        status_code=error.status,
        headers=headers,
    )


@router.post(
    "/auth/token",
    dependencies=[public()],
    response_model=TokenResponse,
    summary="OAuth 2.0 token endpoint (password, refresh_token, client_credentials)",
    responses={
        400: {
            "model": OAuthErrorResponse,
            "description": "RFC 6749 error: invalid_request, invalid_grant, invalid_scope, ...",
        },
        401: {"model": OAuthErrorResponse, "description": "RFC 6749 error: invalid_client"},
    },
)
async def token(
    request: Request,
    session: DbSession,
    grant_type: Annotated[str, Form()],
    username: Annotated[str | None, Form()] = None,
    password: Annotated[str | None, Form()] = None,
    refresh_token: Annotated[str | None, Form()] = None,
    client_id: Annotated[str | None, Form()] = None,
    client_secret: Annotated[str | None, Form()] = None,
    scope: Annotated[str | None, Form()] = None,
    tenant: Annotated[
        str | None, Form(description="Organisation slug, for accounts in several")
    ] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    # Errors are returned, not raised, so that what they record (a failed sign-in, a
    # revoked token family) is committed with the request.
    issuer = _issuer(request)
    ip = client_ip(request)
    try:
        if grant_type == "password":
            if not username or password is None:
                raise tokens.OAuthError("invalid_request", "username and password are required.")
            limiter: RateLimiter = request.app.state.rate_limiter
            issued = await tokens.password_grant(
                session,
                issuer,
                limiter,
                email=username,
                password=password,
                tenant_slug=tenant,
                ip=client_address(request, trust_proxy_headers=limiter.trust_proxy_headers),
            )
        elif grant_type == "refresh_token":
            if not refresh_token:
                raise tokens.OAuthError("invalid_request", "refresh_token is required.")
            issued = await tokens.refresh_grant(session, issuer, refresh_token=refresh_token, ip=ip)
        elif grant_type == "client_credentials":
            credentials = _basic_client_credentials(authorization) or (
                (client_id, client_secret) if client_id and client_secret else None
            )
            if credentials is None:
                raise tokens.OAuthError(
                    "invalid_client", "Send client_id and client_secret.", status=401
                )
            issued = await tokens.client_credentials_grant(
                session,
                issuer,
                client_id=credentials[0],
                client_secret=credentials[1],
                scope=scope,
                ip=ip,
            )
        else:
            raise tokens.OAuthError(
                "unsupported_grant_type",
                "grant_type must be password, refresh_token or client_credentials.",
            )
    except tokens.OAuthError as error:
        return _oauth_error(error)
    return JSONResponse(issued.model_dump(exclude_none=True), headers=NO_STORE)


@router.post(
    "/auth/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="End the session of a refresh token, or every session of the caller; the access "
    "token sent ends at once",
)
async def logout(
    request: Request,
    session: DbSession,
    principal: Annotated[Principal, require(Action.PROFILE_READ)],
    body: LogoutRequest | None = None,
) -> None:
    if principal.kind != "user":
        raise BadRequest("Only users sign out; revoke API keys and clients instead.")
    await tokens.logout(
        session,
        request.app.state.token_revocations,
        principal,
        refresh_token=body.refresh_token if body else None,
        ip=client_ip(request),
    )


@router.get("/me", summary="Who the caller is, in which organisation, allowed to do what")
async def me(
    session: DbSession, principal: Annotated[Principal, require(Action.PROFILE_READ)]
) -> MeResponse:
    return await service.profile(session, principal)


@router.post(
    "/me/password",
    response_model=TokenResponse,
    summary="Change your password; every earlier sign-in ends, new tokens are returned",
    description=(
        "Give the current password and a new one (the sign-up rules apply). Access tokens "
        "issued before, refresh tokens and browser sessions of the account all end, in every "
        "organisation; the response carries a fresh token pair for this organisation. A wrong "
        "current password is a 403 and counts as a failed sign-in (throttled alike)."
    ),
    responses={403: {"description": "Wrong current password, or not a person's token"}},
)
async def change_password(
    body: PasswordChange,
    request: Request,
    session: DbSession,
    principal: Annotated[Principal, require(Action.PROFILE_READ, replayable=False)],
) -> JSONResponse:
    if principal.kind != "user" or principal.role is None:
        raise PermissionDenied("Only a person signed in with a password can change it.")
    limiter: RateLimiter = request.app.state.rate_limiter
    user = await service.change_password(
        session,
        limiter,
        uuid.UUID(principal.id),
        current_password=body.current_password,
        new_password=body.new_password,
        ip=client_address(request, trust_proxy_headers=limiter.trust_proxy_headers),
    )
    issued = await tokens.issue_user_tokens(
        session,
        _issuer(request),
        tenant_id=principal.tenant_id,
        user_id=user.id,
        role=principal.role,
        credentials_version=user.credentials_version,
    )
    return JSONResponse(issued.model_dump(exclude_none=True), headers=NO_STORE)
