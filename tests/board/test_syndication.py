"""The aggregator feed (`/careers/<slug>/jobs.xml`, Indeed's `<source><job>` format) and the
per-job opt-out."""

from __future__ import annotations

import asyncio
import uuid
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import httpx
from fastapi import FastAPI

from tests.identity.helpers import bearer, sign_up
from tests.jobs.helpers import create_job, open_job

# What the format requires of every job (the others are recommended).
REQUIRED = (
    "title",
    "date",
    "referencenumber",
    "url",
    "company",
    "city",
    "state",
    "country",
    "description",
)


async def _owner(client: httpx.AsyncClient, slug: str) -> dict[str, str]:
    return bearer((await sign_up(client, slug))["access_token"])


async def _feed(client: httpx.AsyncClient, slug: str) -> ET.Element:
    response = await client.get(f"/careers/{slug}/jobs.xml")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/xml; charset=utf-8"
    return ET.fromstring(response.content)


async def test_the_feed_has_every_required_field_of_every_open_job(
    client: httpx.AsyncClient,
) -> None:
    headers = await _owner(client, "feedco")
    first = await open_job(client, headers)
    second = await open_job(client, headers, title='Data <Engineer> & "Analyst"')
    await create_job(client, headers, title="A draft")
    source = await _feed(client, "feedco")
    assert source.tag == "source"
    assert source.findtext("publisher") == "Feedco Inc"
    parsedate_to_datetime(source.findtext("lastBuildDate") or "")
    jobs = {job.findtext("referencenumber"): job for job in source.findall("job")}
    assert set(jobs) == {first["id"], second["id"]}
    for job in jobs.values():
        for field in REQUIRED:
            assert job.findtext(field), field
        parsedate_to_datetime(job.findtext("date") or "")  # RFC 2822, as required
        assert job.findtext("jobtype") == "fulltime"
        assert job.findtext("url", "").endswith(
            f"/careers/feedco/jobs/{job.findtext('referencenumber')}"
        )
    # Text is escaped by the XML writer, never markup of its own.
    assert jobs[second["id"]].findtext("title") == 'Data <Engineer> & "Analyst"'
    assert jobs[first["id"]].findtext("city") == "Austin"
    assert jobs[first["id"]].findtext("salary") == "USD 125,000 - 175,000 per year"
    assert (await client.get(jobs[first["id"]].findtext("url", ""))).status_code == 200


async def test_a_job_can_be_kept_out_of_the_feed(client: httpx.AsyncClient, app: FastAPI) -> None:
    headers = await _owner(client, "quietco")
    shown = await open_job(client, headers)
    hidden = await open_job(client, headers, title="Confidential search")
    path = f"/v1/jobs/{hidden['id']}/syndication"
    assert (await client.get(path, headers=headers)).json() == {"syndicated": True}
    response = await client.put(path, json={"syndicated": False}, headers=headers)
    assert response.status_code == 200
    assert (await client.get(path, headers=headers)).json() == {"syndicated": False}
    listed = {
        job.findtext("referencenumber") for job in (await _feed(client, "quietco")).findall("job")
    }
    assert listed == {shown["id"]}
    # Still on the careers pages: the opt-out is about aggregators only.
    assert (await client.get(f"/careers/quietco/jobs/{hidden['id']}")).status_code == 200
    await client.put(path, json={"syndicated": True}, headers=headers)
    # This test's transaction never commits, so the change's announcement never comes.
    app.state.board_cache.invalidate_tenant("*")
    listed = {
        job.findtext("referencenumber") for job in (await _feed(client, "quietco")).findall("job")
    }
    assert listed == {shown["id"], hidden["id"]}


async def test_the_opt_out_is_the_organisation_s_own(client: httpx.AsyncClient) -> None:
    owner = await _owner(client, "ownco")
    job = await open_job(client, owner)
    other = await _owner(client, "otherco")
    path = f"/v1/jobs/{job['id']}/syndication"
    assert (await client.put(path, json={"syndicated": False}, headers=other)).status_code == 404
    assert (await client.get(path, headers=other)).status_code == 404
    missing = f"/v1/jobs/{uuid.uuid4()}/syndication"
    assert (await client.put(missing, json={"syndicated": False}, headers=owner)).status_code == 404
    bad = await client.put(path, json={"syndicated": "maybe"}, headers=owner)
    assert bad.status_code == 422
    assert (await client.put(path, json={"syndicated": False})).status_code == 401
    assert (await client.get(path, headers=owner)).json() == {"syndicated": True}


async def test_a_committed_opt_out_reaches_the_cached_feed(
    committing_client: httpx.AsyncClient,
) -> None:
    client = committing_client
    headers = await _owner(client, "cachedco")
    job = await open_job(client, headers)
    assert len((await _feed(client, "cachedco")).findall("job")) == 1  # now cached
    path = f"/v1/jobs/{job['id']}/syndication"
    assert (await client.put(path, json={"syndicated": False}, headers=headers)).status_code == 200
    for _ in range(50):  # the commit's NOTIFY drops the cached feed in every process
        if not (await _feed(client, "cachedco")).findall("job"):
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the cached feed still lists the opted-out job")
