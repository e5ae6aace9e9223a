"""The résumé reader process: `python -m hireline.resumes.reader MEMORY_BYTES`.

Started and fed by `sandbox.ParserPool`. It limits its own address space, then reads files
from stdin and writes what it found to stdout, one at a time, until stdin closes. Frames are
a 4-byte big-endian length and a payload; a request is a JSON header frame and a file frame,
an answer one JSON frame. Answers are JSON, never pickle: should a file ever take this
process over, what it sends back is still only data to the worker.
"""

from __future__ import annotations

import resource
import struct
import sys
from datetime import date
from typing import Any, BinaryIO

import orjson

_LENGTH = struct.Struct(">I")
TOO_MUCH_MEMORY = "The file needs more memory than a résumé may use."
# Encoded ahead: with no memory left, encoding it then could fail too.
_OUT_OF_MEMORY = orjson.dumps({"status": "failed", "error": TOO_MUCH_MEMORY})


def write_frame(stream: BinaryIO, payload: bytes) -> None:
    stream.write(_LENGTH.pack(len(payload)) + payload)
    stream.flush()


def _read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack(head)
    payload = stream.read(length)
    return payload if len(payload) == length else None


def _answer(header: dict[str, Any], data: bytes) -> dict[str, Any]:
    from hireline.resumes.extract import UnreadableResume
    from hireline.resumes.parsing import parse_resume

    try:
        parsed = parse_resume(
            data,
            header["content_type"],
            today=date.fromisoformat(header["today"]),
            default_region=header.get("region"),
            home_region=header.get("home_region"),
        )
    except UnreadableResume as exc:
        return {"status": "failed", "error": str(exc)}
    except MemoryError:
        return {"status": "failed", "error": TOO_MUCH_MEMORY}
    except RecursionError:
        return {"status": "failed", "error": "The file is nested too deeply to be read."}
    except Exception as exc:  # a parser bug must not lose the file: report it
        return {"status": "failed", "error": f"The file could not be read ({type(exc).__name__})."}
    return {"status": "ok", "parsed": parsed}


def main(memory_bytes: int) -> None:
    # Loaded before the limit, so that the limit is left for the files.
    import hireline.resumes.parsing  # noqa: F401

    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    write_frame(sink, b'{"status":"ready"}')
    while True:
        header_frame = _read_frame(source)
        data = _read_frame(source) if header_frame is not None else None
        if header_frame is None or data is None:
            return  # the worker went away
        answer = _answer(orjson.loads(header_frame), data)
        try:
            encoded = orjson.dumps(answer)
        except MemoryError:  # the answer itself too big to encode
            encoded = _OUT_OF_MEMORY
        write_frame(sink, encoded)


if __name__ == "__main__":
    main(int(sys.argv[1]))
