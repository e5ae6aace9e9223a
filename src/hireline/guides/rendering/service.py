"""Rendering a guide from the tenant's template (or the built-in one) and salary figures."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.guides.rendering import render
from hireline.guides.salaries import service as salaries
from hireline.guides.templates import service as templates
from hireline.guides.templates import variants
from hireline.guides.templates.content import Industry as Industry
from hireline.guides.templates.content import Level as Level
from hireline.guides.templates.content import WorkContext as WorkContext

# The guide's sections a job description is made of (the job form previews them).
JOB_DESCRIPTION_SECTIONS = render.JOB_DESCRIPTION_SECTIONS


async def render_guide(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    key: str,
    *,
    version: int | None,
    level: Level,
    industry: Industry,
    context: WorkContext,
    location: str,
) -> render.Guide:
    """The guide of the tenant's template (or the built-in one) for one variant.

    ``location`` is resolved as the CLI resolves it (a key, a name such as "Austin, TX", or a
    location only the tenant's imported benchmarks price); an unknown one is a 422 that lists
    the closest matches, never a silent fallback to the national figure.
    """
    resolved = await templates.get(session, tenant_id, key, version=version)
    template = resolved.template
    by_location = await salaries.location_bands(session, tenant_id, template, level)
    try:
        location_key = variants.resolve_location(
            template, location, extra_keys=[row.location for row in by_location]
        )
    except variants.UnknownChoice as exc:
        raise variants.validation_failed(exc, ("body", "location")) from None
    request = render.GuideRequest(
        resolved.template, resolved.version, resolved.origin, level, industry, context, location_key
    )
    band = await salaries.band(
        session,
        tenant_id,
        render.band_query(request),
        template_for=lambda wanted: template if wanted == template.key else None,
    )
    return render.build(request, band, by_location)
