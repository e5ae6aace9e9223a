"""What résumé parsing found: kept on the résumé, merged into the candidate's profile.

A recruiter's edit wins over any résumé: a field named in `Candidate.edited_fields` is never
written by parsing. Otherwise the newest résumé describes the person (its skills, years and
location replace the previous résumé's), and contact details only fill gaps.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hireline.candidates.events import CandidateEvent
from hireline.candidates.models import Activity, Candidate, Resume
from hireline.candidates.repository import CandidateRepository
from hireline.core import events
from hireline.core.text_input import without_nul_characters

PARSED = "parsed"
FAILED = "failed"
PENDING = "pending"


async def record_parse(
    session: AsyncSession,
    resume: Resume,
    *,
    parsed: dict[str, Any] | None,
    error: str | None,
) -> None:
    """Store a parse's outcome on the résumé, update the profile, and say what happened."""
    # A PDF's text can hold NULs (unmapped glyphs), which PostgreSQL cannot store.
    parsed, error = without_nul_characters(parsed), without_nul_characters(error)
    resume.parsed_at = datetime.now(UTC)
    candidate = await CandidateRepository.working_for(session, resume.tenant_id).candidate(
        resume.candidate_id
    )
    if parsed is None:
        resume.parse_status, resume.parse_error = FAILED, error or "The file could not be read."
        await _tell(
            session, resume, CandidateEvent.RESUME_PARSE_FAILED, {"reason": resume.parse_error}
        )
        return
    fields = dict(parsed)
    resume.text = fields.pop("text", None)
    resume.parsed = fields
    resume.parse_status, resume.parse_error = PARSED, None
    updated = [] if candidate is None or candidate.erased_at else merge_into(candidate, fields)
    await _tell(
        session,
        resume,
        CandidateEvent.RESUME_PARSED,
        {"skills": fields.get("skills", []), "updated_fields": updated},
    )


def merge_into(candidate: Candidate, parsed: dict[str, Any]) -> list[str]:
    """Copy parsed facts onto the profile where allowed; the names of the fields changed."""
    protected = set(candidate.edited_fields)
    proposals: dict[str, Any] = {}
    if not candidate.name and parsed.get("name"):
        proposals["name"] = parsed["name"]
    if not candidate.phone and parsed.get("phones"):
        proposals["phone"] = parsed["phones"][0]
    history = parsed.get("work_history") or []
    if not candidate.headline and history and history[0].get("title"):
        proposals["headline"] = history[0]["title"][:300]
    if parsed.get("skills"):
        proposals["skills"] = list(parsed["skills"])
    if parsed.get("location"):
        proposals["location"] = str(parsed["location"])[:200]
    if parsed.get("years_experience") is not None:
        proposals["years_experience"] = float(parsed["years_experience"])
    links = [url for urls in (parsed.get("links") or {}).values() for url in urls]
    merged_links = list(dict.fromkeys([*candidate.links, *links]))[:20]
    if merged_links != candidate.links:
        proposals["links"] = merged_links

    changed = []
    for name, value in proposals.items():
        if name in protected or getattr(candidate, name) == value:
            continue
        setattr(candidate, name, value)
        changed.append(name)
    if changed:
        candidate.updated_at = datetime.now(UTC)
    return changed


async def _tell(
    session: AsyncSession, resume: Resume, kind: CandidateEvent, details: dict[str, Any]
) -> None:
    session.add(
        Activity(
            tenant_id=resume.tenant_id,
            candidate_id=resume.candidate_id,
            application_id=resume.application_id,
            actor_type="system",
            actor_id=None,
            kind=kind,
            details={"resume_id": str(resume.id), **details},
        )
    )
    await session.flush()
    await events.record(
        session,
        type=kind,
        payload={
            "resume_id": str(resume.id),
            "candidate_id": str(resume.candidate_id),
            "application_id": str(resume.application_id) if resume.application_id else None,
            **details,
        },
        tenant_id=resume.tenant_id,
    )
