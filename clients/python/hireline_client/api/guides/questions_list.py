from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.question_read import QuestionRead
from ...models.questions_list_category import QuestionsListCategory
from ...models.questions_list_level import QuestionsListLevel
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: QuestionsListCategory | Unset = UNSET,
    topic: str | Unset = UNSET,
    skill: str | Unset = UNSET,
    level: QuestionsListLevel | Unset = UNSET,
    role: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    params["topic"] = topic

    params["skill"] = skill

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    params["role"] = role

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/questions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[QuestionRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = QuestionRead.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | list[QuestionRead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: QuestionsListCategory | Unset = UNSET,
    topic: str | Unset = UNSET,
    skill: str | Unset = UNSET,
    level: QuestionsListLevel | Unset = UNSET,
    role: str | Unset = UNSET,
) -> Response[Problem | list[QuestionRead]]:
    """Search the question bank: built-in, from your templates, and your own

    Args:
        category (QuestionsListCategory | Unset):
        topic (str | Unset):
        skill (str | Unset):
        level (QuestionsListLevel | Unset):
        role (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[QuestionRead]]
    """

    kwargs = _get_kwargs(
        category=category,
        topic=topic,
        skill=skill,
        level=level,
        role=role,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    category: QuestionsListCategory | Unset = UNSET,
    topic: str | Unset = UNSET,
    skill: str | Unset = UNSET,
    level: QuestionsListLevel | Unset = UNSET,
    role: str | Unset = UNSET,
) -> Problem | list[QuestionRead] | None:
    """Search the question bank: built-in, from your templates, and your own

    Args:
        category (QuestionsListCategory | Unset):
        topic (str | Unset):
        skill (str | Unset):
        level (QuestionsListLevel | Unset):
        role (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[QuestionRead]
    """

    return sync_detailed(
        client=client,
        category=category,
        topic=topic,
        skill=skill,
        level=level,
        role=role,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: QuestionsListCategory | Unset = UNSET,
    topic: str | Unset = UNSET,
    skill: str | Unset = UNSET,
    level: QuestionsListLevel | Unset = UNSET,
    role: str | Unset = UNSET,
) -> Response[Problem | list[QuestionRead]]:
    """Search the question bank: built-in, from your templates, and your own

    Args:
        category (QuestionsListCategory | Unset):
        topic (str | Unset):
        skill (str | Unset):
        level (QuestionsListLevel | Unset):
        role (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[QuestionRead]]
    """

    kwargs = _get_kwargs(
        category=category,
        topic=topic,
        skill=skill,
        level=level,
        role=role,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: QuestionsListCategory | Unset = UNSET,
    topic: str | Unset = UNSET,
    skill: str | Unset = UNSET,
    level: QuestionsListLevel | Unset = UNSET,
    role: str | Unset = UNSET,
) -> Problem | list[QuestionRead] | None:
    """Search the question bank: built-in, from your templates, and your own

    Args:
        category (QuestionsListCategory | Unset):
        topic (str | Unset):
        skill (str | Unset):
        level (QuestionsListLevel | Unset):
        role (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[QuestionRead]
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            topic=topic,
            skill=skill,
            level=level,
            role=role,
        )
    ).parsed
