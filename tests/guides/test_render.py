"""Rendering hiring guides: every variant complete, formats faithful, output stable."""

from __future__ import annotations

import io
import itertools
import os
from pathlib import Path

import httpx
import pypdf
import pytest
from typer.testing import CliRunner

from hireline.cli import app as cli_app
from hireline.guides.rendering import pdf, render
from hireline.guides.salaries import service as salaries
from hireline.guides.templates.builtin import get_builtin_template
from hireline.guides.templates.content import (
    INDUSTRIES,
    LEVELS,
    WORK_CONTEXTS,
    Industry,
    Level,
    WorkContext,
)
from tests.identity.helpers import bearer, sign_up

KEY = "python-backend-developer"
SNAPSHOTS = Path(__file__).parent / "snapshots"
SECTION_IDS = [
    "overview",
    "about",
    "responsibilities",
    "required-qualifications",
    "preferred-qualifications",
    "technologies",
    "industry",
    "work-context",
    "compensation",
    "benefits",
    "interview",
    "evaluation",
    "sourcing",
    "red-flags",
    "faq-employers",
    "faq-candidates",
    "provenance",
]
# The seed guide's published mid-level ranges, by location key.
SEED_SALARIES = {
    "us-national": (95_000, 145_000),
    "san-francisco-ca": (125_000, 180_000),
    "new-york-ny": (115_000, 165_000),
    "seattle-wa": (110_000, 160_000),
    "austin-tx": (95_000, 140_000),
    "denver-co": (90_000, 135_000),
    "chicago-il": (85_000, 130_000),
    "remote-us": (90_000, 145_000),
    "atlanta-ga": (80_000, 125_000),
}


def _guide(
    level: Level, industry: Industry, context: WorkContext, location: str = "us-national"
) -> render.Guide:
    template = get_builtin_template(KEY)
    request = render.GuideRequest(
        template,
        1,
        "built-in",
        level,
        industry,
        context,
        location,
    )
    return render.build(request, salaries.built_in_band(template, render.band_query(request)))


@pytest.mark.parametrize(
    ("level", "industry", "context"), list(itertools.product(LEVELS, INDUSTRIES, WORK_CONTEXTS))
)
def test_every_variant_is_complete(level: Level, industry: Industry, context: WorkContext) -> None:
    template = get_builtin_template(KEY)
    guide = _guide(level, industry, context)
    assert [section.id for section in guide.sections] == SECTION_IDS
    markdown = render.to_markdown(guide)
    # The chosen industry is expanded; every other one is summarised by its technologies.
    for name in INDUSTRIES:
        for technology in template.industries[name].key_technologies:
            assert technology in markdown, (name, technology)
    for requirement in template.industries[industry].requirements:
        assert requirement in markdown
    for item in template.work_contexts[context].emphasis:
        assert item in markdown
    expected = template.interview_questions.for_level(level)
    interview = next(s for s in guide.sections if s.id == "interview")
    counts = {
        sub.id: len(sub.bullets) for sub in interview.subsections if sub.id.startswith("questions-")
    }
    assert counts == {f"questions-{c}": len(q) for c, q in expected.items()}
    for flag in template.red_flags:
        assert flag.title in markdown


def test_the_question_bank_has_the_seed_counts() -> None:
    bank = get_builtin_template(KEY).interview_questions
    assert (len(bank.technical), len(bank.behavioral), len(bank.culture)) == (8, 6, 4)


@pytest.mark.parametrize(("location", "figures"), SEED_SALARIES.items())
def test_mid_level_salary_figures_are_the_seed_figures(
    location: str, figures: tuple[int, int]
) -> None:
    guide = _guide("mid", "saas", "remote_hybrid", location)
    assert guide.salary["base"] == {"min": figures[0], "max": figures[1]}
    assert guide.salary["adjusted"] == guide.salary["base"]  # no factor applies to SaaS/remote
    assert f"${figures[0]:,}\u2013${figures[1]:,}" in render.to_markdown(guide)


def test_fintech_startup_salary_explains_each_adjustment() -> None:
    guide = _guide("mid", "fintech", "startup", "austin-tx")
    keys = [a["key"] for a in guide.salary["adjustments"]]
    assert keys == ["industry-premium-fintech-healthcare", "company-stage-startup"]
    compensation = next(s for s in guide.sections if s.id == "compensation")
    factors = compensation.subsections[0]
    applied = [bullet for bullet in factors.bullets if "Applied to this guide" in bullet]
    assert len(applied) == 2
    assert applied[0].startswith("FinTech or healthcare premium: +10% to +20%")


