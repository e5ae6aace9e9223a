import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sources import Sources
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    job: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_job: str | Unset = UNSET
    if not isinstance(job, Unset):
        json_job = str(job)
    params["job"] = json_job

    params["source"] = source

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/sources",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Sources | None:
    if response.status_code == 200:
        response_200 = Sources.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Sources]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    job: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Problem | Sources]:
    """Applications, interviews, offers and hires per source, and monthly arrivals

    Args:
        job (UUID | Unset): Only this job's applications.
        source (str | Unset): Only applications from this source.
        from_ (datetime.date | Unset): Applications from this day (UTC) on.
        to (datetime.date | Unset): Applications up to this day (UTC).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Sources]
    """

    kwargs = _get_kwargs(
        job=job,
        source=source,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    job: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Problem | Sources | None:
    """Applications, interviews, offers and hires per source, and monthly arrivals

    Args:
        job (UUID | Unset): Only this job's applications.
        source (str | Unset): Only applications from this source.
        from_ (datetime.date | Unset): Applications from this day (UTC) on.
        to (datetime.date | Unset): Applications up to this day (UTC).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Sources
    """

    return sync_detailed(
        client=client,
        job=job,
        source=source,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    job: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[Problem | Sources]:
    """Applications, interviews, offers and hires per source, and monthly arrivals

    Args:
        job (UUID | Unset): Only this job's applications.
        source (str | Unset): Only applications from this source.
        from_ (datetime.date | Unset): Applications from this day (UTC) on.
        to (datetime.date | Unset): Applications up to this day (UTC).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Sources]
    """

    kwargs = _get_kwargs(
        job=job,
        source=source,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    job: UUID | Unset = UNSET,
    source: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Problem | Sources | None:
    """Applications, interviews, offers and hires per source, and monthly arrivals

    Args:
        job (UUID | Unset): Only this job's applications.
        source (str | Unset): Only applications from this source.
        from_ (datetime.date | Unset): Applications from this day (UTC) on.
        to (datetime.date | Unset): Applications up to this day (UTC).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Sources
    """

    return (
        await asyncio_detailed(
            client=client,
            job=job,
            source=source,
            from_=from_,
            to=to,
        )
    ).parsed
