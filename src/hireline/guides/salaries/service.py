"""Salary bands: a tenant's own benchmark or the built-in one, with adjustments explained."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.core.errors import NotFound, ValidationFailed
from hireline.core.principal import Principal
from hireline.guides.salaries import importing as salary_import
from hireline.guides.salaries.repository import SalaryRepository
from hireline.guides.templates import variants
from hireline.guides.templates.builtin import load_builtin_templates
from hireline.guides.templates.content import CompensationFactor, Level, RoleTemplate
from hireline.identity.audit import service as audit

CompanyStage = Literal["startup", "established"]


@dataclass(frozen=True)
class BandQuery:
    """What the caller wants a salary band for."""

    role: str
    level: Level
    location: str
    industry: str | None = None
    certifications: tuple[str, ...] = ()
    company_stage: CompanyStage | None = None
    framework_expertise: bool = False


@dataclass(frozen=True)
class Adjustment:
    """One factor applied to the base band, with the amounts it moved each end."""

    key: str
    label: str
    kind: str
    unit: str
    low: int
    high: int
    min_delta: int
    max_delta: int
    basis: str
    explanation: str


@dataclass(frozen=True)
class SalaryBandResult:
    """The base band, where it came from, and the band after adjustments."""

    role: str
    level: str
    location: str
    location_name: str
    currency: str
    base_min: int
    base_max: int
    origin: Literal["tenant", "built-in"]
    source: str
    as_of: str
    basis: str
    adjustments: list[Adjustment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def adjusted_min(self) -> int:
        return self.base_min + sum(a.min_delta for a in self.adjustments)

    @property
    def adjusted_max(self) -> int:
        return self.base_max + sum(a.max_delta for a in self.adjustments)


@dataclass(frozen=True)
class LocationBand:
    """One level's base band in one location, as a row of the guide's comparison table."""

    location: str
    name: str
    kind: str
    market_note: str
    currency: str
    min: int
    max: int
    origin: Literal["tenant", "built-in"]


def built_in_location_bands(template: RoleTemplate, level: Level) -> list[LocationBand]:
    """The level's band in every location the template prices, in the template's order."""
    rows = []
    for salary in template.compensation.ranges:
        figures = template.compensation.band(level, salary.location)
        rows.append(
            LocationBand(
                salary.location,
                salary.name,
                salary.kind,
                salary.market_note,
                figures.currency,
                figures.min,
                figures.max,
                "built-in",
            )
        )
    return rows


async def location_bands(
    session: AsyncSession, tenant_id: uuid.UUID, template: RoleTemplate, level: Level
) -> list[LocationBand]:
    """The level's band in every location: the tenant's imported figure replaces the built-in
    one where it has one, and locations only the tenant prices follow the built-in ones."""
    own = await SalaryRepository(session).for_level(template.key, level)
    imported = {row.location: row for row in own}
    rows = []
    for row in built_in_location_bands(template, level):
        mine = imported.pop(row.location, None)
        if mine is not None:
            row = LocationBand(
                row.location,
                row.name,
                row.kind,
                row.market_note,
                mine.currency,
                mine.min_salary,
                mine.max_salary,
                "tenant",
            )
        rows.append(row)
    for key, mine in imported.items():
        rows.append(
            LocationBand(
                key,
                key,
                "imported",
                "Your benchmark",
                mine.currency,
                mine.min_salary,
                mine.max_salary,
                "tenant",
            )
        )
    return rows


async def resolve_query(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    role: str,
    level: Level,
    location: str,
    industry: str | None = None,
    certifications: tuple[str, ...] = (),
    company_stage: CompanyStage | None = None,
    framework_expertise: bool = False,
) -> BandQuery:
    """A band query with the location and industry resolved as the guides resolve them.

    The location may be a key or a name ("Austin, TX") of the role's built-in figures or of
    the tenant's imported ones; an unknown one is a 422 listing close matches. A role known
    neither way is left for `band` to report as not found.
    """
    template = load_builtin_templates().get(role)
    imported = await SalaryRepository(session).locations(role)
    resolved_industry: str | None = None
    try:
        if template is not None or imported:
            location = variants.resolve_location(template, location, extra_keys=imported)
        if industry is not None:
            resolved_industry = variants.resolve_industry(industry)
    except variants.UnknownChoice as exc:
        raise variants.validation_failed(exc, ("query", exc.field)) from None
    return BandQuery(
        role=role,
        level=level,
        location=location,
        industry=resolved_industry,
        certifications=certifications,
        company_stage=company_stage,
        framework_expertise=framework_expertise,
    )


def _round_hundred(amount: float) -> int:
    return round(amount / 100.0) * 100


def _applies(factor: CompensationFactor, query: BandQuery) -> bool:
    if factor.component != "base_salary":
        return False
    if factor.kind == "industry_premium":
        return query.industry is not None and query.industry in factor.industries
    if factor.kind == "certification":
        return bool(query.certifications)
    if factor.kind == "company_stage":
        return query.company_stage is not None and factor.key.endswith(query.company_stage)
    if factor.kind == "framework_expertise":
        return query.framework_expertise
    return False


def _adjust(template: RoleTemplate, query: BandQuery, low: int, high: int) -> list[Adjustment]:
    # Every adjustment is taken on the base band, not compounded, so each one's effect
    # reads on its own and the order they are listed in does not matter.
    applied = []
    for factor in template.compensation.factors:
        if not _applies(factor, query):
            continue
        change = factor.adjustment
        if change.unit == "percent":
            min_delta = _round_hundred(low * change.low / 100)
            max_delta = _round_hundred(high * change.high / 100)
        else:
            min_delta, max_delta = change.low, change.high
        applied.append(
            Adjustment(
                key=factor.key,
                label=factor.label,
                kind=factor.kind,
                unit=change.unit,
                low=change.low,
                high=change.high,
                min_delta=min_delta,
                max_delta=max_delta,
                basis=factor.basis,
                explanation=factor.explanation,
            )
        )
    return applied


def built_in_band(template: RoleTemplate, query: BandQuery) -> SalaryBandResult:
    """The band from the template's own figures, adjusted; needs no database."""
    guide = template.compensation
    location = query.location
    notes: list[str] = []
    if location not in {r.location for r in guide.ranges}:
        location = guide.national.location
        notes.append(
            f"No figures for {query.location!r}; the national average is shown. Known "
            f"locations: {', '.join(r.location for r in guide.ranges)}."
        )
    figures = guide.band(query.level, location)
    result = SalaryBandResult(
        role=query.role,
        level=query.level,
        location=location,
        location_name=figures.location_name,
        currency=figures.currency,
        base_min=figures.min,
        base_max=figures.max,
        origin="built-in",
        source=figures.source,
        as_of=figures.as_of,
        basis=figures.basis,
        notes=notes,
    )
    result.adjustments.extend(_adjust(template, query, result.base_min, result.base_max))
    return result


