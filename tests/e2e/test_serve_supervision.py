"""`hireline serve --workers 2`: a killed API process is logged with its signal and counted."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import orjson

from hireline.supervisor import api_process_ids
from tests.served import HIRELINE, free_port, wait_ready

RESTARTS = re.compile(r"^hireline_api_process_restarts_total (\S+)$", re.MULTILINE)


def _until(seconds: float, what: str, check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"not seen in {seconds} s: {what}"
        time.sleep(0.1)


def test_a_killed_api_process_is_logged_with_its_signal_and_counted(
    database_url: str, tmp_path: Path
) -> None:
    port = free_port()
    env = os.environ | {
        "DATABASE_URL": database_url,
        "HIRELINE_DATA_DIR": str(tmp_path / "data"),
        "HIRELINE_PORT": str(port),
        "HIRELINE_LOG_FORMAT": "json",
    }
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [str(HIRELINE), "serve", "--workers", "2", "--no-demo", "--no-migrate"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
        try:
            # Minutes, not seconds, on a machine whose two cores are shared and busy.
            wait_ready(base, server, deadline_s=300)
            _until(30, "two API processes", lambda: len(api_process_ids(server.pid)) == 2)
            victim = api_process_ids(server.pid)[0]

            os.kill(victim, signal.SIGKILL)

            def death_logged() -> bool:
                deaths = [
                    orjson.loads(line)
                    for line in log.read_bytes().splitlines()
                    if line.startswith(b"{") and b'"api_process_died"' in line
                ]
                # Killed from outside, not for hanging: the supervisor tells them apart.
                return any(
                    d["pid"] == victim and d["signal"] == "SIGKILL" and d["hung"] is False
                    for d in deaths
                )

            _until(30, "the death in the log", death_logged)
            _until(30, "a replacement", lambda: len(api_process_ids(server.pid)) == 2)
            _until(
                30,
                "one restart in /metrics",
                lambda: RESTARTS.findall(httpx.get(f"{base}/metrics").text) == ["1.0"],
            )
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
