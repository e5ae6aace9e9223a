"""Real `hireline serve` processes for tests: the helpers to start one and wait for it, and a
server on a database of its own with one organisation and a token (what a fuzzer is pointed at)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest

from hireline.core.database_url import libpq_url
from tests.databases import migrate, scratch_database

HIRELINE = Path(sys.executable).parent / "hireline"
PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class RunningServer:
    base_url: str
    database_url: str
    slug: str
    email: str
    access_token: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_ready(base: str, process: subprocess.Popen[bytes], deadline_s: float) -> httpx.Response:
    """The first 200 of `/readyz`; fails the test if the server exits or stays unready."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited early with {process.returncode}")
        try:
            response = httpx.get(f"{base}/readyz", timeout=2)
            if response.status_code == 200:
                return response
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail("server did not become ready in time")


def _sign_up(base: str, database_url: str, slug: str) -> tuple[str, str]:
    email = f"owner@{slug}.example.com"
    response = httpx.post(
        f"{base}/v1/auth/signup",
        json={
            "organization_name": "Fuzzed Ltd",
            "slug": slug,
            "name": "Olive Owner",
            "email": email,
            "password": PASSWORD,
        },
    )
    response.raise_for_status()
    # The plan's limit (60 a minute) would answer most of a fuzz run with 429.
    with psycopg.connect(libpq_url(database_url), autocommit=True) as connection:
        connection.execute(
            "UPDATE tenants SET rate_limit_per_minute = 1000000 WHERE slug = %s", (slug,)
        )
    return email, str(response.json()["access_token"])


@contextmanager
def running_server(server_url: str, data_dir: Path, slug: str = "fuzz") -> Iterator[RunningServer]:
    """Serve the API on a fresh migrated database; the organisation `slug` is signed up."""
    with scratch_database(server_url, prefix="hireline_served") as database_url:
        migrate(database_url)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {
            name: value for name, value in os.environ.items() if not name.startswith("HIRELINE_")
        }
        env |= {
            "DATABASE_URL": database_url,
            "HIRELINE_DATA_DIR": str(data_dir),
            "HIRELINE_PORT": str(port),
            "HIRELINE_PUBLIC_URL": base,
            "HIRELINE_ENVIRONMENT": "test",
            "HIRELINE_LOG_LEVEL": "ERROR",
            "HIRELINE_ACCESS_TOKEN_TTL_SECONDS": "7200",
            "HIRELINE_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "1000000",
            "HIRELINE_LOGIN_FAILURES_PER_15_MINUTES": "1000000",
        }
        data_dir.mkdir(parents=True, exist_ok=True)
        with (data_dir / "server.log").open("ab") as log:
            process = subprocess.Popen(
                [str(HIRELINE), "serve", "--no-migrate", "--no-demo"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            try:
                wait_ready(base, process, deadline_s=60)
                email, token = _sign_up(base, database_url, slug)
                yield RunningServer(base, database_url, slug, email, token)
            finally:
                process.terminate()
                process.wait(timeout=30)
