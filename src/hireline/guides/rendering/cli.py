"""`hireline guide render`: a built-in template's guide from the terminal, no database needed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, get_args

import orjson
import typer

from hireline.guides.rendering import pdf, render
from hireline.guides.salaries import service as salaries
from hireline.guides.templates import variants
from hireline.guides.templates.builtin import load_builtin_templates

T = TypeVar("T")


def _resolved(resolve: Callable[[str], T], value: str, option: str) -> T:
    try:
        return resolve(value)
    except variants.UnknownChoice as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def render_builtin(
    template_key: str, level: str, industry: str, context: str, location: str, fmt: str
) -> bytes:
    """The rendered guide as bytes in `fmt`; bad arguments raise typer.BadParameter.

    Levels, industries, contexts and locations are resolved by `variants`, as the API does.
    """
    template = load_builtin_templates().get(template_key)
    if template is None:
        known = ", ".join(sorted(load_builtin_templates()))
        raise typer.BadParameter(f"unknown template; built-in ones: {known}", param_hint="TEMPLATE")
    if fmt not in get_args(render.GuideFormat):
        allowed = ", ".join(get_args(render.GuideFormat))
        raise typer.BadParameter(f"must be one of {allowed}", param_hint="--format")
    request = render.GuideRequest(
        template=template,
        version=1,
        origin="built-in",
        level=_resolved(variants.resolve_level, level, "--level"),
        industry=_resolved(variants.resolve_industry, industry, "--industry"),
        context=_resolved(variants.resolve_context, context, "--context"),
        location=_resolved(
            lambda text: variants.resolve_location(template, text), location, "--location"
        ),
    )
    guide = render.build(request, salaries.built_in_band(template, render.band_query(request)))
    if fmt == "markdown":
        return render.to_markdown(guide).encode()
    if fmt == "html":
        return render.to_html(guide).encode()
    if fmt == "pdf":
        return pdf.to_pdf(guide)
    return orjson.dumps(guide.as_dict(), option=orjson.OPT_INDENT_2)
