"""The band an offer is checked against: the job's, explained as the hiring guide does."""

from __future__ import annotations

from typing import Any

from hireline.guides.salaries.service import SalaryBandResult
from hireline.offers.schemas import SalaryBand


def explain_band(band: SalaryBandResult | None, reason: str | None = None) -> dict[str, Any]:
    """The band as stored on an offer and shown beside the form (JSON)."""
    if band is None:
        return {
            "available": False,
            "reason": reason
            or "The job has no role template and level, so there is no band to check against.",
        }
    return SalaryBand(
        available=True,
        role=band.role,
        level=band.level,
        location=band.location,
        location_name=band.location_name,
        currency=band.currency,
        min=band.adjusted_min,
        max=band.adjusted_max,
        origin=band.origin,
        source=band.source,
        as_of=band.as_of,
        basis=band.basis,
        adjustments=[
            {
                "label": a.label,
                "min_delta": a.min_delta,
                "max_delta": a.max_delta,
                "explanation": a.explanation,
            }
            for a in band.adjustments
        ],
        notes=band.notes,
    ).model_dump(mode="json")


def within(band: dict[str, Any], salary: int, currency: str) -> bool | None:
    """Whether the salary is inside the band; None when there is no band to compare with."""
    if not band.get("available"):
        return None
    if currency != band["currency"]:
        return False
    return bool(band["min"] <= salary <= band["max"])
