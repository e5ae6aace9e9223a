"""What an import did (or, in a dry run, would do): counts, duplicates, unmapped names and
the records that failed, each with where it is in the source."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from hireline.imports.export import RecordError
from hireline.imports.schemas import (
    ImportReport,
    ImportTally,
    RecordProblem,
    UnmappedReason,
    UnmappedStage,
)

KINDS = ("job", "candidate", "application", "attachment")


@dataclass(slots=True)
class Tally:
    created: int = 0
    # Imported by an earlier run of the same source: left as they are.
    already_imported: int = 0
    # Matched to what Hireline already held (a person by e-mail, a job by title).
    matched: int = 0
    # Not imported on purpose (attachments that are not résumés).
    skipped: int = 0


@dataclass(slots=True)
class Report:
    system: str
    dry_run: bool
    tallies: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    duplicates: list[str] = field(default_factory=list)
    # (job title, source stage name) -> applications placed in the job's first stage.
    unmapped_stages: Counter[tuple[str, str]] = field(default_factory=Counter)
    unmapped_reasons: Counter[str] = field(default_factory=Counter)
    unmapped_fields: list[str] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    # Values left out of a record that was imported (a phone number that is not one, say).
    warnings: list[RecordError] = field(default_factory=list)
    resumes_queued: int = 0

    @property
    def stored(self) -> bool:
        """Whether the import was kept: not a dry run, and no record failed."""
        return not self.dry_run and not self.errors

    def read(self) -> ImportReport:
        """The report as the API shows it."""
        return ImportReport(
            stored=self.stored,
            dry_run=self.dry_run,
            counts={
                kind: ImportTally(
                    created=t.created,
                    already_imported=t.already_imported,
                    matched=t.matched,
                    skipped=t.skipped,
                )
                for kind, t in self.tallies.items()
            },
            resumes_queued=self.resumes_queued,
            duplicates=self.duplicates,
            unmapped_stages=[
                UnmappedStage(job=job, stage=stage, applications=n)
                for (job, stage), n in sorted(self.unmapped_stages.items())
            ],
            unmapped_rejection_reasons=[
                UnmappedReason(reason=reason, applications=n)
                for reason, n in sorted(self.unmapped_reasons.items())
            ],
            unmapped_fields=self.unmapped_fields,
            left_out=[RecordProblem(record=w.ref, message=w.message) for w in self.warnings],
            errors=[RecordProblem(record=e.ref, message=e.message) for e in self.errors],
        )

    def lines(self, *, limit: int = 50) -> list[str]:
        """The report as a person reads it."""
        if self.dry_run:
            head = "Dry run: nothing was stored. The import would bring in:"
        elif self.errors:
            head = "Nothing was stored: fix the records below and run the import again."
        else:
            head = "Imported:"
        out = [head]
        for kind, tally in self.tallies.items():
            out.append(
                f"  {kind + 's':<13}{tally.created:>6} new  {tally.already_imported:>6} already "
                f"imported  {tally.matched:>6} matched existing  {tally.skipped:>6} skipped"
            )
        out.append(f"  résumés queued for parsing: {self.resumes_queued}")
        if self.duplicates:
            out.append(f"Duplicates ({len(self.duplicates)}):")
            out += [f"  {line}" for line in self.duplicates[:limit]]
        if self.unmapped_stages:
            out.append("Stages with no counterpart (placed in the job's first stage):")
            out += [
                f"  {title}: {stage!r} ({count})"
                for (title, stage), count in sorted(self.unmapped_stages.items())
            ]
        if self.unmapped_reasons:
            out.append("Rejection reasons with no counterpart (kept in the activity only):")
            out += [f"  {reason!r} ({n})" for reason, n in sorted(self.unmapped_reasons.items())]
        if self.unmapped_fields:
            out.append(f"Columns not imported: {', '.join(self.unmapped_fields)}")
        if self.warnings:
            out.append(f"Left out ({len(self.warnings)}):")
            out += [f"  {warning}" for warning in self.warnings[:limit]]
        if self.errors:
            out.append(f"Errors ({len(self.errors)}):")
            out += [f"  {error}" for error in self.errors[:limit]]
            if len(self.errors) > limit:
                out.append(f"  ... and {len(self.errors) - limit} more")
        return out
