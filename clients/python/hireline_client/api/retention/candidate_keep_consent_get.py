from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.keep_consent_read import KeepConsentRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    candidate_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/candidates/{candidate_id}/keep-consent".format(
            candidate_id=quote(str(candidate_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KeepConsentRead | Problem | None:
    if response.status_code == 200:
        response_200 = KeepConsentRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[KeepConsentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    candidate_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[KeepConsentRead | Problem]:
    """Whether the candidate agreed to be kept past the retention policies

    Args:
        candidate_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeepConsentRead | Problem]
    """

    kwargs = _get_kwargs(
        candidate_id=candidate_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    candidate_id: UUID,
    *,
    client: AuthenticatedClient,
) -> KeepConsentRead | Problem | None:
    """Whether the candidate agreed to be kept past the retention policies

    Args:
        candidate_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeepConsentRead | Problem
    """

    return sync_detailed(
        candidate_id=candidate_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    candidate_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[KeepConsentRead | Problem]:
    """Whether the candidate agreed to be kept past the retention policies

    Args:
        candidate_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeepConsentRead | Problem]
    """

    kwargs = _get_kwargs(
        candidate_id=candidate_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    candidate_id: UUID,
    *,
    client: AuthenticatedClient,
) -> KeepConsentRead | Problem | None:
    """Whether the candidate agreed to be kept past the retention policies

    Args:
        candidate_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeepConsentRead | Problem
    """

    return (
        await asyncio_detailed(
            candidate_id=candidate_id,
            client=client,
        )
    ).parsed
