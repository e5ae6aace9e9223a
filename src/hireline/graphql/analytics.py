# Strawberry types `field(description=...)` as returning Any, which strict mypy calls untyped.
# mypy: disable-error-code="untyped-decorator"
"""The analytics reports in the schema: the REST reports' shapes, built by the same service
functions from the same checked filters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import TypeVar

import strawberry
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from hireline.analytics import schemas, service
from hireline.graphql.context import GraphQLContext

Info = strawberry.Info[GraphQLContext, None]
Report = TypeVar("Report", bound=BaseModel)


@strawberry.type(description="When the figures were computed; null until the first rebuild.")
class Freshness:
    refreshed_at: datetime | None
    age_seconds: int | None


@strawberry.type(description="Percentiles of a duration in hours (histogram bucket bounds).")
class Durations:
    measured: int
    median_hours: int | None
    p75_hours: int | None
    p90_hours: int | None


@strawberry.type
class Reason:
    outcome: str
    reason: str
    applications: int


@strawberry.type
class FunnelStage:
    position: int
    name: str
    applications: int
    conversion_to_next: float | None
    rejected: int
    withdrawn: int
    reasons: list[Reason]


@strawberry.type
class Funnel:
    freshness: Freshness
    applications: int
    stages: list[FunnelStage]


@strawberry.type
class StageTime:
    position: int
    name: str
    time: Durations


@strawberry.type
class TimeInStage:
    freshness: Freshness
    stages: list[StageTime]


@strawberry.type
class TimeToHire:
    freshness: Freshness
    applications: int
    hires: int
    time_to_hire: Durations
    time_to_first_action: Durations


@strawberry.type
class SourceFigures:
    source: str
    applications: int
    interviewed: int
    offered: int
    hired: int


@strawberry.type
class SourceMonth:
    month: date
    source: str
    applications: int


@strawberry.type
class Sources:
    freshness: Freshness
    sources: list[SourceFigures]
    monthly: list[SourceMonth]


@strawberry.type
class Offers:
    freshness: Freshness
    sent: int
    accepted: int
    declined: int
    acceptance_rate: float | None
    time_to_accept: Durations
    in_band_share: float | None


@strawberry.type
class PipelineHealth:
    freshness: Freshness
    stale_after_days: int
    stale_applications: int
    interviews_without_scorecards: int


def _freshness(read: schemas.Freshness) -> Freshness:
    return Freshness(**read.model_dump())


def _durations(read: schemas.Durations) -> Durations:
    return Durations(**read.model_dump())


@strawberry.type(
    description="The analytics reports over the applications the filters select; the "
    "figures come from summaries a periodic job rebuilds (see `freshness`)."
)
class Analytics:
    scope: strawberry.Private[schemas.Filters]

    async def _report(
        self, info: Info, build: Callable[[AsyncSession, schemas.Filters], Awaitable[Report]]
    ) -> Report:
        return await info.context.run(lambda s: build(s, self.scope))

    @strawberry.field(description="When the summaries behind every report were rebuilt.")
    async def freshness(self, info: Info) -> Freshness | None:
        return _freshness(await info.context.run(service.freshness))

    @strawberry.field(description="Applications per stage, conversion and drop-off reasons.")
    async def funnel(self, info: Info) -> Funnel | None:
        read = await self._report(info, service.funnel)
        return Funnel(
            freshness=_freshness(read.freshness),
            applications=read.applications,
            stages=[
                FunnelStage(
                    position=stage.position,
                    name=stage.name,
                    applications=stage.applications,
                    conversion_to_next=stage.conversion_to_next,
                    rejected=stage.rejected,
                    withdrawn=stage.withdrawn,
                    reasons=[Reason(**reason.model_dump()) for reason in stage.reasons],
                )
                for stage in read.stages
            ],
        )

    @strawberry.field(description="Median, 75th and 90th percentile of the time in each stage.")
    async def time_in_stage(self, info: Info) -> TimeInStage | None:
        read = await self._report(info, service.time_in_stage)
        return TimeInStage(
            freshness=_freshness(read.freshness),
            stages=[
                StageTime(position=stage.position, name=stage.name, time=_durations(stage.time))
                for stage in read.stages
            ],
        )

    @strawberry.field(description="Time from applying to hire and to the first action.")
    async def time_to_hire(self, info: Info) -> TimeToHire | None:
        read = await self._report(info, service.time_to_hire)
        return TimeToHire(
            freshness=_freshness(read.freshness),
            applications=read.applications,
            hires=read.hires,
            time_to_hire=_durations(read.time_to_hire),
            time_to_first_action=_durations(read.time_to_first_action),
        )

    @strawberry.field(description="Applications, interviews, offers and hires per source.")
    async def sources(self, info: Info) -> Sources | None:
        read = await self._report(info, service.sources)
        return Sources(
            freshness=_freshness(read.freshness),
            sources=[SourceFigures(**figures.model_dump()) for figures in read.sources],
            monthly=[SourceMonth(**month.model_dump()) for month in read.monthly],
        )

    @strawberry.field(description="Acceptance rate, time to accept, share within the band.")
    async def offers(self, info: Info) -> Offers | None:
        read = await self._report(info, service.offers)
        return Offers(
            freshness=_freshness(read.freshness),
            sent=read.sent,
            accepted=read.accepted,
            declined=read.declined,
            acceptance_rate=read.acceptance_rate,
            time_to_accept=_durations(read.time_to_accept),
            in_band_share=read.in_band_share,
        )

    @strawberry.field(description="Stale applications and interviews missing scorecards.")
    async def pipeline_health(self, info: Info) -> PipelineHealth | None:
        read = await self._report(info, service.health)
        return PipelineHealth(
            freshness=_freshness(read.freshness),
            stale_after_days=read.stale_after_days,
            stale_applications=read.stale_applications,
            interviews_without_scorecards=read.interviews_without_scorecards,
        )
