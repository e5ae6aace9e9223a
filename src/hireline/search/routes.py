"""HTTP layer of candidate search."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import StringConstraints

from hireline.candidates.schemas import ApplicationStatus
from hireline.core.db import DbSession
from hireline.core.errors import PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.core.timestamps import Timestamp
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.search import query as search_query
from hireline.search import service
from hireline.search.schemas import SearchFilters, SearchPage, SearchSort, SkillsMode

# Registered before the candidates router, whose /v1/candidates/{candidate_id} would
# otherwise take "search" for an id.
router = APIRouter(prefix="/v1", tags=["search"])

Reader = Annotated[Principal, require(Action.CANDIDATES_READ)]
MAX_SEARCH_PAGE_SIZE = 100


@router.get("/candidates/search", summary="Search candidates")
async def search_candidates(
    session: DbSession,
    principal: Reader,
    q: Annotated[
        str,
        Query(
            max_length=search_query.MAX_QUERY_LENGTH,
            description='Web-search syntax: words, "phrases", -exclusions, OR, prefix*.',
        ),
    ] = "",
    job: uuid.UUID | None = None,
    stage: Annotated[
        list[uuid.UUID],
        Query(max_length=20, description="Repeat for any of several stages."),
    ] = [],  # noqa: B006  (FastAPI copies)
    status: ApplicationStatus | None = None,
    skills: Annotated[list[str], Query(max_length=20)] = [],  # noqa: B006  (FastAPI copies)
    skills_mode: SkillsMode = "all",
    location: Annotated[
        list[Annotated[str, StringConstraints(max_length=200)]],
        Query(max_length=20, description="Repeat for any of several locations."),
    ] = [],  # noqa: B006
    tags: Annotated[list[str], Query(max_length=20)] = [],  # noqa: B006
    source: Annotated[str | None, Query(max_length=60)] = None,
    applied_from: Timestamp | None = None,
    applied_to: Timestamp | None = None,
    years_min: Annotated[float | None, Query(ge=0, le=80)] = None,
    years_max: Annotated[float | None, Query(ge=0, le=80)] = None,
    sort: Annotated[
        SearchSort | None,
        Query(
            description="relevance (default with q), newest (default without), or match: the "
            "applicants of `job` by their match score, best first, the unscored last."
        ),
    ] = None,
    facets: bool = True,
    cursor: Annotated[str | None, Query(max_length=300)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_SEARCH_PAGE_SIZE)] = 20,
) -> SearchPage:
    if years_min is not None and years_max is not None and years_min > years_max:
        raise _invalid("years_min", "years_min is greater than years_max.")
    if applied_from is not None and applied_to is not None and applied_from > applied_to:
        raise _invalid("applied_from", "applied_from is after applied_to.")
    # Hiring managers and interviewers search among the applicants of one of their jobs.
    if await jobs.visible_job_ids(session, principal) is not None:
        if job is None:
            raise PermissionDenied(
                "Hiring managers and interviewers search within one of their jobs: give job."
            )
        await jobs.require_visible(session, principal, job)
    filters = SearchFilters(
        job_id=job,
        stage_ids=tuple(dict.fromkeys(stage)),
        status=status,
        skills=tuple(skill.strip() for skill in skills if skill.strip()),
        skills_mode=skills_mode,
        locations=tuple(dict.fromkeys(place.strip() for place in location if place.strip())),
        tags=tuple(tag.strip() for tag in tags if tag.strip()),
        source=source,
        applied_from=applied_from,
        applied_to=applied_to,
        years_min=years_min,
        years_max=years_max,
    )
    return await service.search(
        session,
        principal.tenant_id,
        query=search_query.parse(q),
        filters=filters,
        sort=sort,
        cursor=cursor,
        limit=limit,
        facets=facets,
    )


def _invalid(parameter: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        message, errors=[{"loc": ["query", parameter], "msg": message, "type": "value_error"}]
    )
