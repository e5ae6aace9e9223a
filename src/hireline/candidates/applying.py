"""Applying to an open job: one candidate per person per tenant, one application per job."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.events import CandidateEvent
from hireline.candidates.models import Activity, Application, Candidate, Resume
from hireline.candidates.repository import CandidateRepository
from hireline.candidates.schemas import CONSENT_TEXT, ApplicationCreated, ApplicationForm
from hireline.candidates.uploads import CheckedFile
from hireline.core import events
from hireline.core.errors import Conflict, NotFound
from hireline.core.ids import uuid7
from hireline.core.storage import FileStorage, content_digest, save_with_transaction
from hireline.jobs import service as jobs


def normalize_email(email: str) -> str:
    """The form two spellings of one address share: trimmed and lower-cased."""
    return email.strip().lower()


class AlreadyApplied(Conflict):
    """The person applied to this job before; names their application."""

    def __init__(self, application_id: uuid.UUID, candidate_id: uuid.UUID) -> None:
        super().__init__(
            "You have already applied to this job.",
            application=f"/v1/applications/{application_id}",
        )
        self.application_id = application_id
        self.candidate_id = candidate_id


class Organisation(Protocol):
    """The organisation applied to (identity's tenant): its id is what applying needs."""

    @property
    def id(self) -> uuid.UUID: ...


@dataclass(frozen=True)
class Applied:
    application: Application
    candidate: Candidate
    resume: Resume


async def apply(
    session: AsyncSession,
    storage: FileStorage,
    tenant: Organisation,
    job_id: uuid.UUID,
    form: ApplicationForm,
    resume: CheckedFile,
    *,
    source: str = "careers_page",
) -> Applied:
    """Record an application with its résumé; every check happens before anything is written."""
    job = await jobs.get(session, tenant.id, job_id)
    if job.status != "open":
        if job.status == "draft":
            raise NotFound("No open job with this id.")
        raise Conflict(f"This job is {job.status} and does not take applications.")
    email = normalize_email(str(form.email))
    people = CandidateRepository.working_for(session, tenant.id)
    candidate = await people.candidate_by_email(email)
    if candidate is not None:
        existing = await people.application_id_of(job.id, candidate.id)
        if existing is not None:
            raise AlreadyApplied(existing, candidate.id)
    stages = await jobs.stages_of(session, job)
    now = datetime.now(UTC)

    if candidate is None:
        # Two first applications from one person may race; the unique key settles it.
        candidate_id = await people.insert_candidate(
            id=uuid7(),
            email_normalized=email,
            email=str(form.email),
            name=form.name,
            phone=form.phone,
            links=form.links,
            source=source,
        )
        candidate = await people.candidate_by_email(email)
        assert candidate is not None  # inserted, or there already
        if candidate_id is None:
            candidate.updated_at = now
    else:
        # A returning applicant's new details fill gaps but never overwrite edits.
        candidate.links = list(dict.fromkeys([*candidate.links, *form.links]))
        if candidate.phone is None and "phone" not in candidate.edited_fields:
            candidate.phone = form.phone
        candidate.updated_at = now
    await session.flush()

    application = Application(
        tenant_id=tenant.id,
        job_id=job.id,
        candidate_id=candidate.id,
        stage_id=stages[0].id if stages else None,
        answers=form.answers,
        source=source,
        consent_at=now,
        consent_text=CONSENT_TEXT,
    )
    session.add(application)
    await session.flush()

    key = f"{tenant.id}/resumes/{candidate.id}/{uuid.uuid4().hex}.{resume.extension}"
    await save_with_transaction(session, storage, key, resume.data)
    stored = Resume(
        tenant_id=tenant.id,
        candidate_id=candidate.id,
        application_id=application.id,
        storage_key=key,
        filename=resume.filename,
        content_type=resume.content_type,
        size=len(resume.data),
        sha256=content_digest(resume.data),
    )
    session.add(stored)
    session.add(
        Activity(
            tenant_id=tenant.id,
            candidate_id=candidate.id,
            application_id=application.id,
            actor_type="candidate",
            actor_id=str(candidate.id),
            kind="application.created",
            details={"job_id": str(job.id), "job_title": job.title, "source": source},
        )
    )
    await session.flush()
    await events.record(
        session,
        type=CandidateEvent.APPLICATION_CREATED,
        payload={
            "application_id": str(application.id),
            "candidate_id": str(candidate.id),
            "job_id": str(job.id),
            "resume_id": str(stored.id),
        },
        tenant_id=tenant.id,
    )
    return Applied(application, candidate, stored)


def receipt(applied: Applied) -> ApplicationCreated:
    """What the applicant is told about their application."""
    return ApplicationCreated(
        id=applied.application.id,
        candidate_id=applied.candidate.id,
        job_id=applied.application.job_id,
        status=applied.application.status,
        applied_at=applied.application.applied_at,
    )


async def apply_anonymously(
    session: AsyncSession,
    storage: FileStorage,
    tenant: Organisation,
    job_id: uuid.UUID,
    form: ApplicationForm,
    resume: CheckedFile,
    *,
    source: str = "careers_page",
) -> ApplicationCreated:
    """Apply for someone the server cannot identify: a repeated application looks like a
    first one, so that no one learns from the answer whether an address applied.

    The person behind the address is e-mailed that they had applied already; nothing of the
    second submission is kept. The receipt's ids are then fresh ones that lead nowhere (an
    anonymous caller can read no application anyway).
    """
    try:
        return receipt(await apply(session, storage, tenant, job_id, form, resume, source=source))
    except AlreadyApplied as repeated:
        await events.record(
            session,
            type=CandidateEvent.APPLICATION_RESUBMITTED,
            payload={
                "application_id": str(repeated.application_id),
                "candidate_id": str(repeated.candidate_id),
                "job_id": str(job_id),
            },
            tenant_id=tenant.id,
        )
        return ApplicationCreated(
            id=uuid7(),
            candidate_id=uuid7(),
            job_id=job_id,
            status="active",
            applied_at=datetime.now(UTC),
        )
