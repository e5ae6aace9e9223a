from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.offer_list import OfferList
from ...models.offers_list_status import OffersListStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: OffersListStatus | Unset = UNSET,
    awaiting_me: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["awaiting_me"] = awaiting_me

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/offers",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfferList | Problem | None:
    if response.status_code == 200:
        response_200 = OfferList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OfferList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: OffersListStatus | Unset = UNSET,
    awaiting_me: bool | Unset = False,
) -> Response[OfferList | Problem]:
    """Offers newest first; awaiting_me: those waiting for you

    Args:
        status (OffersListStatus | Unset):
        awaiting_me (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        awaiting_me=awaiting_me,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: OffersListStatus | Unset = UNSET,
    awaiting_me: bool | Unset = False,
) -> OfferList | Problem | None:
    """Offers newest first; awaiting_me: those waiting for you

    Args:
        status (OffersListStatus | Unset):
        awaiting_me (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        awaiting_me=awaiting_me,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: OffersListStatus | Unset = UNSET,
    awaiting_me: bool | Unset = False,
) -> Response[OfferList | Problem]:
    """Offers newest first; awaiting_me: those waiting for you

    Args:
        status (OffersListStatus | Unset):
        awaiting_me (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        awaiting_me=awaiting_me,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: OffersListStatus | Unset = UNSET,
    awaiting_me: bool | Unset = False,
) -> OfferList | Problem | None:
    """Offers newest first; awaiting_me: those waiting for you

    Args:
        status (OffersListStatus | Unset):
        awaiting_me (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            awaiting_me=awaiting_me,
        )
    ).parsed
