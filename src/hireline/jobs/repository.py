"""The jobs' queries: jobs, their pipeline stages and hiring teams, in the session's tenant."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import Text, cast, delete, or_, select

from hireline.core.repositories import Repository
from hireline.core.sql import contains_pattern
from hireline.jobs.models import HiringTeamMember, Job, PipelineStage


class JobRepository(Repository):
    async def get(self, job_id: uuid.UUID) -> Job | None:
        return await self.session.get(Job, (self.tenant_id, job_id))

    async def fresh(self, job_ids: Iterable[uuid.UUID]) -> list[Job]:
        """The jobs as stored now, read again even if the session holds them."""
        rows = await self.session.execute(
            self.owned(Job)
            .where(Job.id.in_(list(job_ids)))
            .execution_options(populate_existing=True)
        )
        return list(rows.scalars())

    async def ids(self) -> list[uuid.UUID]:
        rows = await self.session.execute(
            select(Job.id).where(Job.tenant_id == self.tenant_id).order_by(Job.id)
        )
        return list(rows.scalars())

    async def open_jobs(
        self,
        *,
        q: str | None,
        department: str | None,
        location: str | None,
        remote: bool | None,
        after: uuid.UUID | None,
        limit: int,
    ) -> list[Job]:
        """Up to `limit` open jobs newest first, older than `after`, filtered."""
        query = self.owned(Job).where(Job.status == "open")
        if q:
            pattern = contains_pattern(q)
            query = query.where(
                or_(
                    Job.title.ilike(pattern),
                    Job.department.ilike(pattern),
                    Job.description.ilike(pattern),
                )
            )
        if department:
            query = query.where(Job.department.ilike(department))
        if location:
            query = query.where(cast(Job.locations, Text).ilike(contains_pattern(location)))
        if remote is True:
            query = query.where(Job.locations.contains([{"mode": "remote"}]))
        elif remote is False:
            query = query.where(~Job.locations.contains([{"mode": "remote"}]))
        if after is not None:
            query = query.where(Job.id < after)
        return list(
            (await self.session.execute(query.order_by(Job.id.desc()).limit(limit))).scalars()
        )

    async def refresh(self, job: Job) -> None:
        """Read back what the database filled in (defaults, timestamps)."""
        await self.session.refresh(job)

    async def page(
        self,
        *,
        status: str | None,
        after: uuid.UUID | None,
        limit: int,
        among: frozenset[uuid.UUID] | None,
        title: str | None = None,
        department: str | None = None,
    ) -> list[Job]:
        """Up to `limit` jobs newest first, older than `after` (ids are UUIDv7), narrowed to
        a status, a title holding `title` (any case) and a department, when given."""
        query = self.owned(Job)
        if among is not None:
            query = query.where(Job.id.in_(among))
        if status is not None:
            query = query.where(Job.status == status)
        if title:
            query = query.where(Job.title.ilike(contains_pattern(title)))
        if department is not None:
            query = query.where(Job.department == department)
        if after is not None:
            query = query.where(Job.id < after)
        return list(
            (await self.session.execute(query.order_by(Job.id.desc()).limit(limit))).scalars()
        )

    async def departments(self, among: frozenset[uuid.UUID] | None) -> list[str]:
        """The departments the jobs (only those `among`, when given) are in, sorted."""
        query = (
            select(Job.department)
            .where(Job.tenant_id == self.tenant_id, Job.department.is_not(None))
            .distinct()
            .order_by(Job.department)
        )
        if among is not None:
            query = query.where(Job.id.in_(among))
        return [name for name in (await self.session.execute(query)).scalars() if name]

    async def stages(self, job_ids: Iterable[uuid.UUID]) -> list[PipelineStage]:
        """The stages of the jobs, each job's in order."""
        rows = await self.session.execute(
            self.owned(PipelineStage)
            .where(PipelineStage.job_id.in_(list(job_ids)))
            .order_by(PipelineStage.job_id, PipelineStage.position)
        )
        return list(rows.scalars())

    async def stages_by_id(self, stage_ids: Iterable[uuid.UUID]) -> list[PipelineStage]:
        rows = await self.session.execute(
            self.owned(PipelineStage).where(PipelineStage.id.in_(list(stage_ids)))
        )
        return list(rows.scalars())

    async def stage_of_job(self, job_id: uuid.UUID, stage_id: uuid.UUID) -> PipelineStage | None:
        return (
            await self.session.execute(
                self.owned(PipelineStage).where(
                    PipelineStage.id == stage_id, PipelineStage.job_id == job_id
                )
            )
        ).scalar_one_or_none()

    async def teams(self, job_ids: Iterable[uuid.UUID]) -> list[HiringTeamMember]:
        rows = await self.session.execute(
            self.owned(HiringTeamMember).where(HiringTeamMember.job_id.in_(list(job_ids)))
        )
        return list(rows.scalars())

    async def clear_team(self, job_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(HiringTeamMember).where(
                HiringTeamMember.tenant_id == self.tenant_id, HiringTeamMember.job_id == job_id
            )
        )

    async def jobs_of_member(self, user_id: uuid.UUID) -> frozenset[uuid.UUID]:
        """The jobs whose hiring team `user_id` is on."""
        rows = await self.session.execute(
            self.owned(HiringTeamMember).where(HiringTeamMember.user_id == user_id)
        )
        return frozenset(member.job_id for member in rows.scalars())
