"""Role templates: the built-in ones, a tenant's forks, and their immutable versions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import Conflict, NotFound, ValidationFailed
from hireline.core.merge_patch import merge_patch
from hireline.core.principal import Principal
from hireline.guides.templates import search as template_search
from hireline.guides.templates.builtin import load_builtin_templates
from hireline.guides.templates.content import RoleTemplate
from hireline.guides.templates.models import TenantTemplate, TenantTemplateVersion
from hireline.guides.templates.repository import TemplateRepository
from hireline.guides.templates.schemas import VersionRead
from hireline.identity.audit import service as audit

Origin = Literal["built-in", "tenant"]


@dataclass(frozen=True)
class ResolvedTemplate:
    """A template's content with where it came from and which version it is."""

    template: RoleTemplate
    origin: Origin
    version: int
    forked_from: str | None = None


def _validate(content: dict[str, Any]) -> RoleTemplate:
    try:
        return RoleTemplate.model_validate(content)
    except ValidationError as exc:
        raise ValidationFailed(
            "The template is not valid after the change.",
            errors=[
                {
                    "loc": ["body", *(str(part) for part in error["loc"])],
                    "msg": error["msg"],
                    "type": error["type"],
                }
                for error in exc.errors()
            ],
        ) from None


async def list_templates(session: AsyncSession, tenant_id: uuid.UUID) -> list[ResolvedTemplate]:
    """Built-in templates and the tenant's own; a fork with a built-in's key replaces it."""
    own = {
        template.key: ResolvedTemplate(
            RoleTemplate.model_validate(version.content),
            "tenant",
            template.current_version,
            template.forked_from,
        )
        for template, version in await TemplateRepository(session).current_versions()
    }
    built_in = {
        key: ResolvedTemplate(template, "built-in", 1)
        for key, template in load_builtin_templates().items()
        if key not in own
    }
    return sorted([*built_in.values(), *own.values()], key=lambda t: t.template.key)


async def search_templates(
    session: AsyncSession, tenant_id: uuid.UUID, query: str
) -> list[ResolvedTemplate]:
    """The templates `query` names (title, key or alias such as "SWE"), best match first."""
    ranked = [
        (rank, resolved)
        for resolved in await list_templates(session, tenant_id)
        if (rank := template_search.match_rank(resolved.template, query)) > 0
    ]
    ranked.sort(key=lambda pair: (-pair[0], pair[1].template.title))
    return [resolved for _, resolved in ranked]


async def get(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, *, version: int | None = None
) -> ResolvedTemplate:
    """The tenant's template `key` (at `version`, default latest), else the built-in one."""
    repository = TemplateRepository(session)
    own = await repository.template(key)
    if own is not None:
        wanted = version or own.current_version
        stored = await repository.version(key, wanted)
        if stored is None:
            raise NotFound(f"Template {key!r} has no version {wanted}.")
        return ResolvedTemplate(
            RoleTemplate.model_validate(stored.content), "tenant", wanted, own.forked_from
        )
    template = load_builtin_templates().get(key)
    if template is None or (version not in (None, 1)):
        raise NotFound(f"No template {key!r}" + (f" at version {version}." if version else "."))
    return ResolvedTemplate(template, "built-in", 1)


async def fork(
    session: AsyncSession, principal: Principal, key: str, *, new_key: str | None
) -> ResolvedTemplate:
    """Copy a template into the tenant as version 1 of its own template."""
    source = await get(session, principal.tenant_id, key)
    target_key = new_key or key
    repository = TemplateRepository(session)
    if await repository.template(target_key) is not None:
        raise Conflict(
            f"Your organisation already has a template {target_key!r}; fork with another new_key.",
            field="new_key",
        )
    content = source.template.model_dump(mode="json") | {"key": target_key}
    template = _validate(content)
    await repository.add(
        TenantTemplate(
            tenant_id=principal.tenant_id, key=target_key, forked_from=key, current_version=1
        )
    )
    await repository.add(
        TenantTemplateVersion(
            tenant_id=principal.tenant_id,
            key=target_key,
            version=1,
            content=content,
            note=f"Forked from {key} ({source.origin} v{source.version})",
            created_by=principal.id,
        )
    )
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="template.forked",
        target_type="role_template",
        target_id=target_key,
        details={"from": key, "from_version": source.version},
    )
    return ResolvedTemplate(template, "tenant", 1, key)


