"""The aggregator feed: an organisation's open jobs in the XML that the large job
aggregators crawl (Indeed's `<source><job>` format, whose field names most others accept),
beside the RSS feed and the JobPosting data of the careers pages; and the per-job opt-out.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Annotated

from fastapi import APIRouter, Request
from markdown_it import MarkdownIt
from pydantic import BaseModel, ConfigDict, StrictBool
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from hireline.board import service
from hireline.board.careers import Slug
from hireline.board.repository import SyndicationRepository
from hireline.board.routes import PUBLIC_CACHE
from hireline.core.change_feed import announce
from hireline.core.db import DbSession
from hireline.core.principal import Principal
from hireline.identity.dependencies import public, require
from hireline.identity.organization.service import enter_by_slug
from hireline.identity.permissions import Action
from hireline.jobs import service as jobs
from hireline.jobs.events import JOBS_CHANGED_TOPIC

feed_router = APIRouter(prefix="/careers", include_in_schema=False, dependencies=[public()])
router = APIRouter(prefix="/v1/jobs", tags=["Jobs"])
_markdown = MarkdownIt("commonmark", {"html": False})

# Indeed's job types; ours map onto them (an internship is their `internship`, etc.).
JOB_TYPES = {
    "full_time": "fulltime",
    "part_time": "parttime",
    "contract": "contract",
    "temporary": "temporary",
    "internship": "internship",
}
# Ten thousand jobs is far beyond one organisation; aggregators fetch the feed whole.
FEED_LIMIT = 10_000


class Syndication(BaseModel):
    """Whether a job is offered to job aggregators through the XML feed."""

    model_config = ConfigDict(extra="forbid")

    syndicated: StrictBool


def _date(moment: datetime) -> str:
    """RFC 2822 in GMT, as the format asks."""
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def _text(parent: ET.Element, tag: str, value: str | None) -> None:
    ET.SubElement(parent, tag).text = value or ""


def _salary(job: jobs.JobRow) -> str | None:
    if job.salary_min is None or job.salary_max is None:
        return None
    return f"{job.salary_currency or 'USD'} {job.salary_min:,} - {job.salary_max:,} per year"


def job_element(job: jobs.JobRow, company: str, url: str) -> ET.Element:
    """One `<job>` with the fields aggregators require, and the recommended ones we know."""
    element = ET.Element("job")
    place = next((loc for loc in job.locations if loc.get("mode") != "remote"), None)
    remote = [loc for loc in job.locations if loc.get("mode") == "remote"]
    first = place or (remote[0] if remote else {})
    _text(element, "title", job.title)
    _text(element, "date", _date(job.published_at or job.created_at))
    _text(element, "referencenumber", str(job.id))
    _text(element, "url", url)
    _text(element, "company", company)
    _text(element, "sourcename", company)
    _text(element, "city", first.get("city"))
    _text(element, "state", first.get("region"))
    _text(element, "country", first.get("country") or "US")
    _text(element, "description", _markdown.render(job.description))
    _text(element, "salary", _salary(job))
    _text(element, "jobtype", JOB_TYPES.get(job.employment_type, job.employment_type))
    _text(element, "category", job.department)
    _text(element, "experience", job.level)
    if remote:
        _text(element, "remotetype", "Fully remote" if not place else "Hybrid remote")
    if job.valid_through is not None:
        _text(element, "expirationdate", _date(job.valid_through))
    return element


@feed_router.get("/{slug}/jobs.xml")
async def aggregator_feed(slug: Slug, request: Request, session: DbSession) -> Response:
    tenant = await enter_by_slug(session, slug)
    open_jobs, _ = await service.open_jobs(
        session, tenant.id, service.BoardFilter(), cursor=None, limit=FEED_LIMIT
    )
    hidden = await SyndicationRepository(session).opted_out()
    base = str(request.base_url).rstrip("/")
    source = ET.Element("source")
    _text(source, "publisher", tenant.name)
    _text(source, "publisherurl", f"{base}/careers/{tenant.slug}")
    _text(source, "lastBuildDate", _date(datetime.now(UTC)))
    for job in open_jobs:
        if job.id not in hidden:
            url = f"{base}/careers/{tenant.slug}/jobs/{job.id}"
            source.append(job_element(job, tenant.name, url))
    return Response(
        ET.tostring(source, encoding="utf-8", xml_declaration=True),
        media_type="application/xml; charset=utf-8",
        headers={"Cache-Control": PUBLIC_CACHE, "X-Hireline-Tenant": str(tenant.id)},
    )


@router.get("/{job_id}/syndication", summary="Whether the job is in the aggregator feed")
async def get_syndication(
    job_id: uuid.UUID,
    session: DbSession,
    principal: Annotated[Principal, require(Action.JOBS_READ)],
) -> Syndication:
    job = await jobs.get(session, principal.tenant_id, job_id)
    return Syndication(syndicated=not await SyndicationRepository(session).is_opted_out(job.id))


@router.put("/{job_id}/syndication", summary="Offer the job to job aggregators, or not")
async def put_syndication(
    job_id: uuid.UUID,
    body: Syndication,
    session: DbSession,
    principal: Annotated[Principal, require(Action.JOBS_WRITE)],
) -> Syndication:
    job = await jobs.get(session, principal.tenant_id, job_id)
    await set_syndicated(session, job.tenant_id, job.id, syndicated=body.syndicated)
    return body


async def set_syndicated(
    session: AsyncSession, tenant_id: uuid.UUID, job_id: uuid.UUID, *, syndicated: bool
) -> None:
    """Offer the job to aggregators (the default), or keep it to the careers pages."""
    repository = SyndicationRepository(session)
    if syndicated:
        await repository.opt_in(job_id)
    else:
        await repository.opt_out(job_id)
    # The feed is cached with the careers pages: every API process drops it on commit.
    await announce(session, JOBS_CHANGED_TOPIC, str(tenant_id))
