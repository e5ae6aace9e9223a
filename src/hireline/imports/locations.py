"""A source's written places ("London, United Kingdom", "Remote") as job locations."""

from __future__ import annotations

from hireline.jobs.schemas import JobLocation
from hireline.resumes.places import country_of


def job_locations(places: list[str]) -> list[JobLocation]:
    """Onsite locations with their country when the place names one; "Remote" (or no place
    at all) is a remote location open anywhere."""
    found: list[JobLocation] = []
    for place in dict.fromkeys(places):
        if "remote" in place.casefold():
            found.append(JobLocation(mode="remote"))
            continue
        parts = [part.strip() for part in place.split(",") if part.strip()]
        found.append(
            JobLocation(
                mode="onsite",
                city=parts[0][:120],
                region=parts[1][:120] if len(parts) > 2 else None,
                country=country_of(place),
            )
        )
    unique = list({location.model_dump_json(): location for location in found}.values())
    return unique[:20] or [JobLocation(mode="remote")]
