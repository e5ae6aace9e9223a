"""Candidate search in the app: the web-search query box, facets as checkboxes,
highlighted excerpts, and the member's saved searches."""

from __future__ import annotations

import uuid
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from hireline.core.db import DbSession
from hireline.core.errors import Conflict, ValidationFailed
from hireline.identity.permissions import Action
from hireline.search import service as search
from hireline.search.saved import service as saved
from hireline.search.saved.schemas import SavedSearchCreate
from hireline.search.schemas import SearchFilters
from hireline.web.access import Visit, screen
from hireline.web.templating import render

router = APIRouter(include_in_schema=False)

Reader = Annotated[Visit, screen(Action.CANDIDATES_READ)]
PAGE = 20
FACET_VALUES = 12
Values = Annotated[list[str], Query(max_length=20)]


def _uuids(values: list[str]) -> tuple[uuid.UUID, ...]:
    """The values that are stage ids; anything else (a hand-edited address) is dropped."""
    found: list[uuid.UUID] = []
    for value in values:
        try:
            found.append(uuid.UUID(value))
        except ValueError:
            continue
    return tuple(dict.fromkeys(found))


def _clean(values: list[str]) -> list[str]:
    return [v.strip() for v in values if v.strip()][:20]


@router.get("/app/search")
async def search_screen(
    request: Request,
    session: DbSession,
    visit: Reader,
    q: Annotated[str, Query(max_length=500)] = "",
    skills: Values = [],  # noqa: B006  (FastAPI copies)
    location: Values = [],  # noqa: B006
    stage: Values = [],  # noqa: B006
    tags: Values = [],  # noqa: B006
    cursor: Annotated[str | None, Query(max_length=300)] = None,
    saved_as: Annotated[str | None, Query(max_length=100)] = None,
    error: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    chosen = {
        "skills": _clean(skills),
        "location": _clean(location),
        "stage": _clean(stage),
        "tags": _clean(tags),
    }
    filters = SearchFilters(
        stage_ids=_uuids(chosen["stage"]),
        skills=tuple(chosen["skills"]),
        locations=tuple(dict.fromkeys(chosen["location"])),
        tags=tuple(chosen["tags"]),
    )
    problem = error
    page = None
    try:
        page = await search.search(
            session,
            visit.principal.tenant_id,
            query=search.parse_query(q),
            filters=filters,
            sort=None,
            cursor=cursor,
            limit=PAGE,
        )
    except ValidationFailed as exc:
        problem = str(exc)
    params = [("q", q)] + [(name, v) for name, values in chosen.items() for v in values]
    return render(
        request,
        "search.html",
        {
            "visit": visit,
            "q": q,
            "chosen": chosen,
            "page": page,
            "facet_values": FACET_VALUES,
            "problem": problem,
            "saved": [
                (item, saved_url(item.query, item.filters))
                for item in await saved.list_saved(session, visit.principal)
            ],
            "saved_as": saved_as,
            "more_url": (
                f"/app/search?{urlencode([*params, ('cursor', page.next_cursor)])}"
                if page and page.next_cursor
                else None
            ),
            "filters_query": urlencode(params),
        },
    )


def saved_url(search_q: str, filters: dict[str, list[str]]) -> str:
    params: list[tuple[str, str]] = [("q", search_q)]
    params += [(name, value) for name, values in filters.items() for value in values]
    return f"/app/search?{urlencode(params)}"


@router.post("/app/search/saved")
async def save_search(
    request: Request,
    session: DbSession,
    visit: Reader,
    name: Annotated[str, Form(max_length=200)] = "",
    q: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    form = await request.form()
    filters = {
        key: _clean([str(v) for v in form.getlist(key)])
        for key in ("skills", "location", "stage", "tags")
        if form.getlist(key)
    }
    back = saved_url(q, filters)
    try:
        body = SavedSearchCreate(name=name, query=q, filters=filters)
        await saved.save(session, visit.principal, body)
    except ValidationError:
        return RedirectResponse(f"{back}&error=Name+the+search+(1+to+100+characters).", 303)
    except Conflict as exc:
        return RedirectResponse(f"{back}&{urlencode({'error': str(exc)})}", 303)
    return RedirectResponse(f"{back}&{urlencode({'saved_as': name.strip()})}", 303)


@router.post("/app/search/saved/{search_id}/delete")
async def delete_search(session: DbSession, visit: Reader, search_id: uuid.UUID) -> Response:
    await saved.delete(session, visit.principal, search_id)
    return RedirectResponse("/app/search", status_code=303)
