"""Salary benchmark ETL: parse and validate CSV or JSON rows, then load them in one go.

Rows are checked in plain Python (no per-row model objects); `repository.upsert` loads them
with COPY into a temporary table followed by one upsert, because the import must keep pace
with a raw COPY.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import orjson

from hireline.core.errors import ValidationFailed
from hireline.guides.templates.content import LEVELS

COLUMNS = ("role", "level", "location", "currency", "min", "max", "source", "as_of")
REQUIRED = frozenset(COLUMNS) - {"source", "as_of"}
MAX_REPORTED_REJECTIONS = 1000
MAX_SALARY = 5_000_000
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_LEVELS = frozenset(LEVELS)

ImportFormat = Literal["csv", "json"]
Progress = Callable[[str, int], None]
# role, level, location, currency, min, max, source, as_of (ISO date)
Row = tuple[str, str, str, str, int, int, str, str]


@dataclass
class Rejection:
    """A row that was not loaded: its 1-based number in the file and why."""

    row: int
    reason: str


@dataclass
class ImportReport:
    """What an import did."""

    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def reject(self, row: int, reason: str) -> None:
        self.rejected += 1
        if len(self.rejections) < MAX_REPORTED_REJECTIONS:
            self.rejections.append(Rejection(row, reason))


def _decode(payload: bytes) -> str:
    if not payload.strip():
        raise ValidationFailed("The file is empty.", errors=[_file_error("empty file")])
    try:
        return payload.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed(
            f"The file is not UTF-8 text (invalid byte at position {exc.start}); "
            "save it as UTF-8 and try again.",
            errors=[_file_error("not UTF-8")],
        ) from None


def _file_error(message: str) -> dict[str, Any]:
    return {"loc": ["body", "file"], "msg": message, "type": "file"}


RawRow = tuple[Any, ...]  # values in COLUMNS order, as found in the file
_BROKEN = object()  # marks a record that could not be read as a row; its reason follows


def _csv_records(content: str) -> Iterator[tuple[int, RawRow]]:
    reader = csv.reader(io.StringIO(content))
    header = next(reader, None)
    if header is None:
        raise ValidationFailed("The file is empty.", errors=[_file_error("empty file")])
    names = [name.strip().lower() for name in header]
    missing = sorted(REQUIRED - set(names))
    if missing:
        raise ValidationFailed(
            f"The CSV header lacks column(s): {', '.join(missing)}; expected {', '.join(COLUMNS)}.",
            errors=[_file_error("missing columns")],
        )
    width = len(names)
    positions = [names.index(column) if column in names else None for column in COLUMNS]
    if positions == list(range(len(COLUMNS))) and width == len(COLUMNS):
        for number, values in enumerate(reader, start=1):
            if len(values) == width:
                yield number, tuple(values)
            elif values and any(value.strip() for value in values):
                yield number, (_BROKEN, f"has {len(values)} fields, the header has {width}")
        return
    for number, values in enumerate(reader, start=1):
        if len(values) == width:
            yield number, tuple(values[i] if i is not None else None for i in positions)
        elif values and any(value.strip() for value in values):
            yield number, (_BROKEN, f"has {len(values)} fields, the header has {width}")


def _json_records(content: str) -> Iterator[tuple[int, RawRow]]:
    try:
        document = orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        raise ValidationFailed(
            f"The file is not valid JSON: {exc}", errors=[_file_error("invalid JSON")]
        ) from None
    rows = document.get("rows") if isinstance(document, dict) else document
    if not isinstance(rows, list):
        raise ValidationFailed(
            'The JSON must be a list of rows or {"rows": [...]}.',
            errors=[_file_error("not a list")],
        )
    for number, record in enumerate(rows, start=1):
        if isinstance(record, dict):
            yield number, tuple(record.get(column) for column in COLUMNS)
        else:
            yield number, (_BROKEN, "is not an object")


def _whole_number(value: Any, name: str) -> int:
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            cleaned = value.strip().replace(",", "").replace("_", "")
            if cleaned.isdigit():
                return int(cleaned)
    elif isinstance(value, int) and not isinstance(value, bool):
        return value
    elif isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError(f"{name} must be a whole number, got {value!r}")


def _as_of(value: Any, default: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    raw = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}", raw):
        raw += "-01"
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ValueError(f"as_of must be YYYY-MM-DD or YYYY-MM, got {raw!r}") from None


class RowValidator:
    """Checks rows one by one, remembering values already accepted.

    Benchmark files repeat a few roles, locations and dates thousands of times; checking
    each distinct value once keeps validation from dominating the import.
    """

    def __init__(self, *, default_source: str, today: str) -> None:
        self.default_source = default_source
        self.today = today
        self._slugs: dict[str, str] = {}
        self._currencies: dict[str, str] = {}
        self._provenances: dict[tuple[Any, Any], tuple[str, str]] = {}

    def _slug(self, value: Any, name: str, example: str) -> str:
        cached = self._slugs.get(value) if isinstance(value, str) else None
        if cached is None:
            key = value if isinstance(value, str) else str(value or "")
            cleaned = key.strip().lower()
            if not _SLUG.match(cleaned):
                raise ValueError(f"{name} must be a slug such as {example}, got {cleaned!r}")
            self._slugs[key] = cached = cleaned
        return cached

    def _currency(self, value: Any) -> str:
        key = value if isinstance(value, str) else str(value or "")
        cached = self._currencies.get(key)
        if cached is None:
            cleaned = key.strip().upper()
            if not _CURRENCY.match(cleaned):
                raise ValueError(f"currency must be a 3-letter ISO code, got {cleaned!r}")
            self._currencies[key] = cached = cleaned
        return cached

    @staticmethod
    def _level(value: Any) -> str:
        level = str(value or "").strip().lower()
        if level not in _LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
        return level

    def __call__(self, raw: RawRow) -> Row:
        """One clean row, or ValueError saying what is wrong with it."""
        if raw[0] is _BROKEN:
            raise ValueError(raw[1])
        role = self._slug(raw[0], "role", "python-backend-developer")
        level = raw[1] if isinstance(raw[1], str) and raw[1] in _LEVELS else self._level(raw[1])
        location = self._slug(raw[2], "location", "austin-tx")
        currency = self._currency(raw[3])
        low = _whole_number(raw[4], "min")
        high = _whole_number(raw[5], "max")
        if not 0 < low <= MAX_SALARY or not 0 < high <= MAX_SALARY:
            raise ValueError(f"min and max must be between 1 and {MAX_SALARY:,}")
        if low > high:
            raise ValueError(f"min ({low}) is greater than max ({high})")
        return (role, level, location, currency, low, high, *self._provenance(raw[6], raw[7]))

    def _provenance(self, source: Any, as_of: Any) -> tuple[str, str]:
        key = (source, as_of)
        try:
            return self._provenances[key]
        except (KeyError, TypeError):
            pass
        cleaned = source.strip() if isinstance(source, str) else ""
        if len(cleaned) > 200:
            raise ValueError("source is longer than 200 characters")
        result = (cleaned or self.default_source, _as_of(as_of, self.today))
        self._provenances[key] = result
        return result


def parse(
    payload: bytes,
    fmt: ImportFormat,
    *,
    default_source: str,
    report: ImportReport,
    progress: Progress | None = None,
) -> list[Row]:
    """The valid rows of a file, de-duplicated; rejects go into `report`."""
    content = _decode(payload)
    records: Iterable[tuple[int, RawRow]] = (
        _csv_records(content) if fmt == "csv" else _json_records(content)
    )
    validate = RowValidator(default_source=default_source, today=date.today().isoformat())
    seen: dict[tuple[str, str, str, str], int] = {}
    rows: list[Row] = []
    for number, record in records:
        report.rows_read += 1
        if progress and report.rows_read % 10_000 == 0:
            progress("validated", report.rows_read)
        try:
            row = validate(record)
        except ValueError as exc:
            report.reject(number, str(exc))
            continue
        key = (row[0], row[1], row[2], row[3])
        if key in seen:
            report.reject(
                number, f"duplicates row {seen[key]} (same role, level, location, currency)"
            )
            continue
        seen[key] = number
        rows.append(row)
    if report.rows_read == 0:
        raise ValidationFailed("The file holds no rows.", errors=[_file_error("no rows")])
    return rows


def format_of(file_name: str | None, payload: bytes, declared: str | None) -> ImportFormat:
    """The declared format, else the file name's, else what the first byte suggests."""
    if declared in ("csv", "json"):
        return "csv" if declared == "csv" else "json"
    name = (file_name or "").lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    return "json" if payload.lstrip()[:1] in (b"[", b"{") else "csv"
