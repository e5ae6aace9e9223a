"""Organisations' own e-mail wording: placeholders, checks, rendering and previews.

A template is plain text with `{placeholder}` names from a short fixed list; nothing else is
interpreted (no template language an organisation's admin could turn against the server).
Values are inserted as text: in the HTML part they are escaped like every other notification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from hireline.core.errors import ValidationFailed
from hireline.notifications.compose import Body, one_line, render

SUBJECT_LIMIT = 200
BODY_LIMIT = 5000
_PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")


@dataclass(frozen=True)
class TemplateKind:
    """A message an organisation may reword."""

    kind: str
    title: str
    placeholders: tuple[str, ...]
    required: tuple[str, ...]
    default_subject: str
    default_body: str
    sample: dict[str, str]


_CANDIDATE = ("candidate_name", "job_title", "organization")
_CANDIDATE_SAMPLE = {
    "candidate_name": "Ada Lovelace",
    "job_title": "Senior Backend Engineer",
    "organization": "Acme",
}

KINDS: dict[str, TemplateKind] = {
    kind.kind: kind
    for kind in (
        TemplateKind(
            "application_received",
            "Application received (confirmation to the candidate)",
            _CANDIDATE,
            (),
            "We received your application for {job_title}",
            "Hello {candidate_name},\n\nThank you for applying for {job_title} at "
            "{organization}. We will read your application carefully and come back to you.\n\n"
            "Kind regards,\nThe {organization} hiring team",
            _CANDIDATE_SAMPLE,
        ),
        TemplateKind(
            "application_rejected",
            "Application rejected (to the candidate)",
            _CANDIDATE,
            (),
            "Your application for {job_title} at {organization}",
            "Hello {candidate_name},\n\nThank you for your interest in {job_title} at "
            "{organization}. After careful consideration, we have decided not to take your "
            "application further for this role.\n\nKind regards,\nThe {organization} hiring team",
            _CANDIDATE_SAMPLE,
        ),
        TemplateKind(
            "invitation",
            "Invitation to join the organisation",
            ("organization", "role", "link"),
            ("link",),
            "You are invited to join {organization} on Hireline",
            "Hello,\n\nYou are invited to join {organization} on Hireline as {role}.\n\n"
            "Accept the invitation here (the link works for 7 days):\n{link}",
            {
                "organization": "Acme",
                "role": "recruiter",
                "link": "https://hireline.example/app/invitations/hli_example",
            },
        ),
    )
}


def _field_error(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        message, errors=[{"loc": ["body", field], "msg": message, "type": "email_template"}]
    )


def check(kind: str, subject: str, body: str) -> tuple[str, str]:
    """The template, trimmed; ValidationFailed naming the field when it cannot be used."""
    spec = KINDS.get(kind)
    if spec is None:
        raise _field_error("kind", "There is no message of that kind.")
    subject, body = one_line(subject, limit=10_000), body.strip().replace("\r\n", "\n")
    if not subject:
        raise _field_error("subject", "The subject must not be empty.")
    if len(subject) > SUBJECT_LIMIT:
        raise _field_error("subject", f"The subject must be at most {SUBJECT_LIMIT} characters.")
    if not body:
        raise _field_error("body", "The text must not be empty.")
    if len(body) > BODY_LIMIT:
        raise _field_error("body", f"The text must be at most {BODY_LIMIT} characters.")
    for field, text in (("subject", subject), ("body", body)):
        unknown = sorted(set(_PLACEHOLDER.findall(text)) - set(spec.placeholders))
        if unknown:
            raise _field_error(
                field,
                f"Unknown placeholder {{{unknown[0]}}}; use "
                + ", ".join(f"{{{name}}}" for name in spec.placeholders)
                + ".",
            )
    for name in spec.required:
        if f"{{{name}}}" not in body:
            raise _field_error("body", f"The text must contain {{{name}}}.")
    return subject, body


def _fill(text: str, facts: dict[str, Any]) -> str:
    return _PLACEHOLDER.sub(lambda match: str(facts.get(match.group(1)) or ""), text)


def render_custom(subject: str, body: str, facts: dict[str, Any], footer: str) -> tuple[str, Body]:
    """The subject and both parts of a message written with an organisation's template."""
    text = _fill(body, facts)
    paragraphs = [escape(part).replace("\n", Markup("<br>\n")) for part in text.split("\n\n")]
    rendered = render("custom", paragraphs=paragraphs, text=text, footer=footer)
    return one_line(_fill(subject, facts)), rendered


def preview(kind: str, subject: str, body: str) -> tuple[str, Body]:
    """The message as a recipient would see it, with sample facts."""
    subject, body = check(kind, subject, body)
    return render_custom(subject, body, KINDS[kind].sample, footer="")
