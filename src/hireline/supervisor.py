"""`hireline serve --workers N`: uvicorn's supervisor, telling when an API process dies.

uvicorn replaces a dead child but says so only at INFO, without how it died, and counts
nothing. Here each death is logged with its exit code or signal (and whether the process
hung and had to be killed), and counted in `hireline_api_process_restarts_total`, which
/metrics shows from the shared multiprocess directory of the API processes.

The liveness check differs from uvicorn's too, after a chaos run (bench/chaos.py) on two
busy cores. uvicorn pings its children one after the other and waits for each answer: a
child still starting (spawn and imports took 10-45 s there) does not answer within the 5 s
allowed and was killed in a loop, and with a longer wait a second child that died meanwhile
stayed dead for that long. Here the dead are replaced first, without waiting on anyone, and
only a child past its start-up grace is asked whether it is hung.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path
from socket import socket
from typing import Any

import structlog
from prometheus_client import values
from uvicorn import Config
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Multiprocess, Process

logger = structlog.get_logger(__name__)

RESTARTS = "hireline_api_process_restarts"
# Seconds after its start before a child is asked whether it is hung: time to start up.
STARTUP_GRACE_SECONDS = 120.0
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
    """uvicorn's `Multiprocess`, replacing the dead at once, logging and counting them."""

    def __init__(self, config: Config, sockets: list[socket]) -> None:
        super().__init__(config, sockets)
        self._restarts = _RestartCounter()
        self._started: dict[int, float] = {}

    def init_processes(self) -> None:
        super().init_processes()
        for process in self.processes:
            self._started[id(process)] = time.monotonic()

    def keep_subprocess_alive(self) -> None:
        if self.should_exit.is_set():
            return
        for index, process in enumerate(self.processes):
            if not process.process.is_alive():
                self._replace(index, process, hung=False)
        now = time.monotonic()
        for index, process in enumerate(self.processes):
            started = self._started.get(id(process), now)
            if now - started < STARTUP_GRACE_SECONDS:
                continue  # still starting, or just started: not asked yet
            if not process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                process.kill()
                self._replace(index, process, hung=True)

    def _replace(self, index: int, process: Process, *, hung: bool) -> None:
        process.join()
        self._started.pop(id(process), None)
        if process.exitcode == STARTUP_FAILURE:
            # The app, TLS or socket is broken and would fail alike on every restart.
            logger.error("api_process_failed_to_start", pid=process.pid)
            self.should_exit.set()
            return
        if self.should_exit.is_set():
            return
        replacement = Process(self.config, self.sockets)
        replacement.start()
        self.processes[index] = replacement
        self._started[id(replacement)] = time.monotonic()
        self._restarts.inc()
        logger.warning(
            "api_process_died",
            pid=process.pid,
            # It stopped answering the supervisor, which killed it.
            hung=hung,
            replaced_by=replacement.pid,
            **exit_description(process.exitcode),
        )


def run_supervised(config: Config) -> None:
    """Run `config.workers` API processes, replacing any that dies, until told to stop."""
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
