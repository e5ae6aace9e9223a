import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slot_list import SlotList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    application_id: UUID,
    *,
    plan_interview_id: UUID | Unset = UNSET,
    interviewer_ids: list[UUID] | Unset = UNSET,
    duration_minutes: int | Unset = UNSET,
    after: datetime.datetime | Unset = UNSET,
    count: int | Unset = 5,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_plan_interview_id: str | Unset = UNSET
    if not isinstance(plan_interview_id, Unset):
        json_plan_interview_id = str(plan_interview_id)
    params["plan_interview_id"] = json_plan_interview_id

    json_interviewer_ids: list[str] | Unset = UNSET
    if not isinstance(interviewer_ids, Unset):
        json_interviewer_ids = []
        for interviewer_ids_item_data in interviewer_ids:
            interviewer_ids_item = str(interviewer_ids_item_data)
            json_interviewer_ids.append(interviewer_ids_item)

    params["interviewer_ids"] = json_interviewer_ids

    params["duration_minutes"] = duration_minutes

    json_after: str | Unset = UNSET
    if not isinstance(after, Unset):
        json_after = after.isoformat()
    params["after"] = json_after

    params["count"] = count

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/applications/{application_id}/interview-slots".format(
            application_id=quote(str(application_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SlotList | None:
    if response.status_code == 200:
        response_200 = SlotList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SlotList]:
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
    plan_interview_id: UUID | Unset = UNSET,
    interviewer_ids: list[UUID] | Unset = UNSET,
    duration_minutes: int | Unset = UNSET,
    after: datetime.datetime | Unset = UNSET,
    count: int | Unset = 5,
) -> Response[Problem | SlotList]:
    """The next slots when the whole panel is free

    Args:
        application_id (UUID):
        plan_interview_id (UUID | Unset):
        interviewer_ids (list[UUID] | Unset):
        duration_minutes (int | Unset):
        after (datetime.datetime | Unset):
        count (int | Unset):  Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotList]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        plan_interview_id=plan_interview_id,
        interviewer_ids=interviewer_ids,
        duration_minutes=duration_minutes,
        after=after,
        count=count,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    plan_interview_id: UUID | Unset = UNSET,
    interviewer_ids: list[UUID] | Unset = UNSET,
    duration_minutes: int | Unset = UNSET,
    after: datetime.datetime | Unset = UNSET,
    count: int | Unset = 5,
) -> Problem | SlotList | None:
    """The next slots when the whole panel is free

    Args:
        application_id (UUID):
        plan_interview_id (UUID | Unset):
        interviewer_ids (list[UUID] | Unset):
        duration_minutes (int | Unset):
        after (datetime.datetime | Unset):
        count (int | Unset):  Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotList
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
        plan_interview_id=plan_interview_id,
        interviewer_ids=interviewer_ids,
        duration_minutes=duration_minutes,
        after=after,
        count=count,
    ).parsed


async def asyncio_detailed(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    plan_interview_id: UUID | Unset = UNSET,
    interviewer_ids: list[UUID] | Unset = UNSET,
    duration_minutes: int | Unset = UNSET,
    after: datetime.datetime | Unset = UNSET,
    count: int | Unset = 5,
) -> Response[Problem | SlotList]:
    """The next slots when the whole panel is free

    Args:
        application_id (UUID):
        plan_interview_id (UUID | Unset):
        interviewer_ids (list[UUID] | Unset):
        duration_minutes (int | Unset):
        after (datetime.datetime | Unset):
        count (int | Unset):  Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotList]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        plan_interview_id=plan_interview_id,
        interviewer_ids=interviewer_ids,
        duration_minutes=duration_minutes,
        after=after,
        count=count,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: UUID,
    *,
    client: AuthenticatedClient,
    plan_interview_id: UUID | Unset = UNSET,
    interviewer_ids: list[UUID] | Unset = UNSET,
    duration_minutes: int | Unset = UNSET,
    after: datetime.datetime | Unset = UNSET,
    count: int | Unset = 5,
) -> Problem | SlotList | None:
    """The next slots when the whole panel is free

    Args:
        application_id (UUID):
        plan_interview_id (UUID | Unset):
        interviewer_ids (list[UUID] | Unset):
        duration_minutes (int | Unset):
        after (datetime.datetime | Unset):
        count (int | Unset):  Default: 5.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotList
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
            plan_interview_id=plan_interview_id,
            interviewer_ids=interviewer_ids,
            duration_minutes=duration_minutes,
            after=after,
            count=count,
        )
    ).parsed
