from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.password_change import PasswordChange
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: PasswordChange,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/me/password",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Response[Problem | TokenResponse]:
    """Change your password; every earlier sign-in ends, new tokens are returned

     Give the current password and a new one (the sign-up rules apply). Access tokens issued before,
    refresh tokens and browser sessions of the account all end, in every organisation; the response
    carries a fresh token pair for this organisation. A wrong current password is a 403 and counts as a
    failed sign-in (throttled alike).

    Args:
        body (PasswordChange): A new password for the signed-in person, proven by the current one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
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
    body: PasswordChange,
) -> Problem | TokenResponse | None:
    """Change your password; every earlier sign-in ends, new tokens are returned

     Give the current password and a new one (the sign-up rules apply). Access tokens issued before,
    refresh tokens and browser sessions of the account all end, in every organisation; the response
    carries a fresh token pair for this organisation. A wrong current password is a 403 and counts as a
    failed sign-in (throttled alike).

    Args:
        body (PasswordChange): A new password for the signed-in person, proven by the current one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Response[Problem | TokenResponse]:
    """Change your password; every earlier sign-in ends, new tokens are returned

     Give the current password and a new one (the sign-up rules apply). Access tokens issued before,
    refresh tokens and browser sessions of the account all end, in every organisation; the response
    carries a fresh token pair for this organisation. A wrong current password is a 403 and counts as a
    failed sign-in (throttled alike).

    Args:
        body (PasswordChange): A new password for the signed-in person, proven by the current one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PasswordChange,
) -> Problem | TokenResponse | None:
    """Change your password; every earlier sign-in ends, new tokens are returned

     Give the current password and a new one (the sign-up rules apply). Access tokens issued before,
    refresh tokens and browser sessions of the account all end, in every organisation; the response
    carries a fresh token pair for this organisation. A wrong current password is a 403 and counts as a
    failed sign-in (throttled alike).

    Args:
        body (PasswordChange): A new password for the signed-in person, proven by the current one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
