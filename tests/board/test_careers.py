"""Careers pages: server-rendered, escaped, with JobPosting data, and an RSS feed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import httpx
import orjson

from tests.candidates.files import pdf_resume
from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import create_job, open_job

HOSTILE = '<script>alert("x")</script>'


async def _owner(client: httpx.AsyncClient, slug: str = "acme") -> dict[str, str]:
    return bearer((await sign_up(client, slug))["access_token"])


def _json_ld(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return dict(orjson.loads(match.group(1)))


async def test_careers_list_and_detail_pages(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    job = await open_job(client, headers)
    await create_job(client, headers, title="Secret draft")
    listing = await client.get("/careers/acme")
    assert listing.status_code == 200
    assert listing.headers["content-type"].startswith("text/html")
    assert "Senior Python Backend Developer" in listing.text
    assert "Secret draft" not in listing.text
    assert "Austin, TX (hybrid); Remote (United States)" in listing.text
    assert '<html lang="en">' in listing.text
    assert 'name="viewport"' in listing.text
    # The referrer policy is stated in the page, not in a header every hit would carry.
    assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in listing.text

    detail = await client.get(f"/careers/acme/jobs/{job['id']}")
    assert detail.status_code == 200
    assert "<h2>Responsibilities</h2>" in detail.text
    assert 'enctype="multipart/form-data"' in detail.text
    assert 'name="consent"' in detail.text
    assert "<script>" not in detail.text.replace('<script type="application/ld+json">', "")


async def test_job_posting_json_ld_has_required_and_recommended_properties(
    client: httpx.AsyncClient,
) -> None:
    headers = await _owner(client)
    job = await open_job(client, headers)
    data = _json_ld((await client.get(f"/careers/acme/jobs/{job['id']}")).text)
    assert data["@type"] == "JobPosting"
    for name in (
        "title",
        "description",
        "datePosted",
        "validThrough",
        "employmentType",
        "hiringOrganization",
        "identifier",
        "directApply",
        "baseSalary",
        "jobLocation",
        "jobLocationType",
        "applicantLocationRequirements",
    ):
        assert name in data, name
    assert data["employmentType"] == "FULL_TIME"
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["jobLocation"][0]["address"]["addressLocality"] == "Austin"
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 125000,
        "maxValue": 175000,
        "unitText": "YEAR",
    }
    assert data["identifier"]["value"] == job["id"]
    assert data["hiringOrganization"]["name"] == "Acme Inc"


async def test_user_text_is_escaped_everywhere(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    job = await open_job(
        client,
        headers,
        title=f"Engineer {HOSTILE}",
        department=HOSTILE,
        from_template=None,
        level=None,
        description=f"# Hello\n\n{HOSTILE}\n\n[click](javascript:alert(1))",
    )
    for path in ("/careers/acme", f"/careers/acme/jobs/{job['id']}", "/careers/acme/feed.xml"):
        page = await client.get(path)
        assert page.status_code == 200
        assert HOSTILE not in page.text, path
        assert 'href="javascript:' not in page.text, path
    detail = await client.get(f"/careers/acme/jobs/{job['id']}")
    data = _json_ld(detail.text)
    assert data["title"] == f"Engineer {HOSTILE}"  # intact as data, inert in the page
    assert "</script>" not in detail.text.split('application/ld+json">')[1].split("</script>")[0]


async def test_feed_lists_open_jobs_for_aggregators(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    job = await open_job(client, headers)
    await create_job(client, headers, title="Secret draft")
    feed = await client.get("/careers/acme/feed.xml")
    assert feed.headers["content-type"].startswith("application/rss+xml")
    channel = ET.fromstring(feed.content).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert [item.findtext("guid") for item in items] == [job["id"]]
    assert items[0].findtext("link", "").endswith(f"/careers/acme/jobs/{job['id']}")
    assert items[0].findtext("title") == "Senior Python Backend Developer"


async def test_unknown_site_and_closed_job_are_404(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    job = await open_job(client, headers)
    await client.post(f"/v1/jobs/{job['id']}/close", headers=headers)
    assert (await client.get("/careers/nobody")).status_code == 404
    assert (await client.get(f"/careers/acme/jobs/{job['id']}")).status_code == 404


async def test_a_job_page_has_an_apply_button_at_the_top_and_lists_form_errors_first(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "errco"))["access_token"])
    job = await open_job(client, owner)
    page = await client.get(f"/careers/errco/jobs/{job['id']}")
    assert page.text.index('href="#apply" class="button"') < page.text.index("<form")
    refused = await client.post(
        f"/careers/errco/jobs/{job['id']}/apply",
        data={"name": "", "email": "not-an-address"},
        files={"resume": ("cv.pdf", pdf_resume(), "application/pdf")},
    )
    assert refused.status_code == 422
    form_at = refused.text.index("<form")
    summary_at = refused.text.index('id="form-errors"')
    assert form_at < summary_at < refused.text.index('id="name"')
    assert "data-focus-on-load" in refused.text
    assert 'href="#email"' in refused.text
    assert 'src="/static/focus.js"' in refused.text
