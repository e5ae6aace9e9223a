from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.public_board import PublicBoard
from ...types import UNSET, Response, Unset


def _get_kwargs(
    slug: str,
    *,
    q: str | Unset = UNSET,
    location: str | Unset = UNSET,
    remote: bool | Unset = UNSET,
    department: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["q"] = q

    params["location"] = location

    params["remote"] = remote

    params["department"] = department

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/boards/{slug}/jobs".format(
            slug=quote(str(slug), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | PublicBoard | None:
    if response.status_code == 200:
        response_200 = PublicBoard.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Any | Problem | PublicBoard]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    location: str | Unset = UNSET,
    remote: bool | Unset = UNSET,
    department: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | PublicBoard]:
    """Open jobs of an organisation (anonymous, cached, ETag)

    Args:
        slug (str):
        q (str | Unset):
        location (str | Unset):
        remote (bool | Unset):
        department (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | PublicBoard]
    """

    kwargs = _get_kwargs(
        slug=slug,
        q=q,
        location=location,
        remote=remote,
        department=department,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    location: str | Unset = UNSET,
    remote: bool | Unset = UNSET,
    department: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | PublicBoard | None:
    """Open jobs of an organisation (anonymous, cached, ETag)

    Args:
        slug (str):
        q (str | Unset):
        location (str | Unset):
        remote (bool | Unset):
        department (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | PublicBoard
    """

    return sync_detailed(
        slug=slug,
        client=client,
        q=q,
        location=location,
        remote=remote,
        department=department,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    location: str | Unset = UNSET,
    remote: bool | Unset = UNSET,
    department: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | PublicBoard]:
    """Open jobs of an organisation (anonymous, cached, ETag)

    Args:
        slug (str):
        q (str | Unset):
        location (str | Unset):
        remote (bool | Unset):
        department (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | PublicBoard]
    """

    kwargs = _get_kwargs(
        slug=slug,
        q=q,
        location=location,
        remote=remote,
        department=department,
        cursor=cursor,
        limit=limit,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    slug: str,
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    location: str | Unset = UNSET,
    remote: bool | Unset = UNSET,
    department: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | PublicBoard | None:
    """Open jobs of an organisation (anonymous, cached, ETag)

    Args:
        slug (str):
        q (str | Unset):
        location (str | Unset):
        remote (bool | Unset):
        department (str | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | PublicBoard
    """

    return (
        await asyncio_detailed(
            slug=slug,
            client=client,
            q=q,
            location=location,
            remote=remote,
            department=department,
            cursor=cursor,
            limit=limit,
            if_none_match=if_none_match,
        )
    ).parsed
