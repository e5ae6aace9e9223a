from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_created import ApplicationCreated
from ...models.body_board_apply import BodyBoardApply
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    job_id: UUID,
    *,
    body: BodyBoardApply,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/boards/{slug}/jobs/{job_id}/applications".format(
            slug=quote(str(slug), safe=""),
            job_id=quote(str(job_id), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationCreated | Problem | None:
    if response.status_code == 201:
        response_201 = ApplicationCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[ApplicationCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BodyBoardApply,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApplicationCreated | Problem]:
    """Apply to an open job with a résumé (PDF, DOCX or plain text, at most 10 MB)

     Anonymous: a person applying again to the same job gets the same answer as the first time (with ids
    that lead nowhere), and an e-mail saying they had applied already, so the answer never tells whether
    an address applied. Called with credentials of the organisation that may read candidates, a repeat
    is a 409 naming the application.

    Args:
        slug (str):
        job_id (UUID):
        idempotency_key (str | Unset):
        body (BodyBoardApply):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationCreated | Problem]
    """

    kwargs = _get_kwargs(
        slug=slug,
        job_id=job_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BodyBoardApply,
    idempotency_key: str | Unset = UNSET,
) -> ApplicationCreated | Problem | None:
    """Apply to an open job with a résumé (PDF, DOCX or plain text, at most 10 MB)

     Anonymous: a person applying again to the same job gets the same answer as the first time (with ids
    that lead nowhere), and an e-mail saying they had applied already, so the answer never tells whether
    an address applied. Called with credentials of the organisation that may read candidates, a repeat
    is a 409 naming the application.

    Args:
        slug (str):
        job_id (UUID):
        idempotency_key (str | Unset):
        body (BodyBoardApply):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationCreated | Problem
    """

    return sync_detailed(
        slug=slug,
        job_id=job_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    slug: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BodyBoardApply,
    idempotency_key: str | Unset = UNSET,
) -> Response[ApplicationCreated | Problem]:
    """Apply to an open job with a résumé (PDF, DOCX or plain text, at most 10 MB)

     Anonymous: a person applying again to the same job gets the same answer as the first time (with ids
    that lead nowhere), and an e-mail saying they had applied already, so the answer never tells whether
    an address applied. Called with credentials of the organisation that may read candidates, a repeat
    is a 409 naming the application.

    Args:
        slug (str):
        job_id (UUID):
        idempotency_key (str | Unset):
        body (BodyBoardApply):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationCreated | Problem]
    """

    kwargs = _get_kwargs(
        slug=slug,
        job_id=job_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BodyBoardApply,
    idempotency_key: str | Unset = UNSET,
) -> ApplicationCreated | Problem | None:
    """Apply to an open job with a résumé (PDF, DOCX or plain text, at most 10 MB)

     Anonymous: a person applying again to the same job gets the same answer as the first time (with ids
    that lead nowhere), and an e-mail saying they had applied already, so the answer never tells whether
    an address applied. Called with credentials of the organisation that may read candidates, a repeat
    is a 409 naming the application.

    Args:
        slug (str):
        job_id (UUID):
        idempotency_key (str | Unset):
        body (BodyBoardApply):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationCreated | Problem
    """

    return (
        await asyncio_detailed(
            slug=slug,
            job_id=job_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
