"""With HIRELINE_SEMANTIC_MATCHING on: embeddings kept current by the worker, a `semantic`
part in every explanation that has both embeddings, in single and bulk re-scores alike.

These run on a PostgreSQL with pgvector (tests/matching/conftest.py starts an embedded one
when the configured server lacks it) with the real model: nothing here is mocked.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from typer.testing import CliRunner

from hireline.cli import app as cli_app
from hireline.core.database_url import libpq_url
from hireline.core.queue import WorkerState
from hireline.main import create_app
from hireline.matching import semantic
from hireline.matching import tasks as matching_tasks
from hireline.matching.backfill_cli import queue_backfill
from hireline.matching.scoring import SEMANTIC_WEIGHT, WEIGHTS
from hireline.settings import Settings, get_settings
from hireline.worker import work
from tests.candidates.files import pdf_resume
from tests.candidates.test_applications import apply
from tests.databases import migrate, model_drift, scratch_database, unmigrate
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job
from tests.queue_tasks import drain, scalar

pytestmark = pytest.mark.embedded

RESUME_BODY = (
    "Senior Backend Engineer\n"
    "{email} | {phone}\n"
    "github.com/{handle}\n"
    "Experience\n"
    "Backend Engineer, Engines Ltd, Jan 2018 - Present\n"
    "Built payment services in Python with FastAPI and Postgres, deployed on k8s.\n"
    "Education\n"
    "BSc Mathematics, University of London, 2014 - 2017"
)


def _resume(name: str, email: str, phone: str, handle: str) -> tuple[str, bytes, str]:
    body = RESUME_BODY.format(email=email, phone=phone, handle=handle)
    return ("cv.pdf", pdf_resume(name, body), "application/pdf")


async def _owner(client: httpx.AsyncClient) -> dict[str, str]:
    return bearer((await sign_up(client, "acme"))["access_token"])


async def _apply_ada_and_mo(
    client: httpx.AsyncClient, job: dict[str, Any]
) -> tuple[httpx.Response, httpx.Response]:
    """Two people with the same résumé but for who they are: name, e-mail, phone, links."""
    ada = await apply(
        client,
        job,
        fields={"name": "Ada Lovelace", "email": "ada@example.com"},
        file=_resume("Ada Lovelace", "ada.lovelace@analytical.example", "+44 20 7946 0958", "ada"),
    )
    mo = await apply(
        client,
        job,
        fields={"name": "Mohammed Al-Sayed", "email": "mo@example.org"},
        file=_resume("Mohammed Al-Sayed", "m.alsayed@mail.example", "+1 512 555 0100", "malsayed"),
    )
    assert ada.status_code == 201, ada.text
    assert mo.status_code == 201, mo.text
    return ada, mo


async def _match(
    client: httpx.AsyncClient, owner: dict[str, str], application_id: str
) -> dict[str, Any]:
    response = await client.get(f"/v1/applications/{application_id}/match", headers=owner)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def _rows(engine: AsyncEngine, query: str, **params: Any) -> list[Any]:
    async with engine.connect() as connection:
        return list((await connection.execute(text(query), params)).all())


async def _as_tenant_rows(engine: AsyncEngine, tenant_id: str, query: str) -> list[Any]:
    async with engine.begin() as connection:
        await connection.execute(
            text("SELECT set_config('app.tenant_id', :tenant, true)"), {"tenant": tenant_id}
        )
        return list((await connection.execute(text(query))).all())


async def test_a_parsed_resume_brings_a_semantic_part_the_same_whoever_the_person_is(
    semantic_client: httpx.AsyncClient,
    semantic_engine: AsyncEngine,
    semantic_state: WorkerState,
    semantic_app: FastAPI,
) -> None:
    client = semantic_client
    owner = await _owner(client)
    job = await open_job(client, owner)
    ada, mo = await _apply_ada_and_mo(client, job)
    # Before the worker ran there is nothing embedded: the read leaves the part out.
    assert (await _match(client, owner, ada.json()["id"]))["parts"]["semantic"] is None

    await drain(semantic_engine, semantic_state)
    first = await _match(client, owner, ada.json()["id"])
    second = await _match(client, owner, mo.json()["id"])
    part = first["parts"]["semantic"]
    assert part is not None
    assert first["computed_at"] is not None
    assert first["base_weights"]["semantic"] == SEMANTIC_WEIGHT
    asked = [name for name, value in first["parts"].items() if value and name != "semantic"]
    total = sum(WEIGHTS[name] for name in asked) + SEMANTIC_WEIGHT
    assert part["weight"] == round(100 * SEMANTIC_WEIGHT / total, 2)
    assert 0.2 < part["fit"] <= 1.0
    assert part["points"] == pytest.approx(part["weight"] * part["fit"], abs=0.02)
    assert sum(p["points"] for p in first["parts"].values() if p) == pytest.approx(
        first["score"], abs=0.1
    )
    # Name, e-mail, phone and links are taken out before embedding: the same text remains.
    assert second["parts"]["semantic"] == part
    assert second["score"] == first["score"]

    tenant_id = await scalar(semantic_engine, "SELECT id::text FROM tenants")
    assert isinstance(tenant_id, str)
    # As the application's role, so that row-level security applies.
    app_engine: AsyncEngine = semantic_app.state.engine
    digests = await _as_tenant_rows(
        app_engine,
        tenant_id,
        "SELECT text_sha256, model, vector_dims(embedding) FROM candidate_embeddings",
    )
    assert len(digests) == 2
    assert digests[0] == digests[1]
    assert digests[0][1:] == (semantic.MODEL_NAME, 384)
    jobs = await _as_tenant_rows(app_engine, tenant_id, "SELECT job_id FROM job_embeddings")
    assert [str(row[0]) for row in jobs] == [job["id"]]

    # Row-level security: another tenant sees none of them.
    for table in semantic.TABLES:
        other = await _as_tenant_rows(
            app_engine, str(uuid.uuid4()), f"SELECT count(*) FROM {table}"
        )
        assert other == [(0,)], table

    # Erasing the person deletes what was computed from their résumé.
    erased = await client.delete(f"/v1/candidates/{ada.json()['candidate_id']}", headers=owner)
    assert erased.status_code in (200, 202, 204), erased.text
    left = await _as_tenant_rows(
        app_engine, tenant_id, "SELECT candidate_id::text FROM candidate_embeddings"
    )
    assert left == [(mo.json()["candidate_id"],)]


async def test_the_bulk_rescore_includes_the_semantic_part_and_follows_the_jobs_text(
    semantic_client: httpx.AsyncClient,
    semantic_engine: AsyncEngine,
    semantic_state: WorkerState,
) -> None:
    client = semantic_client
    owner = await _owner(client)
    job = await open_job(
        client,
        owner,
        title="Backend Engineer (Python)",
        description="Build payment services in Python with FastAPI and PostgreSQL on Kubernetes.",
    )
    applied = await apply(
        client,
        job,
        file=_resume("Ada Lovelace", "ada@analytical.example", "+44 20 7946 0958", "ada"),
    )
    assert applied.status_code == 201, applied.text
    await drain(semantic_engine, semantic_state)
    single = await _match(client, owner, applied.json()["id"])
    assert single["parts"]["semantic"] is not None

    # A change the semantic part does not depend on: the bulk path gives the same fit.
    changed = await client.patch(
        f"/v1/jobs/{job['id']}", json={"min_years_experience": 3}, headers=owner
    )
    assert changed.status_code == 200, changed.text
    await drain(semantic_engine, semantic_state)
    bulk = await _match(client, owner, applied.json()["id"])
    assert bulk["computed_at"] != single["computed_at"]
    assert bulk["parts"]["semantic"]["fit"] == single["parts"]["semantic"]["fit"]

    # Only the text changes (no requirement does): re-embedded, and everyone re-scored.
    retitled = await client.patch(
        f"/v1/jobs/{job['id']}",
        json={
            "title": "Pastry Chef",
            "description": "Bake croissants, tarts and sourdough bread before dawn.",
        },
        headers=owner,
    )
    assert retitled.status_code == 200, retitled.text
    await drain(semantic_engine, semantic_state)
    statuses = await _rows(
        semantic_engine,
        "SELECT status::text FROM procrastinate_jobs WHERE task_name = 'matching.rescore_job'",
    )
    assert statuses == [("succeeded",), ("succeeded",)]
    pastry = await _match(client, owner, applied.json()["id"])
    assert pastry["parts"]["semantic"]["fit"] < bulk["parts"]["semantic"]["fit"] - 0.1
    # The requirements did not change, so neither did their parts.
    assert pastry["parts"]["required_skills"] == bulk["parts"]["required_skills"]


async def test_semantic_matching_refuses_to_start_without_the_tables(
    settings: Settings, server_url: str, database_url: str
) -> None:
    # A database without the embedding tables (as migrating on a server without pgvector
    # leaves it; `database_url` made sure the application role exists).
    with scratch_database(server_url, "hireline_bare") as url:
        on = settings.model_copy(update={"database_url": SecretStr(url), "semantic_matching": True})
        app: FastAPI = create_app(on)
        with pytest.raises(semantic.SemanticMatchingUnavailable) as refused:
            async with app.router.lifespan_context(app):
                pass
        assert "HIRELINE_SEMANTIC_MATCHING" in str(refused.value)
        assert "vector" in str(refused.value)
        with pytest.raises(semantic.SemanticMatchingUnavailable):
            await work(url, on, concurrency=1)


def test_check_reports_semantic_matching_ready(
    semantic_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert semantic_settings.database_url is not None
    monkeypatch.setenv("DATABASE_URL", semantic_settings.database_url.get_secret_value())
    monkeypatch.setenv("HIRELINE_SEMANTIC_MATCHING", "true")
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("REDIS_URL", raising=False)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli_app, ["check"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "semantic matching            ready" in result.output


async def test_a_backfill_embeds_what_predates_the_setting_and_rescores(
    semantic_client: httpx.AsyncClient,
    semantic_engine: AsyncEngine,
    semantic_state: WorkerState,
    semantic_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = semantic_client
    owner = await _owner(client)
    job = await open_job(client, owner)
    ada, mo = await _apply_ada_and_mo(client, job)
    # One candidate a batch: each batch hands on to the next, the last one re-scores.
    monkeypatch.setattr(matching_tasks, "BACKFILL_BATCH", 1)
    await drain(semantic_engine, semantic_state)
    # As if all of it predated the setting: nothing embedded, nothing scored with it.
    async with semantic_engine.begin() as connection:
        for table in ("candidate_embeddings", "job_embeddings", "match_scores"):
            await connection.execute(text(f"DELETE FROM {table}"))
    assert (await _match(client, owner, ada.json()["id"]))["parts"]["semantic"] is None

    assert semantic_settings.database_url is not None
    url = semantic_settings.database_url.get_secret_value()
    assert await queue_backfill(url, semantic_settings, None) == 0
    await drain(semantic_engine, semantic_state)

    for application in (ada, mo):
        rescored = await _match(client, owner, application.json()["id"])
        assert rescored["parts"]["semantic"] is not None
        assert rescored["computed_at"] is not None
    embedded = await _rows(
        semantic_engine,
        "SELECT (SELECT count(*) FROM candidate_embeddings), (SELECT count(*) FROM job_embeddings)",
    )
    assert embedded == [(2, 1)]
    batches = await _rows(
        semantic_engine,
        "SELECT status::text FROM procrastinate_jobs"
        " WHERE task_name = 'matching.semantic_backfill'",
    )
    assert batches == [("succeeded",)] * 3


def test_the_backfill_command_needs_the_setting_and_a_known_organisation(
    semantic_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert semantic_settings.database_url is not None
    monkeypatch.setenv("DATABASE_URL", semantic_settings.database_url.get_secret_value())
    monkeypatch.setenv("HIRELINE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("REDIS_URL", raising=False)

    def backfill(*arguments: str) -> Any:
        get_settings.cache_clear()
        try:
            return CliRunner().invoke(cli_app, ["semantic-backfill", *arguments])
        finally:
            get_settings.cache_clear()

    monkeypatch.setenv("HIRELINE_SEMANTIC_MATCHING", "false")
    off = backfill()
    assert off.exit_code == 2
    assert "HIRELINE_SEMANTIC_MATCHING is off" in off.output
    monkeypatch.setenv("HIRELINE_SEMANTIC_MATCHING", "true")
    unknown = backfill("--tenant", "nobody")
    assert unknown.exit_code == 2
    assert "no organisation has the slug 'nobody'" in unknown.output
    assert backfill().exit_code == 0


# Reflection meets `vector` columns before `include_object` leaves their tables out.
@pytest.mark.filterwarnings("ignore:Did not recognize type 'vector'")
def test_on_a_pgvector_server_the_migrations_create_and_remove_the_tables(
    vector_server_url: str,
) -> None:
    with scratch_database(vector_server_url, "hireline_migrations") as url:

        def present() -> tuple[set[str], bool]:
            with psycopg.connect(libpq_url(url)) as connection:
                tables = {
                    row[0]
                    for row in connection.execute(
                        "SELECT tablename FROM pg_tables WHERE tablename = ANY(%s)",
                        (list(semantic.TABLES),),
                    )
                }
                found = connection.execute(
                    "SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'vector')"
                ).fetchone()
            return tables, bool(found and found[0])

        migrate(url)
        assert present() == (set(semantic.TABLES), True)
        unmigrate(url, "0011")
        assert present() == (set(), False)
        migrate(url)
        assert present() == (set(semantic.TABLES), True)
        # And no model claims them: autogenerate sees nothing to do here either.
        assert model_drift(url) == []
