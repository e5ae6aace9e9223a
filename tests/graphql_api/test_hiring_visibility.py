"""Batched interviews, scorecards and offers keep the services' rules of who sees what:
an interviewer's own interviews, colleagues' scorecards once theirs is in, the offers one
approves; each as the REST routes answer."""

from __future__ import annotations

from typing import Any

import httpx

from tests.graphql_api.helpers import ask, data, errors
from tests.interviews.helpers import hiring_setup, ratings_for
from tests.offers.helpers import terms

QUERY = """query ($id: UUID!) {
  application(id: $id) {
    id
    interviews { id name scorecards { interviewerName } }
    scorecards { interviewerName }
    offers { id }
  }
}"""
LATER = "2026-12-15T10:00:00"
HIDDEN = (
    "Submit your own scorecard for this candidate first; "
    "colleagues' feedback stays hidden until then."
)


async def _schedule(
    client: httpx.AsyncClient, setup: dict[str, Any], planned: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    scheduled = await client.post(
        f"/v1/applications/{setup['application']['id']}/interviews",
        json={"plan_interview_id": planned["id"], "starts_at": "2026-12-14T10:00:00",
              "time_zone": "Europe/Berlin"} | extra,
        headers=setup["owner"],
    )  # fmt: skip
    assert scheduled.status_code == 201, scheduled.text
    return dict(scheduled.json())


async def _ask(
    client: httpx.AsyncClient, headers: dict[str, str], application_id: str
) -> tuple[dict[str, Any], dict[tuple[Any, ...], str]]:
    """The application as seen, and each refused field's message by path."""
    response = await ask(client, headers, QUERY, {"id": application_id})
    body = response.json()
    refused = {tuple(e["path"]): e["message"] for e in body.get("errors", [])}
    return body["data"]["application"], refused


async def test_each_principal_sees_what_the_rest_routes_show_it(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    owner, ivy, sam = setup["owner"], setup["ivy"], setup["sam"]
    application_id = setup["application"]["id"]
    plan = (await client.get(f"/v1/jobs/{setup['job']['id']}/interview-plan", headers=owner)).json()
    # Ivy and Sam on the technical interview; Ivy alone on the screen.
    technical = await _schedule(client, setup, plan["interviews"][1])
    await _schedule(
        client, setup, plan["interviews"][0], interviewer_ids=[ivy["id"]], starts_at=LATER
    )
    offered = await client.post(
        f"/v1/applications/{application_id}/offers", json=terms([ivy["id"]]), headers=owner
    )
    assert offered.status_code == 201, offered.text

    seen, refused = await _ask(client, owner, application_id)
    assert sorted(i["name"] for i in seen["interviews"]) == ["Screen", "Technical"]
    assert seen["scorecards"] == []
    assert refused == {}
    assert [o["id"] for o in seen["offers"]] == [offered.json()["id"]]

    # Sam sits on the technical interview only; nobody has scored yet, so the feedback is
    # hidden from Sam (not from the owner), and Sam approves no offer.
    seen, refused = await _ask(client, sam["headers"], application_id)
    rest = await client.get(f"/v1/applications/{application_id}/interviews", headers=sam["headers"])
    assert [i["id"] for i in seen["interviews"]] == [i["id"] for i in rest.json()["items"]]
    assert [i["name"] for i in seen["interviews"]] == ["Technical"]
    assert seen["scorecards"] is None
    assert seen["interviews"][0]["scorecards"] is None
    assert refused == {
        ("application", "scorecards"): HIDDEN,
        ("application", "interviews", 0, "scorecards"): HIDDEN,
    }
    assert seen["offers"] == []
    seen, refused = await _ask(client, ivy["headers"], application_id)
    assert sorted(i["name"] for i in seen["interviews"]) == ["Screen", "Technical"]
    assert [o["id"] for o in seen["offers"]] == [offered.json()["id"]]

    # Ivy scores: Sam still may not read hers until Sam's own is in; Ivy may.
    submit = f"/v1/interviews/{technical['id']}/scorecards"
    for who, recommendation in ((ivy, "yes"), (sam, "no")):
        if who is sam:
            seen, refused = await _ask(client, sam["headers"], application_id)
            assert refused[("application", "scorecards")] == HIDDEN
            assert (await client.get(f"/v1/applications/{application_id}/scorecards",
                                     headers=sam["headers"])).status_code == 403  # fmt: skip
        answer = await client.post(
            submit,
            json={"ratings": ratings_for(technical, 3), "recommendation": recommendation},
            headers=who["headers"],
        )
        assert answer.status_code == 201, answer.text
    for who in (ivy, sam):
        seen, refused = await _ask(client, who["headers"], application_id)
        assert refused == {}
        names = sorted(card["interviewerName"] for card in seen["scorecards"])
        assert names == ["Ivy Interviewer", "Sam Second"]
        [scored] = [i for i in seen["interviews"] if i["name"] == "Technical"]
        assert sorted(card["interviewerName"] for card in scored["scorecards"]) == names


async def test_another_tenant_reads_nothing_of_the_application(
    client: httpx.AsyncClient,
) -> None:
    setup = await hiring_setup(client)
    other = await hiring_setup(client)
    response = await ask(client, other["owner"], QUERY, {"id": setup["application"]["id"]})
    assert response.json()["data"] == {"application": None}
    assert [e["extensions"]["code"] for e in errors(response)] == ["not-found"]
    own = await data(client, other["owner"], QUERY, {"id": other["application"]["id"]})
    assert own["application"]["interviews"] == []
