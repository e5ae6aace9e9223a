"""A stored match in brief: its score and the reasons that weigh most, in words.

For lists of applicants (`GET /v1/jobs/{id}/applications`), where the whole explanation of
each (`GET /v1/applications/{id}/match`) would be too much to read and to send.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hireline.matching.schemas import MatchReason, MatchSummary

TOP_REASONS = 3


def _skills(kind: str) -> Callable[[Mapping[str, Any]], str]:
    def text(part: Mapping[str, Any]) -> str:
        matched, related, missing = (
            list(part.get(key) or []) for key in ("matched", "related", "missing")
        )
        total = len(matched) + len(related) + len(missing)
        words = f"has {len(matched)} of {total} {kind} skills"
        if related:
            words += f", {len(related)} more through a related skill"
        if missing:
            words += "; missing " + ", ".join(str(skill) for skill in missing[:3])
            if len(missing) > 3:
                words += f" and {len(missing) - 3} more"
        return words

    return text


def _years(part: Mapping[str, Any]) -> str:
    if part.get("candidate") is None:
        return f"years of experience unknown ({part.get('minimum'):g} asked)"
    return f"{part['candidate']:g} years of experience ({part.get('minimum'):g} asked)"


def _level(part: Mapping[str, Any]) -> str:
    if part.get("candidate_estimate") is None:
        return f"level unknown ({part.get('job')} asked)"
    return f"experience of a {part['candidate_estimate']} ({part.get('job')} asked)"


def _location(part: Mapping[str, Any]) -> str:
    return str(part.get("reason") or "location")


def _semantic(part: Mapping[str, Any]) -> str:
    return f"résumé and job alike in meaning ({part.get('fit', 0):.0%})"


_TEXTS: Mapping[str, Callable[[Mapping[str, Any]], str]] = {
    "required_skills": _skills("required"),
    "preferred_skills": _skills("preferred"),
    "years": _years,
    "level": _level,
    "location": _location,
    "semantic": _semantic,
}


def summary(score: float, explanation: Mapping[str, Any]) -> MatchSummary:
    """The score and the `TOP_REASONS` parts that weigh most for this job, in words."""
    parts: Mapping[str, Mapping[str, Any]] = explanation.get("parts") or {}
    ranked = sorted(
        ((name, part) for name, part in parts.items() if name in _TEXTS),
        key=lambda item: -float(item[1].get("weight", 0)),
    )
    return MatchSummary(
        score=score,
        reasons=[
            MatchReason(
                part=name,
                fit=float(part.get("fit", 0)),
                points=float(part.get("points", 0)),
                text=_TEXTS[name](part),
            )
            for name, part in ranked[:TOP_REASONS]
        ],
    )