def _snapshot(name: str, content: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(content, encoding="utf-8")
    assert path.exists(), f"no snapshot {name}; create it with UPDATE_SNAPSHOTS=1"
    assert content == path.read_text(encoding="utf-8"), (
        f"{name} changed; if intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff"
    )


def test_markdown_snapshot() -> None:
    _snapshot(
        f"{KEY}-senior-fintech-startup.md",
        render.to_markdown(_guide("senior", "fintech", "startup", "austin-tx")),
    )


def test_html_snapshot_is_escaped_and_accessible() -> None:
    html = render.to_html(_guide("senior", "fintech", "startup", "austin-tx"))
    assert html.startswith("<!doctype html>")
    assert '<html lang="en">' in html
    assert '<nav aria-label="Contents">' in html
    assert "@media print" in html
    _snapshot(f"{KEY}-senior-fintech-startup.html", html)


def test_html_escapes_template_text() -> None:
    guide = _guide("mid", "saas", "corporate")
    guide.sections[0].paragraphs.append('<script>alert("x")</script>')
    html = render.to_html(guide)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_pdf_opens_with_the_title_on_page_one() -> None:
    guide = _guide("staff", "healthcare", "corporate", "seattle-wa")
    reader = pypdf.PdfReader(io.BytesIO(pdf.to_pdf(guide)))
    assert len(reader.pages) >= 3
    assert guide.title in reader.pages[0].extract_text()
    assert reader.metadata is not None
    assert reader.metadata.title == guide.title


def test_cli_renders_markdown_for_a_metro_by_name() -> None:
    result = CliRunner().invoke(
        cli_app,
        [
            "guide",
            "render",
            KEY,
            "--level",
            "senior",
            "--industry",
            "fintech",
            "--context",
            "startup",
            "--location",
            "Austin, TX",
            "--format",
            "markdown",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Hiring guide: Senior Python Backend Developer")
    assert "Austin, TX" in result.output
    bad = CliRunner().invoke(cli_app, ["guide", "render", KEY, "--level", "chief"])
    assert bad.exit_code == 2


async def test_api_renders_every_format(client: httpx.AsyncClient) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    body = {
        "template": KEY,
        "level": "senior",
        "industry": "fintech",
        "context": "startup",
        "location": "austin-tx",
    }
    expected = {
        "json": "application/json",
        "markdown": "text/markdown; charset=utf-8",
        "html": "text/html; charset=utf-8",
        "pdf": "application/pdf",
    }
    for fmt, media_type in expected.items():
        response = await client.post(
            "/v1/guides/render", json=body | {"format": fmt}, headers=headers
        )
        assert response.status_code == 200, (fmt, response.text)
        assert response.headers["content-type"] == media_type
    data = (await client.post("/v1/guides/render", json=body, headers=headers)).json()
    assert data["salary"]["base"] == {"min": 119_000, "max": 182_000}
    bad = await client.post(
        "/v1/guides/render", json=body | {"industry": "mining"}, headers=headers
    )
    assert bad.status_code == 422


async def test_api_renders_the_tenants_own_version(client: httpx.AsyncClient) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    await client.post(f"/v1/guides/templates/{KEY}/fork", json={}, headers=headers)
    await client.patch(
        f"/v1/guides/templates/{KEY}",
        json={"patch": {"provenance": "Written by Acme's talent team."}},
        headers=headers,
    )
    body = {"template": KEY, "level": "mid", "industry": "saas", "context": "corporate"}
    latest = await client.post(
        "/v1/guides/render", json=body | {"format": "markdown"}, headers=headers
    )
    assert "Written by Acme's talent team." in latest.text
    assert "version 2" in latest.text
    first = await client.post(
        "/v1/guides/render", json=body | {"format": "markdown", "version": 1}, headers=headers
    )
    assert "Written by Acme's talent team." not in first.text


# --- locations and spellings, resolved alike by the API and the CLI -------------------------

RENDER_BODY = {"template": KEY, "level": "senior", "industry": "saas", "context": "corporate"}


@pytest.mark.parametrize("location", ["Austin, TX", "austin-tx", "AUSTIN", " austin tx "])
async def test_api_resolves_a_location_by_name_or_key(
    client: httpx.AsyncClient, location: str
) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    response = await client.post(
        "/v1/guides/render", json=RENDER_BODY | {"location": location}, headers=headers
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["location"] == "austin-tx"
    # Austin's senior band, not the national one.
    assert data["salary"]["base"] == {"min": 119_000, "max": 182_000}
    chosen = [row for row in data["salary"]["by_location"] if row["chosen"]]
    assert [row["location"] for row in chosen] == ["austin-tx"]


async def test_api_unknown_location_is_422_with_close_matches(client: httpx.AsyncClient) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    response = await client.post(
        "/v1/guides/render", json=RENDER_BODY | {"location": "Austn, TX"}, headers=headers
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["type"].endswith("/validation-failed")
    [error] = problem["errors"]
    assert error["loc"] == ["body", "location"]
    assert error["suggestions"][0] == "austin-tx"
    assert "austin-tx" in problem["detail"]
    nowhere = await client.post(
        "/v1/guides/render", json=RENDER_BODY | {"location": "Reykjavik"}, headers=headers
    )
    assert nowhere.status_code == 422
    assert nowhere.json()["errors"][0]["suggestions"] == []


async def test_api_location_only_the_tenant_prices_is_found(client: httpx.AsyncClient) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    rows = f"role,level,location,currency,min,max,source,as_of\n{KEY},senior,boston-ma,USD,"
    rows += "130000,190000,Acme survey,2026-10-01\n"
    imported = await client.post(
        "/v1/salaries/imports", files={"file": ("b.csv", rows, "text/csv")}, headers=headers
    )
    assert imported.status_code == 200, imported.text
    response = await client.post(
        "/v1/guides/render",
        json=RENDER_BODY | {"location": "Boston, MA", "format": "markdown"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert "| **boston-ma (this guide)** | **Your benchmark** | **$130,000\u2013$190,000** |" in (
        response.text
    )


@pytest.mark.parametrize(
    ("industry", "context"),
    [
        ("e-commerce", "remote"),
        ("ecommerce", "remote-hybrid"),
        ("E-Commerce", "remote_hybrid"),
        ("retail", "Remote / hybrid"),
    ],
)
async def test_api_accepts_common_spellings_of_industry_and_context(
    client: httpx.AsyncClient, industry: str, context: str
) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    response = await client.post(
        "/v1/guides/render",
        json=RENDER_BODY | {"industry": industry, "context": context},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert (response.json()["industry"], response.json()["context"]) == (
        "ecommerce",
        "remote_hybrid",
    )


async def test_api_unknown_industry_names_the_close_ones(client: httpx.AsyncClient) -> None:
    headers = bearer((await sign_up(client, "acme"))["access_token"])
    response = await client.post(
        "/v1/guides/render", json=RENDER_BODY | {"industry": "fintec"}, headers=headers
    )
    assert response.status_code == 422
    assert "fintech" in response.text


@pytest.mark.parametrize(
    ("industry", "context", "location"),
    [("e-commerce", "remote", "austin-tx"), ("ecommerce", "remote-hybrid", "Austin, TX")],
)
def test_cli_accepts_the_same_spellings(industry: str, context: str, location: str) -> None:
    result = CliRunner().invoke(
        cli_app,
        [
            "guide",
            "render",
            KEY,
            "--level",
            "Senior",
            "--industry",
            industry,
            "--context",
            context,
            "--location",
            location,
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert '"industry": "ecommerce"' in result.output
    assert '"context": "remote_hybrid"' in result.output
    assert '"location": "austin-tx"' in result.output


def test_cli_unknown_location_is_an_error_not_the_national_figure() -> None:
    result = CliRunner().invoke(
        cli_app, ["guide", "render", KEY, "--location", "Austn TX", "--format", "json"]
    )
    assert result.exit_code == 2
    assert "austin-tx" in result.output


# --- the location table in every format ------------------------------------------------------


def test_markdown_has_the_location_table_with_the_chosen_row_highlighted() -> None:
    markdown = render.to_markdown(_guide("senior", "fintech", "startup", "austin-tx"))
    table = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert table[0] == "| Location | Market | Base salary |"
    assert len(table) == 2 + len(SEED_SALARIES)  # header, rule, one row per location
    assert (
        "| **Austin, TX (this guide)** | **Growing tech market** | **$119,000\u2013$182,000** |"
        in (table)
    )
    assert "| Remote (US) | Location-adjusted | $113,000\u2013$189,000 |" in table
    after = markdown.split("| Atlanta, GA")[1]
    assert after.index("### What moves the figure") < after.index("## What we offer")


def test_html_has_the_location_table_with_the_chosen_row_highlighted() -> None:
    html = render.to_html(_guide("senior", "fintech", "startup", "austin-tx"))
    assert "<caption>Base salary of a Senior Python Backend Developer by location" in html
    assert html.count('<tr class="chosen" aria-current="true">') == 1
    assert '<tr class="chosen" aria-current="true"><th scope="row">Austin, TX (this guide)' in html
    assert html.count('<th scope="row">') == len(SEED_SALARIES)


def test_pdf_has_the_location_table() -> None:
    guide = _guide("senior", "fintech", "startup", "austin-tx")
    reader = pypdf.PdfReader(io.BytesIO(pdf.to_pdf(guide)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Austin, TX (this guide)" in text
    for name in ("San Francisco, CA", "Remote (US)", "Atlanta, GA"):
        assert name in text
    assert "$156,000-$234,000" in text  # San Francisco's senior band
