"""HTTP layer of role templates: list, read, fork and edit with versions."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status

from hireline.core.db import DbSession
from hireline.core.errors import BadRequest
from hireline.core.principal import Principal
from hireline.guides.templates import service
from hireline.guides.templates.schemas import (
    ForkRequest,
    TemplatePatch,
    TemplateRead,
    TemplateSummary,
    VersionRead,
)
from hireline.identity.dependencies import require
from hireline.identity.permissions import Action

router = APIRouter(prefix="/v1/guides/templates", tags=["guides"])

TemplateKey = Annotated[str, Path(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
_ETAG = re.compile(r'^(?:W/)?"[a-z0-9-]+-v(\d+)"$')


def _summary(resolved: service.ResolvedTemplate) -> TemplateSummary:
    template = resolved.template
    return TemplateSummary(
        key=template.key,
        title=template.title,
        family=template.family,
        summary=template.summary,
        aliases=list(template.aliases),
        origin=resolved.origin,
        version=resolved.version,
        forked_from=resolved.forked_from,
    )


def _read(resolved: service.ResolvedTemplate, response: Response) -> TemplateRead:
    response.headers["ETag"] = f'"{resolved.template.key}-v{resolved.version}"'
    return TemplateRead(
        **_summary(resolved).model_dump(), content=resolved.template.model_dump(mode="json")
    )


@router.get("", summary="Built-in role templates and your organisation's own, or those `q` names")
async def list_templates(
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_READ)],
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=80,
            description='Title, key or alias, e.g. "SWE", "PM", "product designer"; best first.',
        ),
    ] = None,
) -> list[TemplateSummary]:
    if q is not None:
        found = await service.search_templates(session, principal.tenant_id, q)
    else:
        found = await service.list_templates(session, principal.tenant_id)
    return [_summary(t) for t in found]


@router.get("/{key}", summary="One template's full content (latest or a given version)")
async def get_template(
    key: TemplateKey,
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_READ)],
    response: Response,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> TemplateRead:
    return _read(await service.get(session, principal.tenant_id, key, version=version), response)


@router.post(
    "/{key}/fork",
    status_code=status.HTTP_201_CREATED,
    summary="Copy a template into your organisation as version 1 of your own",
)
async def fork_template(
    key: TemplateKey,
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_WRITE)],
    response: Response,
    body: ForkRequest | None = None,
) -> TemplateRead:
    resolved = await service.fork(session, principal, key, new_key=body.new_key if body else None)
    return _read(resolved, response)


@router.patch(
    "/{key}",
    summary="Edit your template with a JSON merge patch; each edit is a new version",
    responses={409: {"description": "If-Match names an older version"}},
)
async def edit_template(
    key: TemplateKey,
    body: TemplatePatch,
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_WRITE)],
    response: Response,
    if_match: Annotated[
        str | None,
        Header(
            description="ETag of the version edited",
            json_schema_extra={"pattern": _ETAG.pattern},
        ),
    ] = None,
) -> TemplateRead:
    expected = None
    if if_match:  # an empty header is no precondition
        match = _ETAG.match(if_match.strip())
        if match is None:
            raise BadRequest('If-Match must be an ETag from GET, like "my-template-v3".')
        expected = int(match.group(1))
    resolved = await service.edit(
        session, principal, key, body.patch, note=body.note, expected_version=expected
    )
    return _read(resolved, response)


@router.get("/{key}/versions", summary="Every version of a template, newest first")
async def template_versions(
    key: TemplateKey,
    session: DbSession,
    principal: Annotated[Principal, require(Action.GUIDES_READ)],
) -> list[VersionRead]:
    return await service.versions(session, principal.tenant_id, key)
