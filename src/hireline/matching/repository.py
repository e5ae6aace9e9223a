"""Matching's queries: stored match scores, and the embeddings of semantic matching.

The embedding tables exist only on servers with pgvector (migration 0012), so they have no
model: they are reached with fixed SQL text. The bulk re-score streams a job's applicants
with fixed SQL too, through the driver's own cursors (COPY).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, cast

import psycopg
from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from hireline.core.repositories import Repository
from hireline.matching.models import MatchScore

_APPLICANTS = """
SELECT a.id, c.skills, c.years_experience, c.location, NULL::float8
  FROM applications a
  JOIN candidates c ON c.tenant_id = a.tenant_id AND c.id = a.candidate_id
 WHERE a.tenant_id = %(tenant_id)s AND a.job_id = %(job_id)s AND c.erased_at IS NULL
"""
# The same, with each applicant's cosine similarity to the job (NULL without both embeddings);
# the tables exist only where pgvector does (migration 0012).
_APPLICANTS_SEMANTIC = """
SELECT a.id, c.skills, c.years_experience, c.location, 1 - (ce.embedding <=> je.embedding)
  FROM applications a
  JOIN candidates c ON c.tenant_id = a.tenant_id AND c.id = a.candidate_id
  LEFT JOIN job_embeddings je
    ON je.tenant_id = a.tenant_id AND je.job_id = a.job_id AND je.model = %(model)s
  LEFT JOIN candidate_embeddings ce
    ON ce.tenant_id = c.tenant_id AND ce.candidate_id = c.id AND ce.model = %(model)s
 WHERE a.tenant_id = %(tenant_id)s AND a.job_id = %(job_id)s AND c.erased_at IS NULL
"""
# COPY cannot write to a table under row-level security, so batches go to a temporary table
# first and reach `match_scores` in one INSERT ... SELECT (where the policy checks each row).
_BATCH_TABLE = """
CREATE TEMPORARY TABLE match_batch (
    application_id uuid NOT NULL, score double precision NOT NULL, explanation jsonb NOT NULL
) ON COMMIT DROP
"""
_COPY_BATCH = "COPY match_batch (application_id, score, explanation) FROM STDIN"
_STORE_BATCH = """
INSERT INTO match_scores (tenant_id, job_id, application_id, score, explanation)
SELECT %(tenant_id)s, %(job_id)s, application_id, score, explanation FROM match_batch
"""

# An applicant as the bulk re-score streams them: application id, skills, years, location,
# and the similarity of their embedding to the job's (None without both).
Applicant = tuple[uuid.UUID, list[str], float | None, str | None, float | None]
# What a streamed applicant is scored as: the score and its explanation, as JSON text.
Scorer = Callable[[Applicant], tuple[float, str]]


class MatchRepository(Repository):
    async def lock_jobs(self, job_ids: Iterable[uuid.UUID]) -> None:
        """Take each job's transaction-scoped lock for writing its scores."""
        # In one order everywhere, so that two writers locking several jobs cannot deadlock.
        for job_id in sorted(set(job_ids)):
            key = func.hashtextextended(f"hireline.match:{job_id}", 0)
            await self.session.execute(select(func.pg_advisory_xact_lock(key)))

    async def store(self, rows: list[dict[str, Any]]) -> None:
        """Insert or replace the scores (each with application_id, job_id, score and
        explanation)."""
        upsert = insert(MatchScore).values([{"tenant_id": self.tenant_id, **row} for row in rows])
        await self.session.execute(
            upsert.on_conflict_do_update(
                index_elements=[MatchScore.tenant_id, MatchScore.application_id],
                set_={
                    "job_id": upsert.excluded.job_id,
                    "score": upsert.excluded.score,
                    "explanation": upsert.excluded.explanation,
                    "computed_at": func.now(),
                },
            )
        )

    async def stored(self, application_id: uuid.UUID) -> MatchScore | None:
        return await self.session.get(MatchScore, (self.tenant_id, application_id))

    async def rescore_job(
        self, job_id: uuid.UUID, scorer: Scorer, *, batch: int, semantic_model: str | None
    ) -> int:
        """Replace the job's scores by those `scorer` gives its live applicants, streamed
        `batch` at a time (with their similarities when `semantic_model` is given)."""
        await self.session.execute(
            delete(MatchScore).where(
                MatchScore.tenant_id == self.tenant_id, MatchScore.job_id == job_id
            )
        )
        connection = await self.session.connection()
        raw = cast(
            "psycopg.AsyncConnection[Any]",
            (await connection.get_raw_connection()).driver_connection,
        )
        scored = 0
        params = {"tenant_id": self.tenant_id, "job_id": job_id}
        streamed = _APPLICANTS if semantic_model is None else _APPLICANTS_SEMANTIC
        async with raw.cursor(name=f"match_{job_id.hex}") as applicants, raw.cursor() as sink:
            await sink.execute(_BATCH_TABLE)
            await applicants.execute(streamed, {**params, "model": semantic_model})
            while rows := await applicants.fetchmany(batch):
                async with sink.copy(_COPY_BATCH) as copy:
                    for row in rows:
                        value, explanation = scorer(cast(Applicant, tuple(row)))
                        await copy.write_row((row[0], value, explanation))
                scored += len(rows)
            await sink.execute(_STORE_BATCH, params)
            await sink.execute("DROP TABLE match_batch")
        return scored


