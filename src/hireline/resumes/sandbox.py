"""Résumés are read in child processes that a bad file can exhaust without harming the worker.

Each child (`python -m hireline.resumes.reader`) limits its own address space (`RLIMIT_AS`),
and each file has a deadline: a file that takes too long gets its child killed, one that
needs too much memory gets a `MemoryError` (or its child dies), and in every case the worker
records a readable reason and goes on with a fresh child. Children are long-lived, so starting
Python and importing the parsers is paid once per child, not per file. They are plain
subprocesses, not `multiprocessing` ones, so they never re-import the worker's own program.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
import structlog

logger = structlog.get_logger(__name__)

_LENGTH_BYTES = 4
# Starting Python and importing the parsers; generous, for a loaded machine.
_START_SECONDS = 60.0


@dataclass(frozen=True)
class ParseOutcome:
    """What reading one file gave: the parsed fields, or why there are none."""

    parsed: dict[str, Any] | None
    error: str | None


class _ChildGone(Exception):
    """The reader process exited or broke its pipe."""


class _Child:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls, memory_bytes: int) -> _Child:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "hireline.resumes.reader",
            str(memory_bytes),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        child = cls(process)
        try:
            ready = await asyncio.wait_for(child._read(), _START_SECONDS)
        except BaseException:
            child.stop()
            raise
        if ready.get("status") != "ready":
            child.stop()
            raise RuntimeError("the résumé reader did not start")
        return child

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def alive(self) -> bool:
        return self.process.returncode is None

    async def ask(self, header: dict[str, Any], data: bytes, seconds: float) -> dict[str, Any]:
        """Send a file; its answer within `seconds` (TimeoutError), or _ChildGone."""
        stdin = self.process.stdin
        assert stdin is not None
        encoded = orjson.dumps(header)
        try:
            for payload in (encoded, data):
                stdin.write(len(payload).to_bytes(_LENGTH_BYTES, "big") + payload)
            await stdin.drain()
        except (BrokenPipeError, ConnectionResetError) as exc:
            raise _ChildGone from exc
        return await asyncio.wait_for(self._read(), seconds)

    async def _read(self) -> dict[str, Any]:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            length = int.from_bytes(await stdout.readexactly(_LENGTH_BYTES), "big")
            answer = orjson.loads(await stdout.readexactly(length))
        except (asyncio.IncompleteReadError, orjson.JSONDecodeError) as exc:
            raise _ChildGone from exc
        if not isinstance(answer, dict):
            raise _ChildGone
        return answer

    def stop(self) -> None:
        if self.alive:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()


class ParserPool:
    """A fixed number of reader children shared by a worker's concurrent jobs."""

    def __init__(self, size: int, *, seconds: float, memory_bytes: int) -> None:
        self.size = size
        self.seconds = seconds
        self.memory_bytes = memory_bytes
        self._idle: asyncio.Queue[_Child | None] = asyncio.Queue()
        for _ in range(size):
            self._idle.put_nowait(None)  # started on first use
        self._children: set[_Child] = set()

    @property
    def pids(self) -> list[int]:
        """The running children's process ids."""
        return [child.pid for child in self._children if child.alive]

    async def parse(
        self,
        data: bytes,
        content_type: str,
        *,
        today: date,
        default_region: str | None = None,
        home_region: str | None = None,
    ) -> ParseOutcome:
        """Parse one file in a child; never raises for anything the file does.

        National phone numbers are read in `home_region` (the candidate's country) when
        given, else as the résumé itself says, else in `default_region`.
        """
        header = {"content_type": content_type, "today": today.isoformat()}
        if default_region:
            header["region"] = default_region
        if home_region:
            header["home_region"] = home_region
        child = await self._idle.get()
        try:
            while True:
                if child is not None and not child.alive:
                    self._discard(child)
                    child = None
                # A child that died while idle (killed from outside, say) may not have been
                # reaped yet and so look alive; only a fresh child's death is the file's doing.
                fresh = child is None
                if child is None:
                    child = await _Child.start(self.memory_bytes)
                    self._children.add(child)
                try:
                    answer = await child.ask(header, data, self.seconds)
                except TimeoutError:
                    self._discard(child)
                    child = None
                    return ParseOutcome(
                        None,
                        f"Reading the file took longer than {self.seconds:g} s; it was stopped.",
                    )
                except _ChildGone:
                    # Killed for memory by the kernel, or crashed: start afresh.
                    returncode = await self._reap(child)
                    self._discard(child)
                    child = None
                    if returncode is not None and returncode < 0:
                        logger.warning("resume_reader_died", signal=-returncode)
                    if not fresh:
                        continue
                    return ParseOutcome(
                        None, "The file made the reader stop (too large or malformed)."
                    )
                if answer.get("status") == "ok" and isinstance(answer.get("parsed"), dict):
                    return ParseOutcome(parsed=answer["parsed"], error=None)
                return ParseOutcome(None, str(answer.get("error") or "The file could not be read."))
        finally:
            self._idle.put_nowait(child)

    async def _reap(self, child: _Child) -> int | None:
        with contextlib.suppress(TimeoutError):
            return await asyncio.wait_for(child.process.wait(), 5)
        return None

    def _discard(self, child: _Child) -> None:
        logger.warning("resume_reader_replaced", pid=child.pid)
        self._children.discard(child)
        child.stop()

    def close(self) -> None:
        for child in list(self._children):
            child.stop()
        self._children.clear()
