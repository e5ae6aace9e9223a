# Strawberry types `field(description=...)` as returning Any, which strict mypy calls untyped.
# mypy: disable-error-code="untyped-decorator"
"""The entry points for reading: the same lists and lookups as the REST API's GET routes."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

import strawberry

from hireline.analytics import service as analytics
from hireline.candidates import service as candidates
from hireline.candidates.schemas import CandidateRead
from hireline.core.errors import NotFound
from hireline.graphql.analytics import Analytics
from hireline.graphql.limits import page_size
from hireline.graphql.types import (
    Application,
    Candidate,
    CandidatePage,
    Info,
    Job,
    JobPage,
)
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs


@strawberry.type
class Query:
    """Every field that can fail is nullable: its error then stays its own, where a non-null
    one would cancel its siblings mid-statement (graphql-core cancels them)."""

    @strawberry.field(description="Your organisation's jobs (those you may see), newest first.")
    async def jobs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        status: str | None = None,
    ) -> JobPage | None:
        context = info.context
        context.require(Action.JOBS_READ)
        among = await context.visible_jobs()
        found, next_cursor = await context.run(
            lambda s: jobs.page(
                s,
                context.principal.tenant_id,
                status=status,
                cursor=after,
                limit=page_size(first),
                among=among,
            )
        )
        return JobPage(items=[Job.of(job) for job in found], next_cursor=next_cursor)

    @strawberry.field
    async def job(self, info: Info, id: uuid.UUID) -> Job | None:
        context = info.context
        context.require(Action.JOBS_READ)
        await context.require_job_visible(id)
        return Job.of(await context.run(lambda s: jobs.get(s, context.principal.tenant_id, id)))

    @strawberry.field
    async def application(self, info: Info, id: uuid.UUID) -> Application | None:
        context = info.context
        context.require(Action.CANDIDATES_READ)
        found = await context.loaders.application.load(id)
        if found is None:
            raise NotFound("No application with this id.")
        return Application.of(found)

    @strawberry.field
    async def candidate(self, info: Info, id: uuid.UUID) -> Candidate | None:
        context = info.context
        context.require(Action.CANDIDATES_READ)
        await context.run(lambda s: candidates.require_candidate_visible(s, context.principal, id))
        found = await context.loaders.candidate.load(id)
        if found is None:
            raise NotFound("No candidate with this id.")
        return Candidate.of(found)

    @strawberry.field(description="Candidates newest first; q matches name or e-mail.")
    async def candidates(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        q: str | None = None,
        tag: str | None = None,
    ) -> CandidatePage | None:
        context = info.context
        context.require(Action.CANDIDATES_READ)
        among = await context.visible_jobs()
        found, next_cursor = await context.run(
            lambda s: candidates.page(
                s,
                context.principal.tenant_id,
                q=q,
                tag=tag,
                cursor=after,
                limit=page_size(first),
                among_jobs=among,
            )
        )
        reads = [CandidateRead.model_validate(candidate) for candidate in found]
        for read in reads:
            context.loaders.candidate.prime(read.id, read)
        return CandidatePage(items=[Candidate.of(r) for r in reads], next_cursor=next_cursor)

    @strawberry.field(
        description="The analytics reports, as under /v1/analytics: `job`, `source` and the "
        "days (UTC) applications arrived, `from` and `to`, select the applications."
    )
    async def analytics(
        self,
        info: Info,
        job: uuid.UUID | None = None,
        source: str | None = None,
        date_from: Annotated[date | None, strawberry.argument(name="from")] = None,
        date_to: Annotated[date | None, strawberry.argument(name="to")] = None,
    ) -> Analytics | None:
        context = info.context
        context.require(Action.ANALYTICS_READ)
        scope = await context.run(
            lambda s: analytics.filters(
                s,
                context.principal,
                job_id=job,
                source=source,
                date_from=date_from,
                date_to=date_to,
            )
        )
        return Analytics(scope=scope)
