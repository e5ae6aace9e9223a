"""`hireline serve` with no DATABASE_URL: its own PostgreSQL, ready, and a clean stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.served import free_port, wait_ready

HIRELINE = Path(sys.executable).parent / "hireline"


@pytest.mark.embedded
def test_serve_starts_embedded_postgres_and_stops_cleanly(tmp_path: Path) -> None:
    port = free_port()
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "REDIS_URL"} and not name.startswith("HIRELINE_")
    }
    env |= {"HIRELINE_DATA_DIR": str(tmp_path / "data"), "HIRELINE_PORT": str(port)}
    base = f"http://127.0.0.1:{port}"

    for run in ("first", "second"):  # the second run reuses the data directory
        process = subprocess.Popen(
            [str(HIRELINE), "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            ready = wait_ready(base, process, deadline_s=60)
            assert ready.json()["database"] == "ok", run
            missing = httpx.get(f"{base}/nowhere", headers={"X-Request-ID": "e2e-1"})
            assert missing.status_code == 404
            assert missing.headers["content-type"] == "application/problem+json"
            assert missing.headers["x-request-id"] == "e2e-1"
            metrics = httpx.get(f"{base}/metrics").text
            assert 'route="/readyz",status="200"' in metrics
        finally:
            process.send_signal(signal.SIGINT)
            stdout, _ = process.communicate(timeout=30)
        assert process.returncode == 0, run
        assert b"/docs" in stdout
        assert b"/healthz" in stdout
        # The embedded server is stopped with the API: no postmaster is left behind.
        assert not (tmp_path / "data" / "postgres" / "postmaster.pid").exists(), run
