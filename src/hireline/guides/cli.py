"""`hireline guide render`: a built-in template's guide from the terminal, no database needed."""

from __future__ import annotations

import re
from typing import cast, get_args

import orjson
import typer

from hireline.guides import pdf, render, salaries
from hireline.guides.builtin import load_builtin_templates
from hireline.guides.template_models import Industry, Level, WorkContext


def location_key(location: str) -> str:
    """`"Austin, TX"` -> `austin-tx`; keys pass through unchanged."""
    return re.sub(r"[^a-z0-9]+", "-", location.strip().lower()).strip("-")


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"must be one of {', '.join(allowed)}", param_hint=option)
    return value


def render_builtin(
    template_key: str, level: str, industry: str, context: str, location: str, fmt: str
) -> bytes:
    """The rendered guide as bytes in `fmt`; bad arguments raise typer.BadParameter."""
    template = load_builtin_templates().get(template_key)
    if template is None:
        known = ", ".join(sorted(load_builtin_templates()))
        raise typer.BadParameter(f"unknown template; built-in ones: {known}", param_hint="TEMPLATE")
    request = render.GuideRequest(
        template=template,
        version=1,
        origin="built-in",
        level=cast(Level, _choice(level, get_args(Level), "--level")),
        industry=cast(Industry, _choice(industry, get_args(Industry), "--industry")),
        context=cast(WorkContext, _choice(context, get_args(WorkContext), "--context")),
        location=location_key(location),
    )
    _choice(fmt, get_args(render.GuideFormat), "--format")
    guide = render.build(request, salaries.built_in_band(template, render.band_query(request)))
    if fmt == "markdown":
        return render.to_markdown(guide).encode()
    if fmt == "html":
        return render.to_html(guide).encode()
    if fmt == "pdf":
        return pdf.to_pdf(guide)
    return orjson.dumps(guide.as_dict(), option=orjson.OPT_INDENT_2)
