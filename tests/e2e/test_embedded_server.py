"""`hireline serve` with no DATABASE_URL: its own PostgreSQL, ready, and a clean stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

HIRELINE = Path(sys.executable).parent / "hireline"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(base: str, process: subprocess.Popen[bytes], deadline_s: float) -> httpx.Response:
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


@pytest.mark.embedded
def test_serve_starts_embedded_postgres_and_stops_cleanly(tmp_path: Path) -> None:
    port = _free_port()
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
            ready = _wait_ready(base, process, deadline_s=60)
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
