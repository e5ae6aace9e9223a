"""Scorecards: each interviewer's ratings, notes and recommendation, versioned on edit.

Feedback is hidden from whoever interviews the candidate until they have submitted their
own, so that nobody anchors on a colleague's verdict; people who do not interview the
candidate (recruiters, API integrations) read it at once.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates import service as candidates
from hireline.core import events
from hireline.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from hireline.core.principal import Principal
from hireline.identity.members import service as members
from hireline.identity.permissions import Action
from hireline.interviews import kits, plans
from hireline.interviews.events import InterviewEvent
from hireline.interviews.models import Interview, Scorecard, ScorecardVersion
from hireline.interviews.repository import InterviewRepository
from hireline.interviews.scheduling import user_id_of, visible, visible_among
from hireline.interviews.schemas import NO_EVIDENCE, RECOMMENDATIONS, ScorecardWrite


class FeedbackHidden(PermissionDenied):
    """An interviewer asked for colleagues' feedback before giving their own."""


async def submit(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID, body: ScorecardWrite
) -> Scorecard:
    """The caller's scorecard for an interview they sat on; a second submission is version 2."""
    repo = InterviewRepository(session)
    interview = await visible(session, principal, interview_id)
    user_id = user_id_of(principal)
    if user_id is None or user_id not in (await repo.panels([interview.id]))[interview.id]:
        raise PermissionDenied("Only the interview's panel submits scorecards for it.")
    if interview.status != "scheduled":
        raise Conflict("The interview was cancelled; it takes no scorecards.")
    kit = kits.Kit.load(interview.kit)
    errors = [
        {"loc": ["body", "ratings", key], "msg": "not an attribute of the kit", "type": "key"}
        for key in body.ratings
        if key not in kit.attribute_keys()
    ] + [
        {"loc": ["body", "notes", key], "msg": "not a question of the kit", "type": "key"}
        for key in body.notes
        if key not in kit.question_ids()
    ]
    if errors:
        raise ValidationFailed("The scorecard does not match the interview's kit.", errors=errors)
    ratings = {
        key: (None if body.ratings.get(key, NO_EVIDENCE) == NO_EVIDENCE else body.ratings[key])
        for key in [a.key for a in kit.attributes]
    }
    notes = {key: text for key, text in body.notes.items() if text.strip()}
    now = datetime.now(UTC)
    card = await repo.scorecard(interview.id, user_id)
    if card is None:
        card = Scorecard(
            tenant_id=repo.tenant_id,
            interview_id=interview.id,
            application_id=interview.application_id,
            interviewer_id=user_id,
            version=1,
            submitted_at=now,
        )
        session.add(card)
        kind = InterviewEvent.SCORECARD_SUBMITTED
    else:
        card.version += 1
        kind = InterviewEvent.SCORECARD_REVISED
    card.ratings = ratings
    card.notes = notes
    card.summary = body.summary
    card.recommendation = body.recommendation
    card.updated_at = now
    await session.flush()
    session.add(
        ScorecardVersion(
            tenant_id=repo.tenant_id,
            scorecard_id=card.id,
            version=card.version,
            ratings=ratings,
            notes=notes,
            summary=body.summary,
            recommendation=body.recommendation,
            submitted_at=now,
        )
    )
    await events.record(
        session,
        type=kind,
        payload={
            "scorecard_id": str(card.id),
            "interview_id": str(interview.id),
            "application_id": str(interview.application_id),
            "candidate_id": str(interview.candidate_id),
            "job_id": str(interview.job_id),
            "interviewer_id": str(user_id),
            "version": card.version,
            "recommendation": body.recommendation,
        },
        tenant_id=repo.tenant_id,
    )
    return card


# Why the principal may not read an application's (or interview's) feedback now.
Refusal = NotFound | FeedbackHidden


async def refusals(
    session: AsyncSession, principal: Principal, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Refusal | None]:
    """For each application, None if the principal may read its feedback now, else the error
    saying why not; a fixed number of statements, however many applications."""
    repo = InterviewRepository(session)
    existing = await candidates.applications_by_ids(session, repo.tenant_id, application_ids)
    user_id = user_id_of(principal)
    on_panel = await repo.on_panels(list(existing), user_id) if user_id is not None else set()
    submitted = await repo.submitted_for(list(on_panel), user_id) if user_id is not None else set()
    # Whoever neither interviews the candidate nor manages interviews learns nothing of it.
    outsider = frozenset() if principal.can(Action.INTERVIEWS_MANAGE) else set(existing) - on_panel
    found: dict[uuid.UUID, Refusal | None] = {}
    for application_id in application_ids:
        if application_id not in existing or application_id in outsider:
            found[application_id] = NotFound("No application with this id.")
        elif application_id in on_panel and application_id not in submitted:
            found[application_id] = FeedbackHidden(
                "Submit your own scorecard for this candidate first; "
                "colleagues' feedback stays hidden until then."
            )
        else:
            found[application_id] = None
    return found


async def may_read(session: AsyncSession, principal: Principal, application_id: uuid.UUID) -> None:
    """Raise unless the principal may read the application's feedback now."""
    refused = (await refusals(session, principal, [application_id]))[application_id]
    if refused is not None:
        raise refused


def _or_raise(found: list[Scorecard] | Refusal) -> list[Scorecard]:
    if isinstance(found, Exception):
        raise found
    return found


