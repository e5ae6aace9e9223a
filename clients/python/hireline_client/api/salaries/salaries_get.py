from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.salaries_get_company_stage import SalariesGetCompanyStage
from ...models.salaries_get_level import SalariesGetLevel
from ...models.salary_band_read import SalaryBandRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    role: str,
    level: SalariesGetLevel,
    location: str | Unset = "us-national",
    industry: str | Unset = UNSET,
    certifications: str | Unset = UNSET,
    company_stage: SalariesGetCompanyStage | Unset = UNSET,
    framework_expertise: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["role"] = role

    json_level = level.value
    params["level"] = json_level

    params["location"] = location

    params["industry"] = industry

    params["certifications"] = certifications

    json_company_stage: str | Unset = UNSET
    if not isinstance(company_stage, Unset):
        json_company_stage = company_stage.value

    params["company_stage"] = json_company_stage

    params["framework_expertise"] = framework_expertise

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/salaries",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SalaryBandRead | None:
    if response.status_code == 200:
        response_200 = SalaryBandRead.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SalaryBandRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    role: str,
    level: SalariesGetLevel,
    location: str | Unset = "us-national",
    industry: str | Unset = UNSET,
    certifications: str | Unset = UNSET,
    company_stage: SalariesGetCompanyStage | Unset = UNSET,
    framework_expertise: bool | Unset = False,
) -> Response[Problem | SalaryBandRead]:
    """The salary band for a role, level and location, with adjustments

    Args:
        role (str):
        level (SalariesGetLevel):
        location (str | Unset): A key or name, e.g. "Austin, TX" Default: 'us-national'.
        industry (str | Unset): e.g. fintech, e-commerce, healthcare
        certifications (str | Unset): Comma-separated, e.g. aws,gcp
        company_stage (SalariesGetCompanyStage | Unset):
        framework_expertise (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SalaryBandRead]
    """

    kwargs = _get_kwargs(
        role=role,
        level=level,
        location=location,
        industry=industry,
        certifications=certifications,
        company_stage=company_stage,
        framework_expertise=framework_expertise,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    role: str,
    level: SalariesGetLevel,
    location: str | Unset = "us-national",
    industry: str | Unset = UNSET,
    certifications: str | Unset = UNSET,
    company_stage: SalariesGetCompanyStage | Unset = UNSET,
    framework_expertise: bool | Unset = False,
) -> Problem | SalaryBandRead | None:
    """The salary band for a role, level and location, with adjustments

    Args:
        role (str):
        level (SalariesGetLevel):
        location (str | Unset): A key or name, e.g. "Austin, TX" Default: 'us-national'.
        industry (str | Unset): e.g. fintech, e-commerce, healthcare
        certifications (str | Unset): Comma-separated, e.g. aws,gcp
        company_stage (SalariesGetCompanyStage | Unset):
        framework_expertise (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SalaryBandRead
    """

    return sync_detailed(
        client=client,
        role=role,
        level=level,
        location=location,
        industry=industry,
        certifications=certifications,
        company_stage=company_stage,
        framework_expertise=framework_expertise,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    role: str,
    level: SalariesGetLevel,
    location: str | Unset = "us-national",
    industry: str | Unset = UNSET,
    certifications: str | Unset = UNSET,
    company_stage: SalariesGetCompanyStage | Unset = UNSET,
    framework_expertise: bool | Unset = False,
) -> Response[Problem | SalaryBandRead]:
    """The salary band for a role, level and location, with adjustments

    Args:
        role (str):
        level (SalariesGetLevel):
        location (str | Unset): A key or name, e.g. "Austin, TX" Default: 'us-national'.
        industry (str | Unset): e.g. fintech, e-commerce, healthcare
        certifications (str | Unset): Comma-separated, e.g. aws,gcp
        company_stage (SalariesGetCompanyStage | Unset):
        framework_expertise (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SalaryBandRead]
    """

    kwargs = _get_kwargs(
        role=role,
        level=level,
        location=location,
        industry=industry,
        certifications=certifications,
        company_stage=company_stage,
        framework_expertise=framework_expertise,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    role: str,
    level: SalariesGetLevel,
    location: str | Unset = "us-national",
    industry: str | Unset = UNSET,
    certifications: str | Unset = UNSET,
    company_stage: SalariesGetCompanyStage | Unset = UNSET,
    framework_expertise: bool | Unset = False,
) -> Problem | SalaryBandRead | None:
    """The salary band for a role, level and location, with adjustments

    Args:
        role (str):
        level (SalariesGetLevel):
        location (str | Unset): A key or name, e.g. "Austin, TX" Default: 'us-national'.
        industry (str | Unset): e.g. fintech, e-commerce, healthcare
        certifications (str | Unset): Comma-separated, e.g. aws,gcp
        company_stage (SalariesGetCompanyStage | Unset):
        framework_expertise (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SalaryBandRead
    """

    return (
        await asyncio_detailed(
            client=client,
            role=role,
            level=level,
            location=location,
            industry=industry,
            certifications=certifications,
            company_stage=company_stage,
            framework_expertise=framework_expertise,
        )
    ).parsed
