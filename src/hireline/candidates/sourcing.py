"""Adding a person by hand: someone a recruiter found, or a colleague referred.

They did not apply, so they get no "application received" e-mail; when added to a job, the
application says who added them in place of the candidate's consent.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import tasks
from hireline.candidates.applying import normalize_email
from hireline.candidates.events import CandidateEvent
from hireline.candidates.models import Activity, Application, Candidate, Resume
from hireline.candidates.repository import CandidateRepository
from hireline.candidates.schemas import CandidateAdd
from hireline.candidates.uploads import CheckedFile
from hireline.core import events
from hireline.core.errors import Conflict
from hireline.core.principal import Principal
from hireline.core.storage import FileStorage, content_digest, save_with_transaction
from hireline.jobs import service as jobs

CANDIDATE_ADDED = CandidateEvent.CANDIDATE_ADDED
ADDED_CONSENT = "(added by a recruiter; the person has not applied)"


class CandidateExists(Conflict):
    """A candidate with this e-mail address is already in the organisation."""

    def __init__(self, candidate_id: uuid.UUID) -> None:
        super().__init__(
            "A candidate with this e-mail address exists already.",
            candidate_id=str(candidate_id),
        )
        self.candidate_id = candidate_id


@dataclass(frozen=True, slots=True)
class Added:
    candidate: Candidate
    application: Application | None
    resume: Resume | None


async def add(
    session: AsyncSession,
    principal: Principal,
    storage: FileStorage,
    body: CandidateAdd,
    resume: CheckedFile | None,
) -> Added:
    """Create the candidate (and an application to `body.job_id`); every check comes first."""
    tenant_id = principal.tenant_id
    job = None
    if body.job_id is not None:
        job = await jobs.get(session, tenant_id, body.job_id)
        if job.status == "closed":
            raise Conflict("This job is closed; reopen it before adding people to it.")
    email = normalize_email(str(body.email)) if body.email else None
    if email is not None:
        existing = await CandidateRepository.working_for(session, tenant_id).candidate_id_by_email(
            email
        )
        if existing is not None:
            raise CandidateExists(existing)

    now = datetime.now(UTC)
    candidate = Candidate(
        tenant_id=tenant_id,
        email_normalized=email,
        email=str(body.email) if body.email else None,
        name=body.name,
        phone=body.phone,
        links=body.links,
        source=body.source,
        referred_by=body.referred_by,
        edited_fields=["name"],
    )
    session.add(candidate)
    await session.flush()
    session.add(
        Activity(
            tenant_id=tenant_id,
            candidate_id=candidate.id,
            actor_type=principal.kind,
            actor_id=principal.id,
            kind=CANDIDATE_ADDED,
            details={"source": body.source, "referred_by": body.referred_by},
        )
    )
    application = None
    if job is not None:
        stages = await jobs.stages_of(session, job)
        application = Application(
            tenant_id=tenant_id,
            job_id=job.id,
            candidate_id=candidate.id,
            stage_id=stages[0].id if stages else None,
            source=body.source,
            consent_at=now,
            consent_text=ADDED_CONSENT,
        )
        session.add(application)
        await session.flush()
    stored = None
    if resume is not None:
        key = f"{tenant_id}/resumes/{candidate.id}/{uuid.uuid4().hex}.{resume.extension}"
        await save_with_transaction(session, storage, key, resume.data)
        stored = Resume(
            tenant_id=tenant_id,
            candidate_id=candidate.id,
            application_id=application.id if application else None,
            storage_key=key,
            filename=resume.filename,
            content_type=resume.content_type,
            size=len(resume.data),
            sha256=content_digest(resume.data),
        )
        session.add(stored)
    await session.flush()
    await events.record(
        session,
        type=CANDIDATE_ADDED,
        payload={"candidate_id": str(candidate.id), "source": body.source},
        tenant_id=tenant_id,
    )
    if application is not None:
        # Scoring, the hiring team's e-mail and (with a résumé) parsing follow this event.
        payload: dict[str, object] = {
            "application_id": str(application.id),
            "candidate_id": str(candidate.id),
            "job_id": str(application.job_id),
            "source": body.source,
            "added_by_hand": True,
        }
        if stored is not None:
            payload["resume_id"] = str(stored.id)
        await events.record(
            session, type=CandidateEvent.APPLICATION_CREATED, payload=payload, tenant_id=tenant_id
        )
    elif stored is not None:
        await tasks.request_parse(session, stored)
    return Added(candidate, application, stored)


def from_form(
    name: str,
    email: str | None,
    phone: str | None,
    links: str | None,
    source: str,
    referred_by: str | None,
    job_id: uuid.UUID | str | None,
) -> CandidateAdd:
    """A form's fields (empty ones unset, links one a line) as a `CandidateAdd`; a pydantic
    `ValidationError` names the bad ones."""
    return CandidateAdd.model_validate(
        {
            "name": name,
            "email": email or None,
            "phone": phone or None,
            "links": [
                line for line in (links or "").replace(",", "\n").splitlines() if line.strip()
            ],
            "source": source,
            "referred_by": referred_by or None,
            "job_id": job_id or None,
        }
    )
