"""The candidates' queries: people, their applications, résumés and activity, in the
session's tenant. Match scores are the matching room's table, plugged in (`match_scores`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Select,
    case,
    delete,
    exists,
    func,
    literal,
    or_,
    select,
    true,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import insert

from hireline.candidates.match_scores import plugged
from hireline.candidates.models import (
    Activity,
    Application,
    Candidate,
    RejectionReason,
    Resume,
)
from hireline.core.repositories import Repository
from hireline.core.sql import contains_pattern

# A row of a job's applicant list: application, candidate, and its score and explanation.
ListedRow = tuple[Application, Candidate, float | None, dict[str, Any] | None]


class CandidateRepository(Repository):
    async def flush(self) -> None:
        """Write pending changes now, so that what the caller returns is as stored."""
        await self.session.flush()

    # --- candidates ---

    async def candidate(self, candidate_id: uuid.UUID) -> Candidate | None:
        return await self.session.get(Candidate, (self.tenant_id, candidate_id))

    async def fresh_candidate(self, candidate_id: uuid.UUID) -> Candidate | None:
        """The candidate as stored now (erased or not), over what the session holds."""
        return (
            await self.session.execute(
                self.owned(Candidate)
                .where(Candidate.id == candidate_id)
                .execution_options(populate_existing=True)
            )
        ).scalar_one_or_none()

    async def text_of(self, candidate_id: uuid.UUID) -> Any:
        """What semantic matching may read of the candidate (and whether they are erased)."""
        return (
            await self.session.execute(
                select(
                    Candidate.name,
                    Candidate.email,
                    Candidate.phone,
                    Candidate.links,
                    Candidate.headline,
                    Candidate.skills,
                    Candidate.resume_text,
                    Candidate.erased_at,
                ).where(Candidate.tenant_id == self.tenant_id, Candidate.id == candidate_id)
            )
        ).first()

    async def latest_parsed(self, candidate_id: uuid.UUID) -> dict[str, Any] | None:
        """What the newest parsed résumé of the candidate found."""
        parsed: dict[str, Any] | None = (
            await self.session.execute(
                select(Resume.parsed)
                .where(
                    Resume.tenant_id == self.tenant_id,
                    Resume.candidate_id == candidate_id,
                    Resume.parsed.is_not(None),
                )
                .order_by(Resume.created_at.desc(), Resume.id.desc())
                .limit(1)
            )
        ).scalar_one_or_none()
        return parsed

    async def live_applicant_ids(self, *, after: uuid.UUID | None, limit: int) -> list[uuid.UUID]:
        """Live candidates who applied to something, in id order, the first `limit` after
        `after`."""
        scope = select(Candidate.id).where(
            Candidate.tenant_id == self.tenant_id,
            Candidate.erased_at.is_(None),
            exists().where(
                Application.tenant_id == self.tenant_id, Application.candidate_id == Candidate.id
            ),
        )
        if after is not None:
            scope = scope.where(Candidate.id > after)
        rows = await self.session.execute(scope.order_by(Candidate.id).limit(limit))
        return list(rows.scalars())

    async def candidate_by_email(self, email_normalized: str) -> Candidate | None:
        return (
            await self.session.execute(
                self.owned(Candidate).where(Candidate.email_normalized == email_normalized)
            )
        ).scalar_one_or_none()

    async def candidate_id_by_email(self, email_normalized: str) -> uuid.UUID | None:
        return (
            await self.session.execute(
                select(Candidate.id).where(
                    Candidate.tenant_id == self.tenant_id,
                    Candidate.email_normalized == email_normalized,
                )
            )
        ).scalar_one_or_none()

    async def insert_candidate(self, **values: Any) -> uuid.UUID | None:
        """Insert a candidate unless one has the address already (then None): two first
        applications from one person may race, and the unique key settles it."""
        created = await self.session.execute(
            insert(Candidate)
            .values(tenant_id=self.tenant_id, **values)
            .on_conflict_do_nothing(index_elements=["tenant_id", "email_normalized"])
            .returning(Candidate.id)
        )
        return created.scalar_one_or_none()

    async def candidates(
        self,
        *,
        q: str | None,
        tag: str | None,
        after: uuid.UUID | None,
        limit: int,
        among_jobs: frozenset[uuid.UUID] | None,
    ) -> list[Candidate]:
        """Up to `limit` candidates newest first; `q` matches name or e-mail."""
        query = self.owned(Candidate).where(Candidate.erased_at.is_(None))
        if among_jobs is not None:
            query = query.where(
                select(Application.id)
                .where(
                    Application.tenant_id == self.tenant_id,
                    Application.candidate_id == Candidate.id,
                    Application.job_id.in_(among_jobs),
                )
                .exists()
            )
        if q:
            pattern = contains_pattern(q)
            query = query.where(or_(Candidate.name.ilike(pattern), Candidate.email.ilike(pattern)))
        if tag:
            query = query.where(Candidate.tags.contains([tag]))
        if after is not None:
            query = query.where(Candidate.id < after)
        result = await self.session.execute(query.order_by(Candidate.id.desc()).limit(limit))
        return list(result.scalars())

    # --- a candidate's résumés, applications and activity ---

    async def resume(self, resume_id: uuid.UUID, *, for_update: bool = False) -> Resume | None:
        return await self.session.get(
            Resume, (self.tenant_id, resume_id), with_for_update=for_update
        )

    async def resumes_of(self, candidate_id: uuid.UUID) -> list[Resume]:
        rows = await self.session.execute(
            self.owned(Resume).where(Resume.candidate_id == candidate_id).order_by(Resume.id.desc())
        )
        return list(rows.scalars())

    async def applications_of(self, candidate_id: uuid.UUID) -> list[Application]:
        rows = await self.session.execute(
            self.owned(Application)
            .where(Application.candidate_id == candidate_id)
            .order_by(Application.id.desc())
        )
        return list(rows.scalars())

    async def activities_of(self, candidate_id: uuid.UUID) -> list[Activity]:
        rows = await self.session.execute(
            self.owned(Activity).where(Activity.candidate_id == candidate_id).order_by(Activity.id)
        )
        return list(rows.scalars())

    async def recent_activity(self, limit: int) -> list[tuple[Activity, str | None]]:
        """The latest activity with each candidate's name, newest first."""
        rows = await self.session.execute(
            select(Activity, Candidate.name)
            .join(
                Candidate,
                (Candidate.tenant_id == Activity.tenant_id)
                & (Candidate.id == Activity.candidate_id),
            )
            .where(Activity.tenant_id == self.tenant_id)
            .order_by(Activity.id.desc())
            .limit(limit)
        )
        return [(activity, name) for activity, name in rows.all()]

    async def erase_traces(self, candidate_id: uuid.UUID) -> None:
        """Delete the person's résumés and empty what their applications and activity say."""
        await self.session.execute(
            delete(Resume).where(
                Resume.tenant_id == self.tenant_id, Resume.candidate_id == candidate_id
            )
        )
        await self.session.execute(
            update(Application)
            .where(
                Application.tenant_id == self.tenant_id, Application.candidate_id == candidate_id
            )
            .values(answers={}, consent_text="(erased)")
        )
        await self.session.execute(
            update(Activity)
            .where(Activity.tenant_id == self.tenant_id, Activity.candidate_id == candidate_id)
            .values(details={})
        )

    # --- applications ---

    async def application(self, application_id: uuid.UUID) -> Application | None:
        return await self.session.get(Application, (self.tenant_id, application_id))

    async def application_id_of(
        self, job_id: uuid.UUID, candidate_id: uuid.UUID
    ) -> uuid.UUID | None:
        return (
            await self.session.execute(
                select(Application.id).where(
                    Application.tenant_id == self.tenant_id,
                    Application.job_id == job_id,
                    Application.candidate_id == candidate_id,
                )
            )
        ).scalar_one_or_none()

    async def jobs_applied_to(
        self, candidate_id: uuid.UUID, application_id: uuid.UUID | None
    ) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """(application id, job id) of the candidate's applications (or just one)."""
        scope = select(Application.id, Application.job_id).where(
            Application.tenant_id == self.tenant_id, Application.candidate_id == candidate_id
        )
        if application_id is not None:
            scope = scope.where(Application.id == application_id)
        return [(row[0], row[1]) for row in (await self.session.execute(scope)).all()]

    async def job_of_application(self, application_id: uuid.UUID) -> uuid.UUID | None:
        return (
            await self.session.execute(
                select(Application.job_id).where(
                    Application.tenant_id == self.tenant_id, Application.id == application_id
                )
            )
        ).scalar_one_or_none()

    async def applied_to_any(self, candidate_id: uuid.UUID, job_ids: Iterable[uuid.UUID]) -> bool:
        found = await self.session.execute(
            select(Application.id)
            .where(
                Application.tenant_id == self.tenant_id,
                Application.candidate_id == candidate_id,
                Application.job_id.in_(list(job_ids)),
            )
            .limit(1)
        )
        return found.scalar_one_or_none() is not None

    async def count_applications(self, job_id: uuid.UUID, status: str) -> int:
        return int(
            (
                await self.session.execute(
                    select(func.count()).where(
                        Application.tenant_id == self.tenant_id,
                        Application.job_id == job_id,
                        Application.status == status,
                    )
                )
            ).scalar_one()
        )

    async def active_applications_locked(self, job_id: uuid.UUID) -> list[Application]:
        """The job's active applications, locked for the caller's change."""
        rows = await self.session.execute(
            self.owned(Application)
            .where(Application.job_id == job_id, Application.status == "active")
            .order_by(Application.id)
            .with_for_update()
        )
        return list(rows.scalars())

    async def applicant_counts(
        self, job_ids: list[uuid.UUID], since: datetime
    ) -> dict[uuid.UUID, tuple[int, int]]:
        rows = await self.session.execute(
            select(
                Application.job_id,
                func.count(),
                func.count().filter(Application.applied_at >= since),
            )
            .where(
                Application.tenant_id == self.tenant_id,
                Application.job_id.in_(job_ids),
                Application.status == "active",
            )
            .group_by(Application.job_id)
        )
        return {job_id: (total, new) for job_id, total, new in rows.all()}

    async def stage_counts(self, job_id: uuid.UUID) -> dict[uuid.UUID | None, int]:
        rows = await self.session.execute(
            select(Application.stage_id, func.count())
            .where(
                Application.tenant_id == self.tenant_id,
                Application.job_id == job_id,
                Application.status == "active",
            )
            .group_by(Application.stage_id)
        )
        return {stage_id: int(count) for stage_id, count in rows.all()}

    async def in_stages(self, stage_ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
        """How many applications, of any status, each of the stages holds."""
        rows = await self.session.execute(
            select(Application.stage_id, func.count())
            .where(Application.tenant_id == self.tenant_id, Application.stage_id.in_(stage_ids))
            .group_by(Application.stage_id)
        )
        return {stage_id: int(count) for stage_id, count in rows.all() if stage_id is not None}

    async def applications_in_stages(self, stage_ids: set[uuid.UUID]) -> list[Application]:
        """The applications, of any status, in any of the stages, oldest first."""
        rows = await self.session.execute(
            self.owned(Application)
            .where(Application.stage_id.in_(stage_ids))
            .order_by(Application.id)
        )
        return list(rows.scalars())

    # --- a job's applicants, newest or best match first ---

    def _listed(
        self,
        job_id: uuid.UUID,
        *,
        stage_id: uuid.UUID | None,
        status: str | None,
        applied_from: datetime | None,
        applied_to: datetime | None,
    ) -> Select[Any]:
        scores = plugged().model
        query = (
            select(Application, Candidate, scores.score, scores.explanation)
            .join(
                Candidate,
                (Candidate.tenant_id == Application.tenant_id)
                & (Candidate.id == Application.candidate_id),
            )
            .outerjoin(
                scores,
                (scores.tenant_id == Application.tenant_id)
                & (scores.application_id == Application.id),
            )
            .where(Application.tenant_id == self.tenant_id, Application.job_id == job_id)
        )
        if stage_id is not None:
            query = query.where(Application.stage_id == stage_id)
        if status is not None:
            query = query.where(Application.status == status)
        if applied_from is not None:
            query = query.where(Application.applied_at >= applied_from)
        if applied_to is not None:
            query = query.where(Application.applied_at < applied_to)
        return query

    async def applicants_newest(
        self,
        job_id: uuid.UUID,
        *,
        stage_id: uuid.UUID | None,
        status: str | None,
        applied_from: datetime | None,
        applied_to: datetime | None,
        after: uuid.UUID | None,
        limit: int,
    ) -> list[ListedRow]:
        query = self._listed(
            job_id,
            stage_id=stage_id,
            status=status,
            applied_from=applied_from,
            applied_to=applied_to,
        )
        if after is not None:
            query = query.where(Application.id < after)
        result = await self.session.execute(query.order_by(Application.id.desc()).limit(limit))
        return [(row[0], row[1], row[2], row[3]) for row in result.all()]

    async def applicants_by_match(
        self,
        job_id: uuid.UUID,
        *,
        stage_id: uuid.UUID | None,
        status: str | None,
        applied_from: datetime | None,
        applied_to: datetime | None,
        after: tuple[float, uuid.UUID] | None,
        limit: int,
    ) -> list[tuple[ListedRow, float]]:
        """Best match first, the unscored last; each row with the score it was ranked by."""
        scores = plugged().model
        query = self._listed(
            job_id,
            stage_id=stage_id,
            status=status,
            applied_from=applied_from,
            applied_to=applied_to,
        )
        # The page's applications are picked from applications and scores alone (its filters
        # are all on applications), then joined to candidates: a few primary-key reads,
        # whatever the size of the candidates table.
        score = func.coalesce(scores.score, -1.0)
        top = (
            select(Application.id, score.label("score"))
            .outerjoin(
                scores,
                (scores.tenant_id == Application.tenant_id)
                & (scores.job_id == Application.job_id)
                & (scores.application_id == Application.id),
            )
            .where(query.whereclause if query.whereclause is not None else true())
        )
        if after is not None:
            top = top.where(tuple_(score, Application.id) < tuple_(literal(after[0]), after[1]))
        page = top.order_by(score.desc(), Application.id.desc()).limit(limit).subquery()
        ranked = (
            query.add_columns(page.c.score)
            .join(page, Application.id == page.c.id)
            .order_by(page.c.score.desc(), Application.id.desc())
        )
        found = (await self.session.execute(ranked)).all()
        return [((row[0], row[1], row[2], row[3]), float(row[-1])) for row in found]

    async def board_ranks(
        self, job_id: uuid.UUID, per_stage: int, longer: Mapping[uuid.UUID, int] | None = None
    ) -> dict[uuid.UUID, tuple[float, int, int]]:
        """The first `per_stage + 1` active applications of each stage by match (of the
        stages in `longer`, that many + 1): for each, its ranking score, its rank in its
        stage and the stage's count."""
        scores = plugged().model
        score = func.coalesce(scores.score, -1.0)
        ranked = (
            select(
                Application.id.label("id"),
                Application.stage_id.label("stage_id"),
                score.label("score"),
                func.row_number()
                .over(
                    partition_by=Application.stage_id,
                    order_by=(score.desc(), Application.id.desc()),
                )
                .label("rank"),
                func.count().over(partition_by=Application.stage_id).label("total"),
            )
            .outerjoin(
                scores,
                (scores.tenant_id == Application.tenant_id)
                & (scores.job_id == Application.job_id)
                & (scores.application_id == Application.id),
            )
            .where(
                Application.tenant_id == self.tenant_id,
                Application.job_id == job_id,
                Application.status == "active",
            )
            .subquery()
        )
        picked = (
            await self.session.execute(
                select(ranked.c.id, ranked.c.score, ranked.c.rank, ranked.c.total).where(
                    ranked.c.rank
                    <= (
                        case(dict(longer), value=ranked.c.stage_id, else_=per_stage)
                        if longer
                        else per_stage
                    )
                    + 1
                )
            )
        ).all()
        return {row.id: (float(row.score), int(row.rank), int(row.total)) for row in picked}

    async def listed(self, application_ids: Iterable[uuid.UUID]) -> list[ListedRow]:
        """The applications with their candidates and scores, by key."""
        scores = plugged().model
        rows = await self.session.execute(
            select(Application, Candidate, scores.score, scores.explanation)
            .join(
                Candidate,
                (Candidate.tenant_id == Application.tenant_id)
                & (Candidate.id == Application.candidate_id),
            )
            .outerjoin(
                scores,
                (scores.tenant_id == Application.tenant_id)
                & (scores.application_id == Application.id),
            )
            .where(
                Application.tenant_id == self.tenant_id,
                Application.id.in_(list(application_ids)),
            )
        )
        return [(row[0], row[1], row[2], row[3]) for row in rows.all()]

    def _with_candidates_and_scores(self) -> Select[Any]:
        scores = plugged().model
        return (
            select(Application, Candidate, scores.score, scores.explanation)
            .join(
                Candidate,
                (Candidate.tenant_id == Application.tenant_id)
                & (Candidate.id == Application.candidate_id),
            )
            .outerjoin(
                scores,
                (scores.tenant_id == Application.tenant_id)
                & (scores.application_id == Application.id),
            )
            .where(Application.tenant_id == self.tenant_id)
        )

    async def applicants_of_jobs(
        self, job_ids: list[uuid.UUID], *, after: uuid.UUID | None, limit: int
    ) -> list[ListedRow]:
        """The first `limit` applications of each job, newest first: a window numbers each
        job's rows, so no job costs a statement of its own."""
        rank = (
            func.row_number()
            .over(partition_by=Application.job_id, order_by=Application.id.desc())
            .label("rank")
        )
        ranked = (
            select(Application.id.label("id"), rank)
            .where(
                Application.tenant_id == self.tenant_id,
                Application.job_id.in_(job_ids),
                Application.id < after if after is not None else true(),
            )
            .subquery()
        )
        query = (
            self._with_candidates_and_scores()
            .join(ranked, ranked.c.id == Application.id)
            .where(ranked.c.rank <= limit)
            .order_by(Application.job_id, Application.id.desc())
        )
        return [(row[0], row[1], row[2], row[3]) for row in (await self.session.execute(query))]

    async def applications_of_candidates(
        self, candidate_ids: list[uuid.UUID], *, among_jobs: frozenset[uuid.UUID] | None
    ) -> list[ListedRow]:
        query = self._with_candidates_and_scores().where(
            Application.candidate_id.in_(candidate_ids)
        )
        if among_jobs is not None:
            query = query.where(Application.job_id.in_(among_jobs))
        result = await self.session.execute(query.order_by(Application.id.desc()))
        return [(row[0], row[1], row[2], row[3]) for row in result]

    async def applications(self, application_ids: list[uuid.UUID]) -> list[Application]:
        result = await self.session.execute(
            self.owned(Application).where(Application.id.in_(application_ids))
        )
        return list(result.scalars())

    async def live_candidates(self, candidate_ids: list[uuid.UUID]) -> list[Candidate]:
        result = await self.session.execute(
            self.owned(Candidate).where(
                Candidate.id.in_(candidate_ids), Candidate.erased_at.is_(None)
            )
        )
        return list(result.scalars())

    # --- rejection reasons ---

    async def rejection_reasons(self) -> dict[str, str]:
        rows = await self.session.execute(
            select(RejectionReason.key, RejectionReason.label)
            .where(RejectionReason.tenant_id == self.tenant_id)
            .order_by(RejectionReason.position)
        )
        return {row.key: row.label for row in rows}

    async def clear_rejection_reasons(self) -> None:
        await self.session.execute(
            delete(RejectionReason).where(RejectionReason.tenant_id == self.tenant_id)
        )
