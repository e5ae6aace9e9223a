from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.offer_create import OfferCreate
from ...models.offer_read import OfferRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    application_id: UUID,
    *,
    body: OfferCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/applications/{application_id}/offers".format(
            application_id=quote(str(application_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OfferRead | Problem | None:
    if response.status_code == 201:
        response_201 = OfferRead.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OfferRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[OfferRead | Problem]:
    """Make an offer; it waits for its approvers, in order

     A salary outside the job's band needs `out_of_band_reason` (422 without).

    Args:
        application_id (UUID):
        idempotency_key (str | Unset):
        body (OfferCreate): The terms, and the members who must approve them, in order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferRead | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
    idempotency_key: str | Unset = UNSET,
) -> OfferRead | Problem | None:
    """Make an offer; it waits for its approvers, in order

     A salary outside the job's band needs `out_of_band_reason` (422 without).

    Args:
        application_id (UUID):
        idempotency_key (str | Unset):
        body (OfferCreate): The terms, and the members who must approve them, in order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferRead | Problem
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[OfferRead | Problem]:
    """Make an offer; it waits for its approvers, in order

     A salary outside the job's band needs `out_of_band_reason` (422 without).

    Args:
        application_id (UUID):
        idempotency_key (str | Unset):
        body (OfferCreate): The terms, and the members who must approve them, in order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfferRead | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OfferCreate,
    idempotency_key: str | Unset = UNSET,
) -> OfferRead | Problem | None:
    """Make an offer; it waits for its approvers, in order

     A salary outside the job's band needs `out_of_band_reason` (422 without).

    Args:
        application_id (UUID):
        idempotency_key (str | Unset):
        body (OfferCreate): The terms, and the members who must approve them, in order.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfferRead | Problem
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
