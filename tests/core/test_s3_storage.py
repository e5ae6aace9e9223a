"""Uploaded files in S3-compatible storage, against a local S3 server (moto's server mode)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3
import httpx
import pytest
from fastapi import FastAPI

from hireline.core.storage import S3Storage, storage_for
from tests.candidates.files import pdf_resume
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import open_job

MOTO = Path(sys.executable).parent / "moto_server"


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(MOTO), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(endpoint, timeout=1)
            break
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    yield endpoint
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    name = f"hireline-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint).create_bucket(Bucket=name)
    return name


async def test_s3_storage_round_trip(s3_endpoint: str, bucket: str, tmp_path: Path) -> None:
    storage = storage_for(f"s3://{bucket}/uploads", s3_endpoint, tmp_path)
    assert isinstance(storage, S3Storage)
    await storage.save("t/resumes/a.pdf", b"%PDF-1.4 test")
    assert await storage.exists("t/resumes/a.pdf")
    assert await storage.read("t/resumes/a.pdf") == b"%PDF-1.4 test"
    listed = boto3.client("s3", endpoint_url=s3_endpoint).list_objects_v2(Bucket=bucket)
    assert [o["Key"] for o in listed["Contents"]] == ["uploads/t/resumes/a.pdf"]
    await storage.delete("t/resumes/a.pdf")
    assert not await storage.exists("t/resumes/a.pdf")
    with pytest.raises(ValueError, match="unsafe"):
        await storage.save("../escape", b"x")


async def test_applications_store_resumes_in_s3(
    app: FastAPI, client: httpx.AsyncClient, s3_endpoint: str, bucket: str, tmp_path: Path
) -> None:
    original = app.state.storage
    app.state.storage = storage_for(f"s3://{bucket}", s3_endpoint, tmp_path)
    try:
        owner = bearer((await sign_up(client, "acme"))["access_token"])
        job = await open_job(client, owner)
        pdf = pdf_resume()
        created = await client.post(
            f"/v1/boards/acme/jobs/{job['id']}/applications",
            data={"name": "Ada", "email": "ada@example.com", "consent": "true"},
            files={"resume": ("cv.pdf", pdf, "application/pdf")},
        )
        assert created.status_code == 201, created.text
        candidate_id = created.json()["candidate_id"]
        candidate = (await client.get(f"/v1/candidates/{candidate_id}", headers=owner)).json()
        resume_id = candidate["resumes"][0]["id"]
        download = await client.get(
            f"/v1/candidates/{candidate_id}/resumes/{resume_id}", headers=owner
        )
        assert download.content == pdf
        await client.delete(f"/v1/candidates/{candidate_id}", headers=owner)
        objects = boto3.client("s3", endpoint_url=s3_endpoint).list_objects_v2(Bucket=bucket)
        assert objects.get("KeyCount", 0) == 0
    finally:
        app.state.storage = original
