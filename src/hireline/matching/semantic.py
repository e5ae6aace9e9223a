"""Semantic similarity between a job and a candidate: what is embedded, where it is kept.

Optional twice over (docs/adr/0012-semantic-matching.md): it needs the `semantic` extra
(the model, run by `hireline.matching.embeddings`) and a PostgreSQL with pgvector, where
migration 0012 creates `candidate_embeddings` and `job_embeddings`. Those tables exist only
on such servers, so they have no model in `Base.metadata`: this module reaches them with
fixed SQL text and bound parameters.

What is embedded, and only that:
- a candidate: headline, skills and résumé text, with their name, e-mail addresses, phone
  numbers and links taken out first (`candidate_text`), so that who they are does not move
  the similarity; recruiters' notes, tags, answers and the rest never are;
- a job: title, skills asked for and description (`job_text`).

Each row keeps the SHA-256 of the text it was computed from: unchanged text is never
embedded again. Embedding is CPU work for the worker only (in a thread), never a request's.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, Final

import structlog
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from hireline.candidates import service as candidates
from hireline.jobs import service as jobs
from hireline.matching.repository import (
    Embedded,
    EmbeddingRepository,
    embedding_tables_exist,
)

logger = structlog.get_logger(__name__)

# Kept with every row: a row of another model is as good as none. (The model's own module is
# not imported for this: it needs the extra.)
MODEL_NAME: Final = "sentence-transformers/all-MiniLM-L6-v2"
SETTING: Final = "HIRELINE_SEMANTIC_MATCHING"
TABLES: Final = ("candidate_embeddings", "job_embeddings")


class SemanticMatchingUnavailable(RuntimeError):
    """Semantic matching is turned on, but this installation cannot do it."""


def require_extra() -> None:
    """Raise `SemanticMatchingUnavailable` unless the `semantic` extra is installed."""
    try:
        from hireline.matching import embeddings  # noqa: F401
    except ImportError as exc:
        raise SemanticMatchingUnavailable(
            f"{SETTING} is on, but the semantic extra is not installed ({exc}): install the "
            "semantic extra (`uv sync --extra semantic`, or `pip install 'hireline[semantic]'`) "
            f"or turn {SETTING} off."
        ) from None


async def check_ready(connection: AsyncConnection) -> None:
    """Raise `SemanticMatchingUnavailable` unless the extra and the tables are both there."""
    require_extra()
    if not await embedding_tables_exist(connection):
        raise SemanticMatchingUnavailable(
            f"{SETTING} is on, but the database has no embedding tables: they need the "
            "PostgreSQL extension `vector` (pgvector) when `hireline migrate` runs. Install "
            f"pgvector on the server and migrate again (or turn {SETTING} off)."
        )


def fit(cosine: float | None) -> float | None:
    """The semantic part's fit (0..1) for a cosine similarity: unrelated or opposite is 0."""
    if cosine is None or math.isnan(cosine):
        return None
    return min(1.0, max(0.0, cosine))


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norms = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norms if norms else 0.0


