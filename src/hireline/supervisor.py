"""`hireline serve --workers N`: uvicorn's supervisor, telling when an API process dies.

uvicorn replaces a dead child but says so only at INFO, without how it died, and counts
nothing. Here each death is logged with its exit code or signal (and whether the process
hung and had to be killed), and counted in `hireline_api_process_restarts_total`, which
/metrics shows from the shared multiprocess directory of the API processes.
"""

from __future__ import annotations

import signal
from pathlib import Path
from socket import socket
from typing import Any

import structlog
from prometheus_client import values
from uvicorn import Config
from uvicorn.supervisors.multiprocess import Multiprocess, Process

logger = structlog.get_logger(__name__)

RESTARTS = "hireline_api_process_restarts"
# Seconds a child has to answer the supervisor's ping before it is deemed hung and killed.
# uvicorn's 5 s is shorter than a child takes to start (spawn, imports) on a busy machine:
# measured on 2 shared cores, healthy children were killed and replaced in a loop.
HEALTHCHECK_SECONDS = 60
_RESTARTS_HELP = "API processes that died and were replaced by `hireline serve --workers N`."


def exit_description(exitcode: int | None) -> dict[str, Any]:
    """`signal` for a process killed by one (multiprocessing reports it negated), else
    `exit_code`."""
    if exitcode is not None and exitcode < 0:
        try:
            return {"signal": signal.Signals(-exitcode).name}
        except ValueError:
            return {"signal": str(-exitcode)}
    return {"exit_code": exitcode}


class _RestartCounter:
    """A counter in this (parent) process's file of the multiprocess metrics directory.

    Written through prometheus-client's multiprocess value directly: the parent serves no
    /metrics of its own, the API processes read its file with everyone else's.
    """

    def __init__(self) -> None:
        value_class = values.MultiProcessValue()  # type: ignore[no-untyped-call]
        self._value = value_class(
            "counter", RESTARTS, f"{RESTARTS}_total", (), (), _RESTARTS_HELP
        )  # a zero is written at once, so the series exists before the first death

    def inc(self) -> None:
        self._value.inc(1)


class SupervisedProcesses(Multiprocess):
    """uvicorn's `Multiprocess`, logging and counting every child it replaces."""

    def __init__(self, config: Config, sockets: list[socket]) -> None:
        super().__init__(config, sockets)
        self._restarts = _RestartCounter()

    def keep_subprocess_alive(self) -> None:
        before: list[tuple[Process, bool]] = [
            (process, process.process.is_alive()) for process in self.processes
        ]
        super().keep_subprocess_alive()
        for index, (old, was_running) in enumerate(before):
            replacement = self.processes[index]
            if replacement is old:
                continue
            self._restarts.inc()
            logger.warning(
                "api_process_died",
                pid=old.pid,
                # Still running before the check: it stopped answering and uvicorn killed it.
                hung=was_running,
                replaced_by=replacement.pid,
                **exit_description(old.exitcode),
            )


def run_supervised(config: Config) -> None:
    """Run `config.workers` API processes, replacing any that dies, until told to stop.

    Give `config` `timeout_worker_healthcheck=HEALTHCHECK_SECONDS`.
    """
    sock = config.bind_socket()
    SupervisedProcesses(config, sockets=[sock]).run()


def api_process_ids(supervisor_pid: int) -> list[int]:
    """The API processes a running `serve --workers N` supervises (Linux: from /proc).

    multiprocessing's own helper (the resource tracker) is a child too, and left out.
    """
    try:
        children = Path(f"/proc/{supervisor_pid}/task/{supervisor_pid}/children").read_text()
    except FileNotFoundError:
        return []
    found = []
    for child in map(int, children.split()):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except FileNotFoundError:
            continue  # gone meanwhile
        if b"spawn_main" in command and b"resource_tracker" not in command:
            found.append(child)
    return found
