"""Notifications other domains ask for: the door into this package."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import bulk
from hireline.core.principal import Principal
from hireline.identity import members
from hireline.identity.permissions import Role
from hireline.notifications.messages import RECRUITER_MESSAGE, WEBHOOK_ENDPOINT_DISABLED, Draft
from hireline.notifications.tasks import enqueue

ADMINISTRATORS = frozenset({Role.OWNER, Role.ADMIN})


async def notify_webhook_endpoint_disabled(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    *,
    endpoint_url: str,
    failing_since: datetime,
    last_error: str | None,
) -> None:
    """Tell the organisation's owners and admins that an endpoint was disabled.

    The messages are queued in the session's transaction (the one that disables the
    endpoint, scoped to `tenant_id`), so they go out only if the endpoint really is disabled.
    """
    for member in await members.list_members(session, tenant_id):
        if member.role not in ADMINISTRATORS:
            continue
        await enqueue(
            session,
            Draft(
                tenant_id=tenant_id,
                kind=WEBHOOK_ENDPOINT_DISABLED,
                # The same outage told twice (a retried caller) is one message per person.
                key=(
                    f"{WEBHOOK_ENDPOINT_DISABLED}:{endpoint_url}:{failing_since.isoformat()}"
                    f":{member.user_id}"
                ),
                params={
                    "user_id": str(member.user_id),
                    "endpoint_url": endpoint_url,
                    "failing_since": failing_since.isoformat(),
                    "last_error": last_error,
                },
            ),
        )


async def message_applicants(
    session: AsyncSession,
    principal: Principal,
    job_id: uuid.UUID,
    application_ids: list[uuid.UUID],
    *,
    subject: str,
    body: str,
) -> tuple[int, int]:
    """E-mail the candidates of the chosen applications a recruiter's own message; how many
    were queued, and how many skipped (not of this job, or gone)."""
    outcome = await bulk.applications(session, principal, job_id, application_ids)
    batch = uuid.uuid4().hex
    for application in outcome.done:
        await enqueue(
            session,
            Draft(
                tenant_id=principal.tenant_id,
                kind=RECRUITER_MESSAGE,
                key=f"{RECRUITER_MESSAGE}:{batch}:{application.candidate_id}",
                params={
                    "application_id": str(application.id),
                    "candidate_id": str(application.candidate_id),
                    "job_id": str(application.job_id),
                    "subject": subject,
                    "body": body,
                },
            ),
        )
        await bulk.record_message(session, principal, application, subject)
    return len(outcome.done), len(outcome.skipped)
