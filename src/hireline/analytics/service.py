"""The analytics reports, summed from the tenant's summaries, and their rebuilding."""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.analytics import histogram
from hireline.analytics.export import to_csv
from hireline.analytics.repository import AnalyticsRepository, Figures
from hireline.analytics.schemas import (
    Durations,
    Filters,
    Freshness,
    Funnel,
    FunnelStage,
    Offers,
    PipelineHealth,
    Reason,
    SourceFigures,
    SourceMonth,
    Sources,
    StageTime,
    TimeInStage,
    TimeToHire,
)
from hireline.core.errors import ValidationFailed
from hireline.core.principal import Principal
from hireline.jobs import service as jobs

# As long as an application's stored source may be.
MAX_SOURCE_LENGTH = 60
# An active application untouched this long needs someone's attention.
STALE_AFTER = timedelta(days=14)


async def filters(
    session: AsyncSession,
    principal: Principal,
    *,
    job_id: uuid.UUID | None,
    source: str | None,
    date_from: date | None,
    date_to: date | None,
) -> Filters:
    """The report's filters, checked: the job is the tenant's (404 otherwise), the dates in
    order, the source no longer than a stored one."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ValidationFailed(
            "The period ends before it starts.",
            errors=[{"loc": ["query", "to"], "msg": "before 'from'", "type": "date_order"}],
        )
    if source is not None and len(source) > MAX_SOURCE_LENGTH:
        raise ValidationFailed(
            f"A source is at most {MAX_SOURCE_LENGTH} characters.",
            errors=[{"loc": ["query", "source"], "msg": "too long", "type": "string_too_long"}],
        )
    if job_id is not None:
        await jobs.get(session, principal.tenant_id, job_id)
    return Filters(job_id=job_id, source=source or None, date_from=date_from, date_to=date_to)


async def _freshness(repository: AnalyticsRepository) -> Freshness:
    refreshed_at = await repository.freshness()
    if refreshed_at is None:
        return Freshness(refreshed_at=None, age_seconds=None)
    age = datetime.now(UTC) - refreshed_at
    return Freshness(refreshed_at=refreshed_at, age_seconds=max(0, int(age.total_seconds())))


async def freshness(session: AsyncSession) -> Freshness:
    """When the tenant's summaries, behind every report, were last rebuilt."""
    return await _freshness(AnalyticsRepository(session))


def _durations(row: Figures, prefix: str) -> Durations:
    counts = [int(getattr(row, column)) for column in histogram.columns(prefix)]
    return Durations(
        measured=sum(counts),
        median_hours=histogram.percentile(counts, 0.5),
        p75_hours=histogram.percentile(counts, 0.75),
        p90_hours=histogram.percentile(counts, 0.9),
    )


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


async def funnel(session: AsyncSession, scope: Filters) -> Funnel:
    """Applications per stage, the share that went on to the next, and where and why the
    others stopped."""
    repository = AnalyticsRepository(session)
    stages = await repository.stages(scope)
    ended: dict[int, list[Reason]] = {}
    for row in await repository.dropoffs(scope):
        ended.setdefault(row.stage_position, []).append(
            Reason(outcome=row.outcome, reason=row.reason, applications=int(row.applications))
        )
    totals = await repository.totals(scope)
    listed = []
    for index, row in enumerate(stages):
        following = stages[index + 1] if index + 1 < len(stages) else None
        reasons = ended.get(row.stage_position, []) if _single(stages, row) else []
        listed.append(
            FunnelStage(
                position=row.stage_position,
                name=row.stage_name,
                applications=int(row.reached),
                conversion_to_next=(
                    None if following is None else _share(int(following.reached), int(row.reached))
                ),
                rejected=sum(r.applications for r in reasons if r.outcome == "rejected"),
                withdrawn=sum(r.applications for r in reasons if r.outcome == "withdrawn"),
                reasons=reasons,
            )
        )
    return Funnel(
        freshness=await _freshness(repository),
        applications=int(totals.applications),
        stages=listed,
    )


def _single(stages: Sequence[Figures], row: Figures) -> bool:
    """Whether `row` is the only stage at its position (jobs whose pipelines differ share
    positions under several names; drop-offs are then given to the first name)."""
    same = [other for other in stages if other.stage_position == row.stage_position]
    return same[0] is row


async def time_in_stage(session: AsyncSession, scope: Filters) -> TimeInStage:
    repository = AnalyticsRepository(session)
    stages = [
        StageTime(position=row.stage_position, name=row.stage_name, time=_durations(row, "stay"))
        for row in await repository.stages(scope)
    ]
    return TimeInStage(freshness=await _freshness(repository), stages=stages)


async def time_to_hire(session: AsyncSession, scope: Filters) -> TimeToHire:
    repository = AnalyticsRepository(session)
    totals = await repository.totals(scope, "hire", "first")
    return TimeToHire(
        freshness=await _freshness(repository),
        applications=int(totals.applications),
        hires=int(totals.hired),
        time_to_hire=_durations(totals, "hire"),
        time_to_first_action=_durations(totals, "first"),
    )


async def sources(session: AsyncSession, scope: Filters) -> Sources:
    repository = AnalyticsRepository(session)
    figures = [
        SourceFigures(
            source=row.source,
            applications=int(row.applications),
            interviewed=int(row.interviewed),
            offered=int(row.offered),
            hired=int(row.hired),
        )
        for row in await repository.by_source(scope)
    ]
    monthly = [
        SourceMonth(month=row.month.date(), source=row.source, applications=int(row.applications))
        for row in await repository.monthly_by_source(scope)
    ]
    return Sources(freshness=await _freshness(repository), sources=figures, monthly=monthly)


async def offers(session: AsyncSession, scope: Filters) -> Offers:
    repository = AnalyticsRepository(session)
    totals = await repository.totals(scope, "accept")
    accepted, declined = int(totals.offers_accepted), int(totals.offers_declined)
    return Offers(
        freshness=await _freshness(repository),
        sent=int(totals.offers_sent),
        accepted=accepted,
        declined=declined,
        acceptance_rate=_share(accepted, accepted + declined),
        time_to_accept=_durations(totals, "accept"),
        in_band_share=_share(int(totals.offers_in_band), int(totals.offers_band_known)),
    )


async def health(session: AsyncSession, scope: Filters) -> PipelineHealth:
    """Work waiting on someone, as of the last rebuild (the period and source do not apply:
    these are today's applications and interviews)."""
    repository = AnalyticsRepository(session)
    row = await repository.health(scope.job_id)
    return PipelineHealth(
        freshness=await _freshness(repository),
        stale_after_days=STALE_AFTER.days,
        stale_applications=int(row.stale_applications),
        interviews_without_scorecards=int(row.interviews_without_scorecards),
    )


async def refresh(session: AsyncSession, now: datetime | None = None) -> int:
    """Rebuild the session's tenant's summaries; returns how long it took (ms)."""
    now = now or datetime.now(UTC)
    started = time.perf_counter()
    repository = AnalyticsRepository(session)
    await repository.rebuild(now, now - STALE_AFTER)
    took_ms = int((time.perf_counter() - started) * 1000)
    await repository.stamp(now, took_ms)
    return took_ms


REPORTS = {
    "funnel": funnel,
    "time-in-stage": time_in_stage,
    "time-to-hire": time_to_hire,
    "sources": sources,
    "offers": offers,
    "pipeline-health": health,
}


def as_csv(report: BaseModel) -> str:
    """The report as CSV text, one row per stage, source or figure."""
    return to_csv(report)
