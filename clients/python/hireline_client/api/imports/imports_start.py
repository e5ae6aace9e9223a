from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_imports_start import BodyImportsStart
from ...models.import_read import ImportRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyImportsStart,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportRead | Problem | None:
    if response.status_code == 202:
        response_202 = ImportRead.from_dict(response.json())

        return response_202

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

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ImportRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyImportsStart,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportRead | Problem]:
    """Import an export of another tracking system (Greenhouse, Lever, CSV), queued

     Greenhouse and Lever exports are uploaded as a .zip of the API's JSON files with an `attachments/`
    folder; a CSV file (or a .zip of one with its résumé files) comes with a `mapping` (TOML or JSON).
    With `dry_run`, the report says what the import would do and nothing is stored. Follow the import at
    `GET /v1/imports/{id}`.

    Args:
        idempotency_key (str | Unset):
        body (BodyImportsStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BodyImportsStart,
    idempotency_key: str | Unset = UNSET,
) -> ImportRead | Problem | None:
    """Import an export of another tracking system (Greenhouse, Lever, CSV), queued

     Greenhouse and Lever exports are uploaded as a .zip of the API's JSON files with an `attachments/`
    folder; a CSV file (or a .zip of one with its résumé files) comes with a `mapping` (TOML or JSON).
    With `dry_run`, the report says what the import would do and nothing is stored. Follow the import at
    `GET /v1/imports/{id}`.

    Args:
        idempotency_key (str | Unset):
        body (BodyImportsStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyImportsStart,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportRead | Problem]:
    """Import an export of another tracking system (Greenhouse, Lever, CSV), queued

     Greenhouse and Lever exports are uploaded as a .zip of the API's JSON files with an `attachments/`
    folder; a CSV file (or a .zip of one with its résumé files) comes with a `mapping` (TOML or JSON).
    With `dry_run`, the report says what the import would do and nothing is stored. Follow the import at
    `GET /v1/imports/{id}`.

    Args:
        idempotency_key (str | Unset):
        body (BodyImportsStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BodyImportsStart,
    idempotency_key: str | Unset = UNSET,
) -> ImportRead | Problem | None:
    """Import an export of another tracking system (Greenhouse, Lever, CSV), queued

     Greenhouse and Lever exports are uploaded as a .zip of the API's JSON files with an `attachments/`
    folder; a CSV file (or a .zip of one with its résumé files) comes with a `mapping` (TOML or JSON).
    With `dry_run`, the report says what the import would do and nothing is stored. Follow the import at
    `GET /v1/imports/{id}`.

    Args:
        idempotency_key (str | Unset):
        body (BodyImportsStart):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
