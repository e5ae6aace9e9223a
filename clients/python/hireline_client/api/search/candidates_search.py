import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.candidates_search_skills_mode import CandidatesSearchSkillsMode
from ...models.candidates_search_sort import CandidatesSearchSort
from ...models.candidates_search_status import CandidatesSearchStatus
from ...models.problem import Problem
from ...models.search_page import SearchPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = "",
    job: UUID | Unset = UNSET,
    stage: list[UUID] | Unset = UNSET,
    status: CandidatesSearchStatus | Unset = UNSET,
    skills: list[str] | Unset = UNSET,
    skills_mode: CandidatesSearchSkillsMode | Unset = CandidatesSearchSkillsMode.ALL,
    location: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    source: str | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    years_min: float | Unset = UNSET,
    years_max: float | Unset = UNSET,
    sort: CandidatesSearchSort | Unset = UNSET,
    facets: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    json_job: str | Unset = UNSET
    if not isinstance(job, Unset):
        json_job = str(job)
    params["job"] = json_job

    json_stage: list[str] | Unset = UNSET
    if not isinstance(stage, Unset):
        json_stage = []
        for stage_item_data in stage:
            stage_item = str(stage_item_data)
            json_stage.append(stage_item)

    params["stage"] = json_stage

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_skills: list[str] | Unset = UNSET
    if not isinstance(skills, Unset):
        json_skills = skills

    params["skills"] = json_skills

    json_skills_mode: str | Unset = UNSET
    if not isinstance(skills_mode, Unset):
        json_skills_mode = skills_mode.value

    params["skills_mode"] = json_skills_mode

    json_location: list[str] | Unset = UNSET
    if not isinstance(location, Unset):
        json_location = location

    params["location"] = json_location

    json_tags: list[str] | Unset = UNSET
    if not isinstance(tags, Unset):
        json_tags = tags

    params["tags"] = json_tags

    params["source"] = source

    json_applied_from: str | Unset = UNSET
    if not isinstance(applied_from, Unset):
        json_applied_from = applied_from.isoformat()
    params["applied_from"] = json_applied_from

    json_applied_to: str | Unset = UNSET
    if not isinstance(applied_to, Unset):
        json_applied_to = applied_to.isoformat()
    params["applied_to"] = json_applied_to

    params["years_min"] = years_min

    params["years_max"] = years_max

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["facets"] = facets

    params["cursor"] = cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/candidates/search",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SearchPage | None:
    if response.status_code == 200:
        response_200 = SearchPage.from_dict(response.json())

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
) -> Response[Problem | SearchPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = "",
    job: UUID | Unset = UNSET,
    stage: list[UUID] | Unset = UNSET,
    status: CandidatesSearchStatus | Unset = UNSET,
    skills: list[str] | Unset = UNSET,
    skills_mode: CandidatesSearchSkillsMode | Unset = CandidatesSearchSkillsMode.ALL,
    location: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    source: str | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    years_min: float | Unset = UNSET,
    years_max: float | Unset = UNSET,
    sort: CandidatesSearchSort | Unset = UNSET,
    facets: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[Problem | SearchPage]:
    """Search candidates

    Args:
        q (str | Unset): Web-search syntax: words, "phrases", -exclusions, OR, prefix*. Default:
            ''.
        job (UUID | Unset):
        stage (list[UUID] | Unset): Repeat for any of several stages.
        status (CandidatesSearchStatus | Unset):
        skills (list[str] | Unset):
        skills_mode (CandidatesSearchSkillsMode | Unset):  Default:
            CandidatesSearchSkillsMode.ALL.
        location (list[str] | Unset): Repeat for any of several locations.
        tags (list[str] | Unset):
        source (str | Unset):
        applied_from (datetime.datetime | Unset):
        applied_to (datetime.datetime | Unset):
        years_min (float | Unset):
        years_max (float | Unset):
        sort (CandidatesSearchSort | Unset): relevance (default with q), newest (default without),
            or match: the applicants of `job` by their match score, best first, the unscored last.
        facets (bool | Unset):  Default: True.
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchPage]
    """

    kwargs = _get_kwargs(
        q=q,
        job=job,
        stage=stage,
        status=status,
        skills=skills,
        skills_mode=skills_mode,
        location=location,
        tags=tags,
        source=source,
        applied_from=applied_from,
        applied_to=applied_to,
        years_min=years_min,
        years_max=years_max,
        sort=sort,
        facets=facets,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: str | Unset = "",
    job: UUID | Unset = UNSET,
    stage: list[UUID] | Unset = UNSET,
    status: CandidatesSearchStatus | Unset = UNSET,
    skills: list[str] | Unset = UNSET,
    skills_mode: CandidatesSearchSkillsMode | Unset = CandidatesSearchSkillsMode.ALL,
    location: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    source: str | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    years_min: float | Unset = UNSET,
    years_max: float | Unset = UNSET,
    sort: CandidatesSearchSort | Unset = UNSET,
    facets: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Problem | SearchPage | None:
    """Search candidates

    Args:
        q (str | Unset): Web-search syntax: words, "phrases", -exclusions, OR, prefix*. Default:
            ''.
        job (UUID | Unset):
        stage (list[UUID] | Unset): Repeat for any of several stages.
        status (CandidatesSearchStatus | Unset):
        skills (list[str] | Unset):
        skills_mode (CandidatesSearchSkillsMode | Unset):  Default:
            CandidatesSearchSkillsMode.ALL.
        location (list[str] | Unset): Repeat for any of several locations.
        tags (list[str] | Unset):
        source (str | Unset):
        applied_from (datetime.datetime | Unset):
        applied_to (datetime.datetime | Unset):
        years_min (float | Unset):
        years_max (float | Unset):
        sort (CandidatesSearchSort | Unset): relevance (default with q), newest (default without),
            or match: the applicants of `job` by their match score, best first, the unscored last.
        facets (bool | Unset):  Default: True.
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchPage
    """

    return sync_detailed(
        client=client,
        q=q,
        job=job,
        stage=stage,
        status=status,
        skills=skills,
        skills_mode=skills_mode,
        location=location,
        tags=tags,
        source=source,
        applied_from=applied_from,
        applied_to=applied_to,
        years_min=years_min,
        years_max=years_max,
        sort=sort,
        facets=facets,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = "",
    job: UUID | Unset = UNSET,
    stage: list[UUID] | Unset = UNSET,
    status: CandidatesSearchStatus | Unset = UNSET,
    skills: list[str] | Unset = UNSET,
    skills_mode: CandidatesSearchSkillsMode | Unset = CandidatesSearchSkillsMode.ALL,
    location: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    source: str | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    years_min: float | Unset = UNSET,
    years_max: float | Unset = UNSET,
    sort: CandidatesSearchSort | Unset = UNSET,
    facets: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Response[Problem | SearchPage]:
    """Search candidates

    Args:
        q (str | Unset): Web-search syntax: words, "phrases", -exclusions, OR, prefix*. Default:
            ''.
        job (UUID | Unset):
        stage (list[UUID] | Unset): Repeat for any of several stages.
        status (CandidatesSearchStatus | Unset):
        skills (list[str] | Unset):
        skills_mode (CandidatesSearchSkillsMode | Unset):  Default:
            CandidatesSearchSkillsMode.ALL.
        location (list[str] | Unset): Repeat for any of several locations.
        tags (list[str] | Unset):
        source (str | Unset):
        applied_from (datetime.datetime | Unset):
        applied_to (datetime.datetime | Unset):
        years_min (float | Unset):
        years_max (float | Unset):
        sort (CandidatesSearchSort | Unset): relevance (default with q), newest (default without),
            or match: the applicants of `job` by their match score, best first, the unscored last.
        facets (bool | Unset):  Default: True.
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchPage]
    """

    kwargs = _get_kwargs(
        q=q,
        job=job,
        stage=stage,
        status=status,
        skills=skills,
        skills_mode=skills_mode,
        location=location,
        tags=tags,
        source=source,
        applied_from=applied_from,
        applied_to=applied_to,
        years_min=years_min,
        years_max=years_max,
        sort=sort,
        facets=facets,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = "",
    job: UUID | Unset = UNSET,
    stage: list[UUID] | Unset = UNSET,
    status: CandidatesSearchStatus | Unset = UNSET,
    skills: list[str] | Unset = UNSET,
    skills_mode: CandidatesSearchSkillsMode | Unset = CandidatesSearchSkillsMode.ALL,
    location: list[str] | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    source: str | Unset = UNSET,
    applied_from: datetime.datetime | Unset = UNSET,
    applied_to: datetime.datetime | Unset = UNSET,
    years_min: float | Unset = UNSET,
    years_max: float | Unset = UNSET,
    sort: CandidatesSearchSort | Unset = UNSET,
    facets: bool | Unset = True,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 20,
) -> Problem | SearchPage | None:
    """Search candidates

    Args:
        q (str | Unset): Web-search syntax: words, "phrases", -exclusions, OR, prefix*. Default:
            ''.
        job (UUID | Unset):
        stage (list[UUID] | Unset): Repeat for any of several stages.
        status (CandidatesSearchStatus | Unset):
        skills (list[str] | Unset):
        skills_mode (CandidatesSearchSkillsMode | Unset):  Default:
            CandidatesSearchSkillsMode.ALL.
        location (list[str] | Unset): Repeat for any of several locations.
        tags (list[str] | Unset):
        source (str | Unset):
        applied_from (datetime.datetime | Unset):
        applied_to (datetime.datetime | Unset):
        years_min (float | Unset):
        years_max (float | Unset):
        sort (CandidatesSearchSort | Unset): relevance (default with q), newest (default without),
            or match: the applicants of `job` by their match score, best first, the unscored last.
        facets (bool | Unset):  Default: True.
        cursor (str | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchPage
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            job=job,
            stage=stage,
            status=status,
            skills=skills,
            skills_mode=skills_mode,
            location=location,
            tags=tags,
            source=source,
            applied_from=applied_from,
            applied_to=applied_to,
            years_min=years_min,
            years_max=years_max,
            sort=sort,
            facets=facets,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
