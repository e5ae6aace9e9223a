"""`hireline serve` with no DATABASE_URL: its own PostgreSQL, ready, and a clean stop,
however it is stopped (Ctrl-C, SIGTERM from systemd/Docker/Kubernetes, or after an earlier
run was killed outright)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import psutil
import pytest

from tests.served import free_port, wait_ready

HIRELINE = Path(sys.executable).parent / "hireline"


def _environment(data_dir: Path, port: int) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "REDIS_URL"} and not name.startswith("HIRELINE_")
    }
    return env | {"HIRELINE_DATA_DIR": str(data_dir), "HIRELINE_PORT": str(port)}


def _postgres_processes(data_dir: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["name", "cmdline"]):
        cmdline = process.info["cmdline"] or []
        if process.info["name"] == "postgres" and any(str(data_dir) in arg for arg in cmdline):
            found.append(process)
    return found


@pytest.mark.embedded
def test_serve_starts_embedded_postgres_and_stops_cleanly(tmp_path: Path) -> None:
    port = free_port()
    data_dir = tmp_path / "data"
    env = _environment(data_dir, port)
    base = f"http://127.0.0.1:{port}"

    # The second run reuses the data directory; the third starts after one killed outright.
    for run, stop in (
        ("first", signal.SIGINT),
        ("second", signal.SIGKILL),
        ("third", signal.SIGTERM),
    ):
        process = subprocess.Popen(
            [str(HIRELINE), "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            ready = wait_ready(base, process, deadline_s=120)
            assert ready.json()["database"] == "ok", run
            missing = httpx.get(f"{base}/nowhere", headers={"X-Request-ID": "e2e-1"})
            assert missing.status_code == 404
            assert missing.headers["content-type"] == "application/problem+json"
            assert missing.headers["x-request-id"] == "e2e-1"
            metrics = httpx.get(f"{base}/metrics").text
            assert 'route="/readyz",status="200"' in metrics
        finally:
            process.send_signal(stop)
            stdout, _ = process.communicate(timeout=60)
        if stop == signal.SIGKILL:
            # Left running, as after a crash; the next run must still be able to stop it.
            assert _postgres_processes(data_dir), run
            continue
        assert process.returncode == 0, run
        lines = stdout.decode().splitlines()
        # The banner comes once the API is up, so its addresses are the last thing shown.
        assert lines[-1] == "Hireline stopped.", run
        assert lines[-2] == "Press Ctrl-C to stop.", run
        assert any("/docs" in line for line in lines)
        # The embedded server is stopped with the API: no postmaster is left behind.
        assert not (data_dir / "postgres" / "postmaster.pid").exists(), run
        assert not _postgres_processes(data_dir), run


def test_a_taken_port_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(HIRELINE), "serve", "--host", "127.0.0.1"],
            env=_environment(tmp_path / "data", port),
            capture_output=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stdout == b""  # no banner, no "starting"
    message = result.stderr.decode().strip()
    assert message == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use "
        "(choose another port with --port or HIRELINE_PORT)"
    )
    assert not (tmp_path / "data" / "postgres").exists()  # nothing was started
