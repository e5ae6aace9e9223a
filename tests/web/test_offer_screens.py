"""The offer screens through HTTP: the form with its band, errors kept in the form, the
approval trail with the approver's buttons."""

from __future__ import annotations

import httpx

from tests.identity.helpers import bearer, sign_up
from tests.offers import helpers
from tests.web.helpers import csrf_token, web_sign_in

EMAIL = "owner@acme.example"


async def test_the_form_shows_the_band_and_keeps_a_refused_offer(
    client: httpx.AsyncClient,
) -> None:
    owner = bearer((await sign_up(client, "acme"))["access_token"])
    me = (await client.get("/v1/me", headers=owner)).json()["user"]["id"]
    made = await helpers.application(client, "acme", owner)
    await web_sign_in(client, EMAIL)
    form_url = f"/app/applications/{made['application_id']}/offers/new"
    page = await client.get(form_url)
    assert page.status_code == 200, page.text
    band = (
        await client.get(f"/v1/applications/{made['application_id']}/offer-band", headers=owner)
    ).json()
    assert f"{band['min']:,}" in page.text
    assert band["basis"].replace("'", "&#39;") in page.text
    fields = {
        "csrf_token": csrf_token(page.text),
        "base_salary": str(band["max"] + 50_000),
        "currency": "USD",
        "start_date": "2027-02-01",
        "expires_on": "2099-01-31",
        "template": "standard",
        "approvers": me,
    }
    refused = await client.post(f"/app/applications/{made['application_id']}/offers", data=fields)
    assert refused.status_code == 422
    assert "outside the band" in refused.text
    assert f'value="{band["max"] + 50_000}"' in refused.text  # what was typed stays

    made_offer = await client.post(
        f"/app/applications/{made['application_id']}/offers",
        data=fields | {"out_of_band_reason": "Market <moved>"},
    )
    assert made_offer.status_code == 303, made_offer.text
    offer_page = await client.get(made_offer.headers["location"])
    assert "Market &lt;moved&gt;" in offer_page.text
    assert 'value="approve"' in offer_page.text  # the owner is the approver, in turn

    decided = await client.post(
        f"{made_offer.headers['location']}/approval",
        data={"csrf_token": csrf_token(offer_page.text), "decision": "approve"},
    )
    assert decided.status_code == 303
    approved = await client.get(made_offer.headers["location"])
    assert "Send to the candidate" in approved.text
    letter = await client.get(f"{made_offer.headers['location']}/letter.pdf")
    assert letter.content.startswith(b"%PDF")