def text_digest(value: str) -> str | None:
    """The SHA-256 (hex) a row keeps of the text it embeds; None when there is no text."""
    return hashlib.sha256(value.encode()).hexdigest() if value.strip() else None


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b(?:[\w-]+\.)+[a-z]{2,}/\S*", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
_PHONE_MIN_DIGITS = 9  # fewer are more likely a year range ("2019-2023") than a phone
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def _phone_or_text(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return " " if digits >= _PHONE_MIN_DIGITS else match.group()


def without_identity(value: str, *, names: Iterable[str], contacts: Iterable[str]) -> str:
    """`value` without the given names (whole and by part), contacts, and anything that looks
    like an e-mail address, a link or a phone number."""
    for contact in sorted({c.strip() for c in contacts if c and c.strip()}, key=len, reverse=True):
        value = re.sub(re.escape(contact), " ", value, flags=re.IGNORECASE)
    value = _EMAIL.sub(" ", value)
    value = _URL.sub(" ", value)
    value = _PHONE.sub(_phone_or_text, value)
    parts: set[str] = set()
    for name in names:
        if name and name.strip():
            parts.add(name.strip())
            parts.update(p for p in re.split(r"[\s,.]+", name) if len(p) >= 2)
    for part in sorted(parts, key=len, reverse=True):
        value = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", " ", value, flags=re.IGNORECASE)
    value = _SPACES.sub(" ", value)
    return _BLANK_LINES.sub("\n", value).strip()


def candidate_text(
    *,
    headline: str | None,
    skills: Sequence[str],
    resume_text: str | None,
    names: Iterable[str],
    contacts: Iterable[str],
) -> str:
    """What is embedded of a candidate: headline, skills, résumé text, identity removed."""
    pieces = [headline or "", f"Skills: {', '.join(skills)}" if skills else "", resume_text or ""]
    joined = "\n".join(p for p in pieces if p.strip())
    return without_identity(joined, names=names, contacts=contacts)


def job_text(job: jobs.JobRow) -> str:
    """What is embedded of a job: title, skills asked for, description."""
    skills = list(dict.fromkeys([*job.required_skills, *job.preferred_skills]))
    pieces = [job.title, f"Skills: {', '.join(skills)}" if skills else "", job.description]
    return "\n".join(p.strip() for p in pieces if p and p.strip())


def _parsed_identity(parsed: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    if not parsed:
        return [], []
    names = [parsed["name"]] if isinstance(parsed.get("name"), str) else []
    contacts = [str(v) for v in (parsed.get("emails") or []) + (parsed.get("phones") or [])]
    links = parsed.get("links") or {}
    if isinstance(links, dict):
        contacts += [str(url) for urls in links.values() for url in urls]
    return names, contacts


async def _embed(value: str) -> str:
    """The vector of `value`, as pgvector's text form (computed in a thread)."""
    from hireline.matching import embeddings  # the extra: checked at start-up

    (vector,) = await asyncio.to_thread(embeddings.encode, [value])
    return "[" + ",".join(f"{x:.7g}" for x in vector) + "]"


async def _refresh(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    kind: Embedded,
    id: uuid.UUID,
    value: str,
) -> bool:
    embeddings = EmbeddingRepository.working_for(session, tenant_id)
    digest = text_digest(value)
    stored = await embeddings.stored(kind, id)
    if digest is None:
        if stored is not None:
            await embeddings.forget(kind, id)
        return stored is not None
    if stored == (MODEL_NAME, digest):
        return False
    embedding = await _embed(value)
    await embeddings.store(kind, id, model=MODEL_NAME, digest=digest, embedding=embedding)
    return True


async def refresh_candidate(
    session: AsyncSession, tenant_id: uuid.UUID, candidate_id: uuid.UUID
) -> bool:
    """Embed the candidate's current text unless it is what was embedded; whether it changed.

    An erased candidate, or one with nothing to embed, keeps no embedding.
    """
    found = await candidates.text_of(session, tenant_id, candidate_id)
    if found is None or found.erased:
        value = ""
    else:
        parsed = await candidates.latest_parsed_resume(session, tenant_id, candidate_id)
        names, contacts = _parsed_identity(parsed)
        value = candidate_text(
            headline=found.headline,
            skills=found.skills,
            resume_text=found.resume_text,
            names=[found.name or "", *names],
            contacts=[found.email or "", found.phone or "", *found.links, *contacts],
        )
    changed = await _refresh(session, tenant_id, "candidate", candidate_id, value)
    if changed:
        logger.info("candidate_embedded", candidate_id=str(candidate_id), empty=not value)
    return changed


async def refresh_job(session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID) -> bool:
    """Embed the job's current text unless it is what was embedded; whether it changed."""
    job = (await jobs.fresh_jobs(session, tenant_id, {job_id})).get(job_id)
    value = "" if job is None else job_text(job)
    changed = await _refresh(session, tenant_id, "job", job_id, value)
    if changed:
        logger.info("job_embedded", job_id=str(job_id))
    return changed


async def similarities(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    candidate_id: uuid.UUID,
    job_ids: Sequence[uuid.UUID],
) -> dict[uuid.UUID, float]:
    """Cosine similarity of the candidate to each of the jobs both have an embedding for."""
    if not job_ids:
        return {}
    embeddings = EmbeddingRepository.working_for(session, tenant_id)
    return await embeddings.similarities(candidate_id, job_ids, MODEL_NAME)
