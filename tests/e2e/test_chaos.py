"""The chaos bench, short: applications under SIGKILL, none lost, none doubled."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

CHAOS = Path(__file__).resolve().parents[2] / "bench" / "chaos.py"
# About a minute on a quiet machine: 300 applications (fewer are taken before any process
# is old enough to kill), a SIGKILL every ~2 s of a process that served for 3 s.
SHORT_RUN = [
    "--applications",
    "300",
    "--clients",
    "16",
    "--kill-every",
    "2",
    "--min-age",
    "3",
    "--drain-seconds",
    "300",
]


def test_applications_survive_killed_api_and_worker_processes(server_url: str) -> None:
    # The bench makes (and drops) a database of its own on the server, checks everything
    # it prints, and exits 1 when a check fails.
    bench = subprocess.Popen(
        [sys.executable, "-u", str(CHAOS), *SHORT_RUN],
        env=os.environ | {"DATABASE_URL": server_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = bench.communicate(timeout=900)
    except subprocess.TimeoutExpired:
        # Ctrl-C: the bench stops its servers and drops its database on the way out.
        os.killpg(bench.pid, signal.SIGINT)
        output, _ = bench.communicate(timeout=120)
        raise AssertionError(f"the bench did not finish in time:\n{output}") from None

    assert bench.returncode == 0, output
    assert "all checks passed" in output
    kills = re.search(r"kills: (\d+) API processes, (\d+) workers", output)
    assert kills is not None, output
    assert int(kills[1]) + int(kills[2]) > 0, output
