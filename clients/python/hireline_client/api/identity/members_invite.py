from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.invitation_created import InvitationCreated
from ...models.invite_request import InviteRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: InviteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/members",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InvitationCreated | Problem | None:
    if response.status_code == 201:
        response_201 = InvitationCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[InvitationCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InviteRequest,
) -> Response[InvitationCreated | Problem]:
    """Invite someone with a role; the invitee is e-mailed the link to accept

     The invitee gets an e-mail with the link to accept, as invitations from the app do; the token is in
    that e-mail only. With `send_email: false` nothing is mailed and the token is returned instead,
    once, for an integration that delivers it itself.

    Args:
        body (InviteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: InviteRequest,
) -> InvitationCreated | Problem | None:
    """Invite someone with a role; the invitee is e-mailed the link to accept

     The invitee gets an e-mail with the link to accept, as invitations from the app do; the token is in
    that e-mail only. With `send_email: false` nothing is mailed and the token is returned instead,
    once, for an integration that delivers it itself.

    Args:
        body (InviteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InviteRequest,
) -> Response[InvitationCreated | Problem]:
    """Invite someone with a role; the invitee is e-mailed the link to accept

     The invitee gets an e-mail with the link to accept, as invitations from the app do; the token is in
    that e-mail only. With `send_email: false` nothing is mailed and the token is returned instead,
    once, for an integration that delivers it itself.

    Args:
        body (InviteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvitationCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InviteRequest,
) -> InvitationCreated | Problem | None:
    """Invite someone with a role; the invitee is e-mailed the link to accept

     The invitee gets an e-mail with the link to accept, as invitations from the app do; the token is in
    that e-mail only. With `send_email: false` nothing is mailed and the token is returned instead,
    once, for an integration that delivers it itself.

    Args:
        body (InviteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvitationCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