async def band(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    query: BandQuery,
    *,
    template_for: Callable[[str], RoleTemplate | None] | None = None,
) -> SalaryBandResult:
    """The band for `query`: the tenant's imported figure first, then the built-in one."""
    lookup = template_for or load_builtin_templates().get
    template = lookup(query.role)
    own = await SalaryRepository(session).benchmark(query.role, query.level, query.location)
    if own is None:
        if template is None:
            raise NotFound(
                f"No salary figures for role {query.role!r}: it is neither a built-in template "
                "nor in your imported benchmarks."
            )
        return built_in_band(template, query)
    location_name = query.location
    if template is not None:
        known = {r.location: r.name for r in template.compensation.ranges}
        location_name = known.get(query.location, query.location)
    result = SalaryBandResult(
        role=query.role,
        level=query.level,
        location=query.location,
        location_name=location_name,
        currency=own.currency,
        base_min=own.min_salary,
        base_max=own.max_salary,
        origin="tenant",
        source=own.source,
        as_of=own.as_of.isoformat(),
        basis="Imported by your organisation; it replaces the built-in figure.",
    )
    if template is not None:
        result.adjustments.extend(_adjust(template, query, result.base_min, result.base_max))
    elif query.industry or query.certifications or query.company_stage:
        result.notes.append("No adjustment factors are known for this role.")
    return result


async def import_benchmarks(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    payload: bytes,
    fmt: salary_import.ImportFormat,
    *,
    default_source: str,
    progress: salary_import.Progress | None = None,
) -> salary_import.ImportReport:
    """Validate a file and load its good rows for the tenant, in the caller's transaction."""
    report = salary_import.ImportReport()
    rows = salary_import.parse(
        payload, fmt, default_source=default_source, report=report, progress=progress
    )
    inserted, updated = await SalaryRepository(session).upsert(rows, progress)
    report.inserted += inserted
    report.updated += updated
    report.unchanged += len(rows) - inserted - updated
    return report


async def import_upload(
    session: AsyncSession,
    principal: Principal,
    payload: bytes,
    *,
    file_name: str | None,
    declared_format: str | None,
    source: str,
) -> salary_import.ImportReport:
    """An import sent through the API: its format found, its benchmarks loaded, audited."""
    if not source.strip():
        raise ValidationFailed(
            "source must not be blank.",
            errors=[{"loc": ["body", "source"], "msg": "must not be blank", "type": "value"}],
        )
    fmt = salary_import.format_of(file_name, payload, declared_format)
    report = await import_benchmarks(
        session, principal.tenant_id, payload, fmt, default_source=source.strip()
    )
    await audit.record(
        session,
        tenant_id=principal.tenant_id,
        actor=principal,
        action="salaries.imported",
        details={
            "file": file_name,
            "rows_read": report.rows_read,
            "inserted": report.inserted,
            "updated": report.updated,
            "rejected": report.rejected,
        },
    )
    return report