async def edit(
    session: AsyncSession,
    principal: Principal,
    key: str,
    patch: dict[str, Any],
    *,
    note: str | None,
    expected_version: int | None,
) -> ResolvedTemplate:
    """Apply a JSON merge patch as a new immutable version of the tenant's template."""
    repository = TemplateRepository(session)
    own = await repository.template(key)
    if own is None:
        raise NotFound(f"Your organisation has no template {key!r}; fork it first.")
    if expected_version is not None and expected_version != own.current_version:
        raise Conflict(
            f"The template is at version {own.current_version}, not {expected_version}.",
            current_version=own.current_version,
        )
    if "key" in patch and patch["key"] != key:
        raise ValidationFailed(
            "A template's key cannot change; fork it under the new key instead.",
            errors=[{"loc": ["body", "key"], "msg": "cannot change", "type": "immutable"}],
        )
    current = await repository.version(key, own.current_version)
    assert current is not None
    content = merge_patch(current.content, patch)
    template = _validate(content)
    next_version = own.current_version + 1
    if not await repository.advance(key, own.current_version, next_version):
        raise Conflict("The template changed meanwhile; fetch it and try again.")
    await repository.add(
        TenantTemplateVersion(
            tenant_id=principal.tenant_id,
            key=key,
            version=next_version,
            content=template.model_dump(mode="json"),
            note=note,
            created_by=principal.id,
        )
    )
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="template.edited",
        target_type="role_template",
        target_id=key,
        details={"version": next_version, "fields": sorted(patch)},
    )
    return ResolvedTemplate(template, "tenant", next_version, own.forked_from)


async def versions(session: AsyncSession, tenant_id: uuid.UUID, key: str) -> list[VersionRead]:
    """Every version of the tenant's template, newest first; a built-in template has one."""
    repository = TemplateRepository(session)
    if await repository.template(key) is None:
        if key in load_builtin_templates():
            return [
                VersionRead(version=1, note="Built-in template", created_by=None, created_at=None)
            ]
        raise NotFound(f"No template {key!r}.")
    return [
        VersionRead.model_validate(v, from_attributes=True) for v in await repository.versions(key)
    ]


@dataclass(frozen=True)
class KitQuestion:
    """A bank question as an interview kit uses it (plain data, for other domains)."""

    id: str
    category: str
    topic: str
    question: str
    strong_answer: str
    skills: tuple[str, ...]
    levels: tuple[str, ...]


@dataclass(frozen=True)
class InterviewMaterial:
    """What a template offers to interview for one level: questions, tips, red flags."""

    questions: tuple[KitQuestion, ...]
    evaluation_tips: tuple[str, ...]
    red_flags: tuple[tuple[str, str, str], ...]  # (title, problem, instead)


async def interview_material(
    session: AsyncSession, tenant_id: uuid.UUID, key: str, version: int | None, level: str | None
) -> InterviewMaterial:
    """The template's questions suited to `level` (all of them without one), its evaluation
    tips and red flags; NotFound for an unknown template."""
    resolved = await get(session, tenant_id, key, version=version)
    template = resolved.template
    bank = template.interview_questions
    questions = [
        KitQuestion(
            id=f"{resolved.origin}:{template.key}:{q.key}",
            category=category,
            topic=q.topic,
            question=q.question,
            strong_answer=q.strong_answer,
            skills=tuple(q.skills),
            levels=tuple(q.levels),
        )
        for category, group in (
            ("technical", bank.technical),
            ("behavioral", bank.behavioral),
            ("culture", bank.culture),
        )
        for q in group
        if level is None or level in q.levels
    ]
    return InterviewMaterial(
        questions=tuple(questions),
        evaluation_tips=tuple(template.evaluation_tips),
        red_flags=tuple((flag.title, flag.problem, flag.instead) for flag in template.red_flags),
    )


async def bank_questions(session: AsyncSession, tenant_id: uuid.UUID) -> list[KitQuestion]:
    """Every question of the tenant's bank (templates' and its own), as kits use them."""
    from hireline.guides.questions import service as questions  # it imports this module

    return [
        KitQuestion(
            id=q.id,
            category=q.category,
            topic=q.topic,
            question=q.question,
            strong_answer=q.strong_answer,
            skills=tuple(q.skills),
            levels=tuple(q.levels),
        )
        for q in await questions.search(session, tenant_id, questions.QuestionFilter())
    ]
