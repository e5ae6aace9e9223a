"""The reports as CSV (`Accept: text/csv`): one row per stage, source or figure, so that a
spreadsheet opens them as they are."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from pydantic import BaseModel

from hireline.analytics.schemas import (
    Durations,
    Funnel,
    Offers,
    PipelineHealth,
    Sources,
    TimeInStage,
    TimeToHire,
)

DURATION_HEADER = ["measured", "median_hours", "p75_hours", "p90_hours"]


def _durations(d: Durations) -> list[object]:
    return [d.measured, d.median_hours, d.p75_hours, d.p90_hours]


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        # Cells that a spreadsheet would run as a formula are quoted as text.
        writer.writerow(["" if v is None else _inert(v) for v in row])
    return out.getvalue()


def _inert(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(report: BaseModel) -> str:
    """The report's rows as CSV text (the freshness stays in the JSON and a header)."""
    match report:
        case Funnel():
            return _table(
                ["position", "stage", "applications", "conversion_to_next", "rejected",
                 "withdrawn"],
                ([s.position, s.name, s.applications, s.conversion_to_next, s.rejected,
                  s.withdrawn] for s in report.stages),
            )  # fmt: skip
        case TimeInStage():
            return _table(
                ["position", "stage", *DURATION_HEADER],
                ([s.position, s.name, *_durations(s.time)] for s in report.stages),
            )
        case TimeToHire():
            return _table(
                ["measure", *DURATION_HEADER],
                [
                    ["time_to_hire", *_durations(report.time_to_hire)],
                    ["time_to_first_action", *_durations(report.time_to_first_action)],
                ],
            )
        case Sources():
            return _table(
                ["source", "applications", "interviewed", "offered", "hired"],
                ([s.source, s.applications, s.interviewed, s.offered, s.hired]
                 for s in report.sources),
            )  # fmt: skip
        case Offers():
            return _table(
                ["sent", "accepted", "declined", "acceptance_rate", "in_band_share",
                 *(f"time_to_accept_{h}" for h in DURATION_HEADER)],
                [[report.sent, report.accepted, report.declined, report.acceptance_rate,
                  report.in_band_share, *_durations(report.time_to_accept)]],
            )  # fmt: skip
        case PipelineHealth():
            return _table(
                ["stale_applications", "stale_after_days", "interviews_without_scorecards"],
                [[report.stale_applications, report.stale_after_days,
                  report.interviews_without_scorecards]],
            )  # fmt: skip
    raise TypeError(f"no CSV form for {type(report).__name__}")