# Fixed text per table (the `:id` is the candidate's or the job's id).
_STORED = {
    "candidate": text(
        "SELECT model, text_sha256 FROM candidate_embeddings"
        " WHERE tenant_id = :tenant_id AND candidate_id = :id"
    ),
    "job": text(
        "SELECT model, text_sha256 FROM job_embeddings"
        " WHERE tenant_id = :tenant_id AND job_id = :id"
    ),
}
_STORE = {
    "candidate": text(
        "INSERT INTO candidate_embeddings (tenant_id, candidate_id, model, text_sha256, embedding)"
        " VALUES (:tenant_id, :id, :model, :digest, CAST(:embedding AS vector))"
        " ON CONFLICT (tenant_id, candidate_id) DO UPDATE SET model = EXCLUDED.model,"
        " text_sha256 = EXCLUDED.text_sha256, embedding = EXCLUDED.embedding, computed_at = now()"
    ),
    "job": text(
        "INSERT INTO job_embeddings (tenant_id, job_id, model, text_sha256, embedding)"
        " VALUES (:tenant_id, :id, :model, :digest, CAST(:embedding AS vector))"
        " ON CONFLICT (tenant_id, job_id) DO UPDATE SET model = EXCLUDED.model,"
        " text_sha256 = EXCLUDED.text_sha256, embedding = EXCLUDED.embedding, computed_at = now()"
    ),
}
_FORGET = {
    "candidate": text(
        "DELETE FROM candidate_embeddings WHERE tenant_id = :tenant_id AND candidate_id = :id"
    ),
    "job": text("DELETE FROM job_embeddings WHERE tenant_id = :tenant_id AND job_id = :id"),
}
_SIMILARITIES = text(
    "SELECT j.job_id, 1 - (c.embedding <=> j.embedding)"
    "  FROM candidate_embeddings c"
    "  JOIN job_embeddings j ON j.tenant_id = c.tenant_id AND j.model = c.model"
    " WHERE c.tenant_id = :tenant_id AND c.candidate_id = :candidate_id AND c.model = :model"
    "   AND j.job_id = ANY(:job_ids)"
)

Embedded = Literal["candidate", "job"]


class EmbeddingRepository(Repository):
    async def stored(self, kind: Embedded, id: uuid.UUID) -> tuple[str, str] | None:
        """The model and text digest of the stored embedding, if any."""
        row = (
            await self.session.execute(_STORED[kind], {"tenant_id": self.tenant_id, "id": id})
        ).first()
        return None if row is None else (row.model, row.text_sha256)

    async def store(
        self, kind: Embedded, id: uuid.UUID, *, model: str, digest: str, embedding: str
    ) -> None:
        await self.session.execute(
            _STORE[kind],
            {
                "tenant_id": self.tenant_id,
                "id": id,
                "model": model,
                "digest": digest,
                "embedding": embedding,
            },
        )

    async def forget(self, kind: Embedded, id: uuid.UUID) -> None:
        await self.session.execute(_FORGET[kind], {"tenant_id": self.tenant_id, "id": id})

    async def similarities(
        self, candidate_id: uuid.UUID, job_ids: Sequence[uuid.UUID], model: str
    ) -> dict[uuid.UUID, float]:
        rows = await self.session.execute(
            _SIMILARITIES,
            {
                "tenant_id": self.tenant_id,
                "candidate_id": candidate_id,
                "model": model,
                "job_ids": list(job_ids),
            },
        )
        return {job_id: float(value) for job_id, value in rows.all()}


async def embedding_tables_exist(connection: AsyncConnection) -> bool:
    """Whether this database has the embedding tables (it has pgvector)."""
    found = await connection.execute(
        text(
            "SELECT to_regclass('candidate_embeddings') IS NOT NULL"
            " AND to_regclass('job_embeddings') IS NOT NULL"
        )
    )
    return bool(found.scalar_one())
