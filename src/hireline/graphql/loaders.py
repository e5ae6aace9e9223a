"""One dataloader per relation: whatever the query's shape, each relation costs one
statement per level of the tree, not one per parent (Saleor's rule)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any, TypeVar

from strawberry.dataloader import DataLoader

from hireline.candidates import service as candidates
from hireline.candidates.schemas import ApplicationRead, CandidateRead
from hireline.core.errors import NotFound
from hireline.interviews import service as interviews
from hireline.interviews.schemas import InterviewRead, ScorecardRead
from hireline.jobs import service as jobs
from hireline.jobs.schemas import StageRead, StageRef
from hireline.offers import service as offers
from hireline.offers.schemas import OfferRead

if TYPE_CHECKING:
    from hireline.graphql.context import GraphQLContext

# A page of a job's applications is asked for by (job, page size, cursor).
PageKey = tuple[uuid.UUID, int, str | None]
Page = tuple[list[ApplicationRead], str | None]
T = TypeVar("T")


def application_read(listed: tuple[Any, Any, Any, Any]) -> ApplicationRead:
    """An application as listed (with stage and match), in the REST API's shape."""
    application, candidate, stage, match = listed
    read = ApplicationRead.model_validate(application)
    read.stage = StageRef.model_validate(stage) if stage is not None else None
    read.candidate_name, read.candidate_email = candidate.name, candidate.email
    read.match = match
    return read


class Loaders:
    """The request's loaders; rows one loader reads are primed into the others."""

    def __init__(self, context: GraphQLContext) -> None:
        self._context = context
        self.candidate = DataLoader[uuid.UUID, CandidateRead | None](self._candidates)
        self.application = DataLoader[uuid.UUID, ApplicationRead | None](self._applications)
        self.applications_of_job = DataLoader[PageKey, Page](self._job_pages)
        self.applications_of_candidate = DataLoader[uuid.UUID, list[ApplicationRead]](
            self._candidate_applications
        )
        self.stages_of_job = DataLoader[uuid.UUID, list[StageRead]](self._stages)
        # Interviews, scorecards and offers: the services' batched reads, which apply the
        # same per-principal rules as their one-application reads behind the REST routes.
        self.interviews_of_application = DataLoader[uuid.UUID, list[InterviewRead]](
            self._interviews
        )
        self.scorecards_of_application = DataLoader[uuid.UUID, list[ScorecardRead]](
            self._application_scorecards
        )
        self.scorecards_of_interview = DataLoader[uuid.UUID, list[ScorecardRead]](
            self._interview_scorecards
        )
        self.offers_of_application = DataLoader[uuid.UUID, list[OfferRead]](self._offers)

    def primed_candidate(self, candidate_id: uuid.UUID) -> CandidateRead | None:
        """The candidate if already loaded or primed (no waiting), else None."""
        future = self.candidate.cache_map.get(candidate_id)
        if future is None or not future.done() or future.exception() is not None:
            return None
        found: CandidateRead | None = future.result()
        return found

    @property
    def _tenant(self) -> uuid.UUID:
        return self._context.principal.tenant_id

    def _reads(self, rows: list[Any]) -> list[ApplicationRead]:
        """Applications as read, their candidates primed (the listing joined them)."""
        reads = []
        for row in rows:
            read = application_read(row)
            self.candidate.prime(read.candidate_id, CandidateRead.model_validate(row[1]))
            self.application.prime(read.id, read)
            reads.append(read)
        return reads

    async def _candidates(self, ids: list[uuid.UUID]) -> list[CandidateRead | None]:
        found = await self._context.run(
            lambda s: candidates.candidates_by_ids(s, self._tenant, ids)
        )
        return [CandidateRead.model_validate(found[i]) if i in found else None for i in ids]

    async def _applications(self, ids: list[uuid.UUID]) -> list[ApplicationRead | None]:
        found = await self._context.run(
            lambda s: candidates.listed_applications(s, self._tenant, ids)
        )
        visible = await self._context.visible_jobs()
        reads = {read.id: read for read in self._reads(list(found.values()))}
        return [
            reads[i] if i in reads and (visible is None or reads[i].job_id in visible) else None
            for i in ids
        ]

    async def _job_pages(self, keys: list[PageKey]) -> list[Page]:
        # Nested pages of many jobs share their size and (usually no) cursor: one statement
        # per distinct (size, cursor).
        wanted: dict[tuple[int, str | None], list[uuid.UUID]] = defaultdict(list)
        for job_id, limit, cursor in keys:
            wanted[(limit, cursor)].append(job_id)
        pages: dict[PageKey, Page] = {}
        for (limit, cursor), job_ids in wanted.items():
            found = await self._context.run(
                lambda s, ids=job_ids, n=limit, c=cursor: candidates.applications_of_jobs(  # type: ignore[misc]
                    s, self._tenant, ids, cursor=c, limit=n
                )
            )
            for job_id, (rows, next_cursor) in found.items():
                pages[(job_id, limit, cursor)] = (self._reads(rows), next_cursor)
        return [pages[key] for key in keys]

    async def _candidate_applications(self, ids: list[uuid.UUID]) -> list[list[ApplicationRead]]:
        visible = await self._context.visible_jobs()
        found = await self._context.run(
            lambda s: candidates.applications_of_candidates(
                s, self._tenant, ids, among_jobs=visible
            )
        )
        return [self._reads(found[i]) for i in ids]

    async def _stages(self, job_ids: list[uuid.UUID]) -> list[list[StageRead]]:
        found = await self._context.run(lambda s: jobs.stages_by_job(s, self._tenant, job_ids))
        return [[StageRead.model_validate(stage) for stage in found.get(i, [])] for i in job_ids]

    async def _interviews(self, ids: list[uuid.UUID]) -> list[list[InterviewRead] | BaseException]:
        principal = self._context.principal
        found = await self._context.run(
            lambda s: interviews.interviews_of_applications(s, principal, ids)
        )
        return _of_applications(ids, found)

    async def _application_scorecards(
        self, ids: list[uuid.UUID]
    ) -> list[list[ScorecardRead] | BaseException]:
        principal = self._context.principal
        found = await self._context.run(
            lambda s: interviews.scorecards_of_applications(s, principal, ids)
        )
        return [found[i] for i in ids]

    async def _interview_scorecards(
        self, ids: list[uuid.UUID]
    ) -> list[list[ScorecardRead] | BaseException]:
        principal = self._context.principal
        found = await self._context.run(
            lambda s: interviews.scorecards_of_interviews(s, principal, ids)
        )
        return [found[i] for i in ids]

    async def _offers(self, ids: list[uuid.UUID]) -> list[list[OfferRead] | BaseException]:
        principal = self._context.principal
        found = await self._context.run(lambda s: offers.of_applications(s, principal, ids))
        return _of_applications(ids, found)


def _of_applications(
    ids: list[uuid.UUID], found: dict[uuid.UUID, list[T]]
) -> list[list[T] | BaseException]:
    """Each application's list, or NotFound for one the service left out (as its
    one-application read raises): a loader's error for one key fails that key alone."""
    return [found[i] if i in found else NotFound("No application with this id.") for i in ids]
