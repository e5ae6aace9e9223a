import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_page import ApplicationPage
from ...models.applications_list_sort import ApplicationsListSort
from ...models.applications_list_status import ApplicationsListStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_id: UUID,
    *,
    stage_id: UUID | Unset = UNSET,
    status: ApplicationsListStatus | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort: ApplicationsListSort | Unset = ApplicationsListSort.NEWEST,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_stage_id: str | Unset = UNSET
    if not isinstance(stage_id, Unset):
        json_stage_id = str(stage_id)
    params["stage_id"] = json_stage_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_applied_from: str | Unset = UNSET
    if not isinstance(applied_from, Unset):
        json_applied_from = applied_from.isoformat()
    params["applied_from"] = json_applied_from

    json_applied_to: str | Unset = UNSET
    if not isinstance(applied_to, Unset):
        json_applied_to = applied_to.isoformat()
    params["applied_to"] = json_applied_to

    params["cursor"] = cursor

    params["limit"] = limit

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/jobs/{job_id}/applications".format(
            job_id=quote(str(job_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationPage | Problem | None:
    if response.status_code == 200:
        response_200 = ApplicationPage.from_dict(response.json())

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
) -> Response[ApplicationPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    stage_id: UUID | Unset = UNSET,
    status: ApplicationsListStatus | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort: ApplicationsListSort | Unset = ApplicationsListSort.NEWEST,
) -> Response[ApplicationPage | Problem]:
    """A job's applications, newest first or best match first

    Args:
        job_id (UUID):
        stage_id (UUID | Unset):
        status (ApplicationsListStatus | Unset):
        applied_from (datetime.datetime | Unset):
        applied_to (datetime.datetime | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort (ApplicationsListSort | Unset): newest first, or best match to the job's requirements
            first Default: ApplicationsListSort.NEWEST.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationPage | Problem]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        stage_id=stage_id,
        status=status,
        applied_from=applied_from,
        applied_to=applied_to,
        cursor=cursor,
        limit=limit,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    stage_id: UUID | Unset = UNSET,
    status: ApplicationsListStatus | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort: ApplicationsListSort | Unset = ApplicationsListSort.NEWEST,
) -> ApplicationPage | Problem | None:
    """A job's applications, newest first or best match first

    Args:
        job_id (UUID):
        stage_id (UUID | Unset):
        status (ApplicationsListStatus | Unset):
        applied_from (datetime.datetime | Unset):
        applied_to (datetime.datetime | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort (ApplicationsListSort | Unset): newest first, or best match to the job's requirements
            first Default: ApplicationsListSort.NEWEST.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationPage | Problem
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
        stage_id=stage_id,
        status=status,
        applied_from=applied_from,
        applied_to=applied_to,
        cursor=cursor,
        limit=limit,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    stage_id: UUID | Unset = UNSET,
    status: ApplicationsListStatus | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort: ApplicationsListSort | Unset = ApplicationsListSort.NEWEST,
) -> Response[ApplicationPage | Problem]:
    """A job's applications, newest first or best match first

    Args:
        job_id (UUID):
        stage_id (UUID | Unset):
        status (ApplicationsListStatus | Unset):
        applied_from (datetime.datetime | Unset):
        applied_to (datetime.datetime | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort (ApplicationsListSort | Unset): newest first, or best match to the job's requirements
            first Default: ApplicationsListSort.NEWEST.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationPage | Problem]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
        stage_id=stage_id,
        status=status,
        applied_from=applied_from,
        applied_to=applied_to,
        cursor=cursor,
        limit=limit,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: UUID,
    *,
    client: AuthenticatedClient,
    stage_id: UUID | Unset = UNSET,
    status: ApplicationsListStatus | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    sort: ApplicationsListSort | Unset = ApplicationsListSort.NEWEST,
) -> ApplicationPage | Problem | None:
    """A job's applications, newest first or best match first

    Args:
        job_id (UUID):
        stage_id (UUID | Unset):
        status (ApplicationsListStatus | Unset):
        applied_from (datetime.datetime | Unset):
        applied_to (datetime.datetime | Unset):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        sort (ApplicationsListSort | Unset): newest first, or best match to the job's requirements
            first Default: ApplicationsListSort.NEWEST.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationPage | Problem
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
            stage_id=stage_id,
            status=status,
            applied_from=applied_from,
            applied_to=applied_to,
            cursor=cursor,
            limit=limit,
            sort=sort,
        )
    ).parsed
