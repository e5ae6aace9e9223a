"""The organisation's offer letter templates: the built-in one until they write their own."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import NotFound, ValidationFailed
from hireline.core.principal import Principal
from hireline.identity.audit import service as audit
from hireline.identity.organization import service as tenants
from hireline.offers import letters
from hireline.offers.models import OfferLetterTemplate
from hireline.offers.repository import LetterTemplateRepository
from hireline.offers.schemas import LetterTemplateRead, LetterTemplateWrite


def _read(template: OfferLetterTemplate) -> LetterTemplateRead:
    return LetterTemplateRead(
        key=template.key,
        name=template.name,
        body=template.body,
        customised=True,
        fields=letters.FIELDS,
        updated_at=template.updated_at,
    )


def _built_in() -> LetterTemplateRead:
    return LetterTemplateRead(
        key=letters.DEFAULT_TEMPLATE_KEY,
        name=letters.DEFAULT_TEMPLATE_NAME,
        body=letters.DEFAULT_TEMPLATE_BODY,
        customised=False,
        fields=letters.FIELDS,
    )


def _unknown_template(key: str) -> ValidationFailed:
    return ValidationFailed(
        f"No offer letter template {key!r}; create it with PUT /v1/offer-templates/{key}.",
        errors=[{"loc": ["body", "template"], "msg": "unknown template", "type": "template"}],
    )


async def list_templates(session: AsyncSession) -> list[LetterTemplateRead]:
    """The organisation's templates; the built-in standard one unless they replaced it."""
    own = [_read(t) for t in await LetterTemplateRepository(session).all()]
    if all(t.key != letters.DEFAULT_TEMPLATE_KEY for t in own):
        own.insert(0, _built_in())
    return own


async def get_template(session: AsyncSession, key: str) -> LetterTemplateRead:
    own = await LetterTemplateRepository(session).get(key)
    if own is not None:
        return _read(own)
    if key == letters.DEFAULT_TEMPLATE_KEY:
        return _built_in()
    raise NotFound(f"No offer letter template {key!r}.")


async def template_body(session: AsyncSession, key: str) -> str:
    """The wording of template `key`; a 422 naming it when there is no such template."""
    try:
        return (await get_template(session, key)).body
    except NotFound:
        raise _unknown_template(key) from None


def _check_body(body: str) -> None:
    unknown = letters.unknown_fields(body)
    if unknown:
        raise ValidationFailed(
            "The template uses fields no letter can fill.",
            errors=[
                {
                    "loc": ["body", "body"],
                    "msg": f"unknown field {{{{ {name} }}}}; known: {', '.join(letters.FIELDS)}",
                    "type": "template_field",
                }
                for name in unknown
            ],
        )


async def put_template(
    session: AsyncSession, principal: Principal, key: str, body: LetterTemplateWrite
) -> LetterTemplateRead:
    """Create or replace template `key` (the placeholders checked first)."""
    _check_body(body.body)
    repository = LetterTemplateRepository(session)
    template = await repository.get(key)
    if template is None:
        template = OfferLetterTemplate(tenant_id=repository.tenant_id, key=key)
        session.add(template)
    template.name, template.body = body.name, body.body
    template.updated_by, template.updated_at = principal.id, datetime.now(UTC)
    await session.flush()
    await audit.record(
        session,
        tenant_id=repository.tenant_id,
        actor=principal,
        action="offer_template.updated",
        target_type="offer_template",
        target_id=key,
    )
    return _read(template)


async def preview(session: AsyncSession, principal: Principal, body: str) -> bytes:
    """A template's wording drawn as a PDF with sample facts and the organisation's name."""
    _check_body(body)
    organization = (await tenants.get(session, principal.tenant_id)).name
    facts = dataclasses.replace(letters.SAMPLE, organization=organization)
    text = letters.fill(body, facts)
    return letters.to_pdf(text, organization=organization, title="Offer letter preview")