async def of_application(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> list[Scorecard]:
    return _or_raise((await of_applications(session, principal, [application_id]))[application_id])


async def of_applications(
    session: AsyncSession, principal: Principal, application_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[Scorecard] | Refusal]:
    """Each application's scorecards, or the error reading them alone would raise."""
    refused = await refusals(session, principal, application_ids)
    readable = [i for i, refusal in refused.items() if refusal is None]
    grouped: dict[uuid.UUID, list[Scorecard]] = {i: [] for i in readable}
    for card in await InterviewRepository(session).scorecards_of_applications(readable):
        grouped[card.application_id].append(card)
    return {i: refusal if refusal is not None else grouped[i] for i, refusal in refused.items()}


async def of_interview(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID
) -> list[Scorecard]:
    return _or_raise((await of_interviews(session, principal, [interview_id]))[interview_id])


async def of_interviews(
    session: AsyncSession, principal: Principal, interview_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[Scorecard] | Refusal]:
    """Each interview's scorecards, or the error reading them alone would raise: the
    interview must be visible (`scheduling.visible`), then its application's feedback."""
    interviews = await visible_among(session, principal, interview_ids)
    by_application = await of_applications(
        session, principal, list({i.application_id for i in interviews.values()})
    )
    found: dict[uuid.UUID, list[Scorecard] | Refusal] = {}
    for interview_id in interview_ids:
        interview = interviews.get(interview_id)
        if interview is None:
            found[interview_id] = NotFound("No interview with this id.")
            continue
        cards = by_application[interview.application_id]
        found[interview_id] = (
            cards
            if isinstance(cards, Exception)
            else [c for c in cards if c.interview_id == interview_id]
        )
    return found


async def own(
    session: AsyncSession, principal: Principal, interview_id: uuid.UUID
) -> Scorecard | None:
    """The caller's scorecard for the interview, if they submitted one (always readable)."""
    interview = await visible(session, principal, interview_id)
    user_id = user_id_of(principal)
    if user_id is None:
        return None
    return await InterviewRepository(session).scorecard(interview.id, user_id)


async def history(
    session: AsyncSession, principal: Principal, scorecard_id: uuid.UUID
) -> tuple[Scorecard, list[ScorecardVersion]]:
    """A scorecard and each version submitted, under the same hiding rule as the rest."""
    repo = InterviewRepository(session)
    card = await repo.scorecard_by_id(scorecard_id)
    if card is None:
        raise NotFound("No scorecard with this id.")
    if card.interviewer_id != user_id_of(principal):
        await may_read(session, principal, card.application_id)
    return card, await repo.versions(card.id)


async def names(session: AsyncSession) -> dict[uuid.UUID, str]:
    """Members' names by user id (for showing who rated what)."""
    tenant_id = InterviewRepository(session).tenant_id
    return {m.user_id: m.name or m.email for m in await members.list_members(session, tenant_id)}


@dataclass(frozen=True)
class GivenRating:
    interviewer_id: uuid.UUID
    interviewer_name: str | None
    interview_name: str
    rating: int | None


@dataclass(frozen=True)
class AttributeFeedback:
    key: str
    name: str
    kind: str
    ratings: list[GivenRating]

    @property
    def average(self) -> float | None:
        given = [r.rating for r in self.ratings if r.rating is not None]
        return round(sum(given) / len(given), 2) if given else None


@dataclass(frozen=True)
class Missing:
    interview: Interview
    interviewer_id: uuid.UUID
    interviewer_name: str | None


@dataclass(frozen=True)
class Summary:
    application_id: uuid.UUID
    attributes: list[AttributeFeedback]
    recommendations: dict[str, int]
    no_evidence_yet: list[kits.Requirement]
    missing: list[Missing]


async def summary(
    session: AsyncSession, principal: Principal, application_id: uuid.UUID
) -> Summary:
    """Per attribute who rated what, the recommendation spread, and the job's requirements
    that no scorecard has given evidence of yet."""
    await may_read(session, principal, application_id)
    repo = InterviewRepository(session)
    application = await candidates.get_application(session, repo.tenant_id, application_id)
    interviews = {i.id: i for i in await repo.interviews_of_application(application_id)}
    cards = await repo.scorecards_of_application(application_id)
    who = await names(session)
    by_attribute: dict[str, AttributeFeedback] = {}
    for card in cards:
        interview = interviews[card.interview_id]
        for attribute in kits.Kit.load(interview.kit).attributes:
            if attribute.key not in card.ratings:
                continue
            entry = by_attribute.setdefault(
                attribute.key,
                AttributeFeedback(attribute.key, attribute.name, attribute.kind, []),
            )
            entry.ratings.append(
                GivenRating(
                    card.interviewer_id,
                    who.get(card.interviewer_id),
                    interview.name,
                    card.ratings[attribute.key],
                )
            )
    spread = Counter(card.recommendation for card in cards)
    plan = await plans.get(session, principal, application.job_id)
    evidenced = {key for key, entry in by_attribute.items() if entry.average is not None}
    scored = {(card.interview_id, card.interviewer_id) for card in cards}
    panels = await repo.panels(interviews)
    now = datetime.now(UTC)
    missing = [
        Missing(interview, user_id, who.get(user_id))
        for interview in interviews.values()
        if interview.status == "scheduled" and interview.ends_at <= now
        for user_id in panels[interview.id]
        if (interview.id, user_id) not in scored
    ]
    return Summary(
        application_id=application_id,
        attributes=list(by_attribute.values()),
        recommendations={r: spread.get(r, 0) for r in RECOMMENDATIONS},
        no_evidence_yet=[r for r in plan.requirements if r.key not in evidenced],
        missing=missing,
    )
