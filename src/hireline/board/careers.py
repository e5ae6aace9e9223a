"""Server-rendered careers pages, schema.org JobPosting data and the aggregator feed."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import format_datetime
from functools import cache
from typing import Annotated, Any, Protocol
from urllib.parse import urlencode

import orjson
from fastapi import APIRouter, Path, Query, Request
from jinja2 import Environment, PackageLoader, select_autoescape
from markdown_it import MarkdownIt
from starlette.responses import RedirectResponse, Response

from hireline.board import branding, service
from hireline.board.routes import PUBLIC_CACHE
from hireline.core.db import DbSession
from hireline.core.errors import NotFound
from hireline.identity.dependencies import public
from hireline.identity.organization.service import enter_by_slug
from hireline.jobs import service as job_service


class Organisation(Protocol):
    """What the careers pages show of an organisation (identity's tenant)."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def name(self) -> str: ...

    @property
    def slug(self) -> str: ...


router = APIRouter(prefix="/careers", include_in_schema=False, dependencies=[public()])

Slug = Annotated[str, Path(pattern=r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", max_length=63)]
EMPLOYMENT = {
    "full_time": ("Full-time", "FULL_TIME"),
    "part_time": ("Part-time", "PART_TIME"),
    "contract": ("Contract", "CONTRACTOR"),
    "temporary": ("Temporary", "TEMPORARY"),
    "internship": ("Internship", "INTERN"),
}
# Search engines drop postings without an end date; an open job is assumed to run this long.
DEFAULT_VALIDITY = timedelta(days=60)
# Raw HTML in descriptions is shown as text, never interpreted.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False})


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("hireline.board", "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(
    name: str,
    tenant: Organisation,
    *,
    cacheable: bool,
    look: branding.Branding | None = None,
    **context: Any,
) -> Response:
    """An HTML page; cacheable ones carry the headers the board cache keys on."""
    html = (
        _templates()
        .get_template(name)
        .render(
            organization={"name": tenant.name, "slug": tenant.slug},
            branding=look or branding.Branding(colour=None, intro=None),
            **context,
        )
    )
    headers = (
        {"Cache-Control": PUBLIC_CACHE, "X-Hireline-Tenant": str(tenant.id)}
        if cacheable
        else {"Cache-Control": "no-store"}
    )
    return Response(html, media_type="text/html; charset=utf-8", headers=headers)


def where(job: job_service.JobRow) -> str:
    """Human-readable locations: "Austin, TX (hybrid); Remote (United States)"."""
    parts = []
    for location in job.locations:
        if location.get("mode") == "remote":
            region = location.get("region") or location.get("country") or ""
            parts.append(f"Remote ({region})" if region else "Remote")
        else:
            place = ", ".join(p for p in (location.get("city"), location.get("region")) if p)
            parts.append(f"{place} ({location.get('mode')})")
    return "; ".join(parts)


def _view(job: job_service.JobRow) -> dict[str, Any]:
    salary = None
    if job.salary_min is not None and job.salary_max is not None:
        salary = f"{job.salary_currency or 'USD'} {job.salary_min:,}-{job.salary_max:,} a year"
    return {
        "id": job.id,
        "title": job.title,
        "department": job.department,
        "where": where(job),
        "employment": EMPLOYMENT.get(job.employment_type, (job.employment_type, ""))[0],
        "salary": salary,
    }


def job_posting(
    job: job_service.JobRow, tenant: Organisation, base_url: str, description_html: str
) -> dict[str, Any]:
    """schema.org JobPosting with the properties search engines require and recommend."""
    posted = job.published_at or job.created_at
    valid_through = job.valid_through or posted + DEFAULT_VALIDITY
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": description_html,
        "datePosted": posted.date().isoformat(),
        "validThrough": valid_through.isoformat(),
        "employmentType": EMPLOYMENT.get(job.employment_type, ("", "OTHER"))[1],
        "hiringOrganization": {
            "@type": "Organization",
            "name": tenant.name,
            "sameAs": f"{base_url}/careers/{tenant.slug}",
        },
        "identifier": {"@type": "PropertyValue", "name": tenant.name, "value": str(job.id)},
        "directApply": True,
        "url": f"{base_url}/careers/{tenant.slug}/jobs/{job.id}",
    }
    places = [loc for loc in job.locations if loc.get("mode") != "remote"]
    remote = [loc for loc in job.locations if loc.get("mode") == "remote"]
    if places:
        data["jobLocation"] = [
            {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": loc.get("city"),
                    "addressRegion": loc.get("region"),
                    "addressCountry": loc.get("country") or "US",
                },
            }
            for loc in places
        ]
    if remote:
        data["jobLocationType"] = "TELECOMMUTE"
        # A remote location without a country is open to applicants anywhere: no requirement.
        countries = [loc["country"] for loc in remote if loc.get("country")]
        if countries and len(countries) == len(remote):
            data["applicantLocationRequirements"] = [
                {"@type": "Country", "name": country} for country in countries
            ]
    if job.salary_min is not None and job.salary_max is not None:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": job.salary_currency or "USD",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": job.salary_min,
                "maxValue": job.salary_max,
                "unitText": "YEAR",
            },
        }
    if job.level:
        data["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "description": f"{job.level} level",
        }
    return data


