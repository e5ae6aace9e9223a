"""Résumés are read in child processes that a bad file can exhaust without harming the worker.

Each child has an address-space limit (`RLIMIT_AS`) and each file a deadline: a file that
takes too long gets its child killed, one that needs too much memory gets a `MemoryError`
(or its child dies), and in every case the worker records a readable reason and goes on with
a fresh child. Children are long-lived, so the cost of starting Python and importing the
parsers is paid once per child, not per file.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import resource
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

import anyio
import structlog

logger = structlog.get_logger(__name__)

# `spawn`, not `fork`: the worker has threads and open connections a fork would copy.
_CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class ParseOutcome:
    """What reading one file gave: the parsed fields, or why there are none."""

    parsed: dict[str, Any] | None
    error: str | None


def _child(connection: Connection, memory_bytes: int) -> None:
    # Imported here: the API process, which only queues parses, never loads the parsers.
    from hireline.resumes.extract import UnreadableResume
    from hireline.resumes.parsing import parse_resume

    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    while True:
        try:
            request = connection.recv()
        except EOFError:  # the worker went away
            return
        data, content_type, today, region = request
        try:
            parsed = parse_resume(data, content_type, today=today, default_region=region)
            connection.send(("ok", parsed))
        except UnreadableResume as exc:
            connection.send(("failed", str(exc)))
        except MemoryError:
            connection.send(("failed", "The file needs more memory than a résumé may use."))
        except RecursionError:
            connection.send(("failed", "The file is nested too deeply to be read."))
        except Exception as exc:  # a parser bug must not lose the file: report it
            connection.send(("failed", f"The file could not be read ({type(exc).__name__})."))


class _Child:
    def __init__(self, memory_bytes: int) -> None:
        parent_end, child_end = _CONTEXT.Pipe()
        self.connection = parent_end
        self.process: BaseProcess = _CONTEXT.Process(
            target=_child, args=(child_end, memory_bytes), daemon=True, name="resume-parser"
        )
        self.process.start()
        child_end.close()

    def ask(self, request: tuple[bytes, str, date, str | None], seconds: float) -> ParseOutcome:
        """Blocking: send a file, wait for its result at most `seconds` (raises TimeoutError)."""
        self.connection.send(request)
        if not self.connection.poll(seconds):
            raise TimeoutError
        status, value = self.connection.recv()
        if status == "ok":
            return ParseOutcome(parsed=value, error=None)
        return ParseOutcome(parsed=None, error=str(value))

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class ParserPool:
    """A fixed number of parser children shared by a worker's concurrent jobs."""

    def __init__(self, size: int, *, seconds: float, memory_bytes: int) -> None:
        self.size = size
        self.seconds = seconds
        self.memory_bytes = memory_bytes
        self._idle: asyncio.Queue[_Child | None] = asyncio.Queue()
        for _ in range(size):
            self._idle.put_nowait(None)  # started on first use
        self._children: set[_Child] = set()

    async def parse(
        self, data: bytes, content_type: str, *, today: date, default_region: str | None = None
    ) -> ParseOutcome:
        """Parse one file in a child; never raises for anything the file does."""
        child = await self._idle.get()
        try:
            if child is not None and not child.process.is_alive():
                self._discard(child)
                child = None
            if child is None:
                child = await anyio.to_thread.run_sync(self._start)
            request = (data, content_type, today, default_region)
            try:
                return await anyio.to_thread.run_sync(child.ask, request, self.seconds)
            except TimeoutError:
                self._discard(child)
                child = None
                return ParseOutcome(
                    None, f"Reading the file took longer than {self.seconds:g} s; it was stopped."
                )
            except (EOFError, OSError):  # the child died: killed for memory, or crashed
                self._discard(child)
                child = None
                return ParseOutcome(None, "The file made the reader stop (too large or malformed).")
        finally:
            self._idle.put_nowait(child)

    def _start(self) -> _Child:
        child = _Child(self.memory_bytes)
        self._children.add(child)
        return child

    def _discard(self, child: _Child) -> None:
        logger.warning("resume_parser_replaced", pid=child.process.pid)
        self._children.discard(child)
        child.stop()

    def close(self) -> None:
        for child in list(self._children):
            with contextlib.suppress(Exception):
                child.stop()
        self._children.clear()