def json_for_script(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element: no sequence in it can close the element."""
    return (
        orjson.dumps(data)
        .decode()
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/{slug}")
async def careers_list(
    slug: Slug,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=100)] = None,
    location: Annotated[str | None, Query(max_length=100)] = None,
    remote: Annotated[str | None, Query(pattern="^(true|false|)$")] = None,
    department: Annotated[str | None, Query(max_length=120)] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    tenant = await enter_by_slug(session, slug)
    wanted = service.BoardFilter(
        q=q or None,
        location=location or None,
        remote={"true": True, "false": False}.get(remote or ""),
        department=department or None,
    )
    jobs, next_cursor = await service.open_jobs(session, tenant.id, wanted, cursor=cursor, limit=50)
    query = {
        k: v
        for k, v in (
            ("q", q),
            ("location", location),
            ("remote", remote),
            ("department", department),
        )
        if v
    }
    return render_page(
        "list.html",
        tenant,
        cacheable=True,
        look=await branding.branding_of(session, tenant.id),
        jobs=[_view(job) for job in jobs],
        filters=wanted,
        next_cursor=next_cursor,
        next_query=urlencode(query | {"cursor": next_cursor or ""}),
    )


async def job_page(
    request: Request,
    session: DbSession,
    tenant: Organisation,
    job_id: uuid.UUID,
    *,
    error: str | None = None,
    problems: list[dict[str, str]] | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    """The job's page, also re-shown with an error message when an application is refused."""
    job = await service.open_job(session, tenant.id, job_id)
    description_html = _markdown.render(job.description)
    response = render_page(
        "job.html",
        tenant,
        cacheable=error is None,
        look=await branding.branding_of(session, tenant.id),
        job=_view(job),
        description_html=description_html,
        json_ld=json_for_script(job_posting(job, tenant, _base_url(request), description_html)),
        error=error,
        problems=problems or [],
        form=form or {},
    )
    response.status_code = status_code
    return response


@router.get("/{slug}/jobs/{job_id}")
async def careers_job(
    slug: Slug, job_id: uuid.UUID, request: Request, session: DbSession
) -> Response:
    tenant = await enter_by_slug(session, slug)
    return await job_page(request, session, tenant, job_id)


# A versioned logo URL never changes its bytes: browsers and proxies keep it for a year.
IMMUTABLE = "public, max-age=31536000, immutable"
LOGO_HEADERS = {"Content-Security-Policy": "default-src 'none'; sandbox"}


def _logo_response(tenant: Organisation, data: bytes, media_type: str, cache: str) -> Response:
    # Served as the image it was checked to be, never as a document.
    return Response(
        data,
        media_type=media_type,
        headers={**LOGO_HEADERS, "Cache-Control": cache, "X-Hireline-Tenant": str(tenant.id)},
    )


@router.get("/{slug}/logo")
async def careers_logo(slug: Slug, session: DbSession) -> Response:
    """The current logo at the unversioned URL (older links): checked again on each use."""
    tenant = await enter_by_slug(session, slug)
    logo = await branding.logo_of(session, tenant.id)
    if logo is None:
        raise NotFound("This organisation has no logo.")
    data, media_type, _ = logo
    return _logo_response(tenant, data, media_type, "no-cache")


@router.get("/{slug}/logo/{digest}")
async def careers_logo_version(
    slug: Slug,
    digest: Annotated[str, Path(min_length=64, max_length=64, pattern="^[0-9a-f]{64}$")],
    session: DbSession,
) -> Response:
    """One version of the logo, cached for good; an older version's URL sends the browser
    to the current one (not cached, so it follows the next change too)."""
    tenant = await enter_by_slug(session, slug)
    logo = await branding.logo_of(session, tenant.id)
    if logo is None:
        raise NotFound("This organisation has no logo.")
    data, media_type, current = logo
    if digest != current:
        return RedirectResponse(
            f"/careers/{slug}/logo/{current}",
            status_code=307,
            headers={"Cache-Control": "no-store"},
        )
    return _logo_response(tenant, data, media_type, IMMUTABLE)


@router.get("/{slug}/feed.xml")
async def careers_feed(slug: Slug, request: Request, session: DbSession) -> Response:
    tenant = await enter_by_slug(session, slug)
    jobs, _ = await service.open_jobs(
        session, tenant.id, service.BoardFilter(), cursor=None, limit=500
    )
    base = _base_url(request)
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = f"{tenant.name} jobs"
    ET.SubElement(channel, "link").text = f"{base}/careers/{tenant.slug}"
    ET.SubElement(channel, "description").text = f"Open positions at {tenant.name}"
    for job in jobs:
        item = ET.SubElement(channel, "item")
        url = f"{base}/careers/{tenant.slug}/jobs/{job.id}"
        ET.SubElement(item, "title").text = job.title
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", isPermaLink="false").text = str(job.id)
        ET.SubElement(item, "pubDate").text = format_datetime(job.published_at or job.created_at)
        ET.SubElement(item, "category").text = job.department or "General"
        ET.SubElement(item, "description").text = _markdown.render(job.description)
        ET.SubElement(item, "location").text = where(job)
        ET.SubElement(item, "jobtype").text = EMPLOYMENT.get(job.employment_type, ("", ""))[0]
    body = ET.tostring(rss, encoding="utf-8", xml_declaration=True)
    return Response(
        body,
        media_type="application/rss+xml; charset=utf-8",
        headers={"Cache-Control": PUBLIC_CACHE, "X-Hireline-Tenant": str(tenant.id)},
    )
