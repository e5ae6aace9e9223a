"""Salary bands with explained adjustments, and the benchmark import."""

from __future__ import annotations

import httpx

from tests.identity.helpers import bearer, sign_up

GOOD_CSV = (
    "role,level,location,currency,min,max,source,as_of\n"
    "python-backend-developer,mid,austin-tx,USD,101000,149000,Acme survey,2026-06\n"
    "python-backend-developer,senior,austin-tx,USD,130000,190000,Acme survey,2026-06-01\n"
    'data-engineer,mid,remote-us,usd,"98,000",150000,,\n'
)


async def _owner(client: httpx.AsyncClient, slug: str = "acme") -> dict[str, str]:
    return bearer((await sign_up(client, slug))["access_token"])


async def _import(
    client: httpx.AsyncClient, headers: dict[str, str], content: bytes, name: str = "s.csv"
) -> httpx.Response:
    return await client.post(
        "/v1/salaries/imports", files={"file": (name, content, "text/csv")}, headers=headers
    )


async def test_built_in_band_uses_the_seed_figures(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    response = await client.get(
        "/v1/salaries",
        params={"role": "python-backend-developer", "level": "mid", "location": "austin-tx"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["base"] == {"min": 95000, "max": 140000}
    assert body["origin"] == "built-in"
    assert body["adjusted"] == body["base"]


async def test_adjustments_are_applied_and_explained(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    response = await client.get(
        "/v1/salaries",
        params={
            "role": "python-backend-developer",
            "level": "mid",
            "location": "san-francisco-ca",
            "industry": "fintech",
            "certifications": "aws",
        },
        headers=headers,
    )
    body = response.json()
    assert body["base"] == {"min": 125000, "max": 180000}
    keys = {a["key"]: a for a in body["adjustments"]}
    assert keys["industry-premium-fintech-healthcare"]["min_delta"] == 12500  # +10%
    assert keys["industry-premium-fintech-healthcare"]["max_delta"] == 36000  # +20%
    assert keys["cloud-certification"]["min_delta"] == 5000
    assert keys["cloud-certification"]["max_delta"] == 15000
    assert body["adjusted"] == {"min": 142500, "max": 231000}
    assert all(a["explanation"] for a in body["adjustments"])


async def test_location_by_name_gives_that_locations_band(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    for location in ("Austin, TX", "austin-tx", "Austin"):
        body = (
            await client.get(
                "/v1/salaries",
                params={"role": "python-backend-developer", "level": "mid", "location": location},
                headers=headers,
            )
        ).json()
        assert (body["location"], body["base"]) == ("austin-tx", {"min": 95000, "max": 140000})
    spelled = await client.get(
        "/v1/salaries",
        params={"role": "python-backend-developer", "level": "mid", "industry": "Health care"},
        headers=headers,
    )
    assert spelled.status_code == 200, spelled.text
    assert [a["key"] for a in spelled.json()["adjustments"]] == [
        "industry-premium-fintech-healthcare"
    ]


async def test_unknown_location_is_422_not_the_national_figure(
    client: httpx.AsyncClient,
) -> None:
    headers = await _owner(client)
    response = await client.get(
        "/v1/salaries",
        params={"role": "python-backend-developer", "level": "mid", "location": "Seatle"},
        headers=headers,
    )
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["loc"] == ["query", "location"]
    assert error["suggestions"][0] == "seattle-wa"


async def test_unknown_role_is_404_and_bad_level_is_422(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    missing = await client.get(
        "/v1/salaries", params={"role": "astronaut", "level": "mid"}, headers=headers
    )
    assert missing.status_code == 404
    bad = await client.get(
        "/v1/salaries", params={"role": "astronaut", "level": "chief"}, headers=headers
    )
    assert bad.status_code == 422


async def test_import_loads_overrides_and_reimport_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    headers = await _owner(client)
    first = await _import(client, headers, GOOD_CSV.encode())
    assert first.status_code == 200, first.text
    assert first.json() | {"rejections": []} == {
        "rows_read": 3,
        "inserted": 3,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "rejections": [],
    }
    again = await _import(client, headers, GOOD_CSV.encode())
    assert (again.json()["inserted"], again.json()["updated"], again.json()["unchanged"]) == (
        0,
        0,
        3,
    )
    changed = GOOD_CSV.replace("101000", "102000")
    third = await _import(client, headers, changed.encode())
    assert (third.json()["inserted"], third.json()["updated"]) == (0, 1)

    band = await client.get(
        "/v1/salaries",
        params={"role": "python-backend-developer", "level": "mid", "location": "austin-tx"},
        headers=headers,
    )
    assert band.json()["origin"] == "tenant"
    assert band.json()["base"] == {"min": 102000, "max": 149000}
    assert band.json()["source"] == "Acme survey"


async def test_imported_figures_stay_within_their_tenant(client: httpx.AsyncClient) -> None:
    acme = await _owner(client, "acme")
    globex = await _owner(client, "globex")
    await _import(client, acme, GOOD_CSV.encode())
    band = await client.get(
        "/v1/salaries",
        params={"role": "python-backend-developer", "level": "mid", "location": "austin-tx"},
        headers=globex,
    )
    assert band.json()["origin"] == "built-in"
    assert band.json()["base"] == {"min": 95000, "max": 140000}


async def test_broken_and_duplicated_rows_are_reported_by_number(
    client: httpx.AsyncClient,
) -> None:
    headers = await _owner(client)
    content = (
        "role,level,location,currency,min,max\n"
        "python-backend-developer,mid,austin-tx,USD,100000,150000\n"  # 1 good
        "python-backend-developer,mid,austin-tx,USD,100000,150000\n"  # 2 duplicate of 1
        "python-backend-developer,mid,denver-co,USD,lots,150000\n"  # 3 bad number
        "python-backend-developer,mid,chicago-il,USD,160000,150000\n"  # 4 min > max
        "python-backend-developer,principal,chicago-il,USD,1,2\n"  # 5 unknown level
        "python-backend-developer,mid,chicago-il,US,100000,150000\n"  # 6 bad currency
        "python-backend-developer,mid\n"  # 7 too few fields
        "Not A Slug,mid,chicago-il,USD,100000,150000\n"  # 8 bad role
    )
    report = (await _import(client, headers, content.encode())).json()
    assert report["rows_read"] == 8
    assert report["inserted"] == 1
    reasons = {r["row"]: r["reason"] for r in report["rejections"]}
    assert set(reasons) == {2, 3, 4, 5, 6, 7, 8}
    assert "duplicates row 1" in reasons[2]
    assert "whole number" in reasons[3]
    assert "greater than max" in reasons[4]
    assert "level must be one of" in reasons[5]
    assert "currency" in reasons[6]
    assert "fields" in reasons[7]
    assert "role" in reasons[8]


async def test_json_import(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    content = (
        b'{"rows": [{"role": "frontend-engineer", "level": "staff", "location": "seattle-wa",'
        b' "currency": "USD", "min": 200000, "max": 260000}, {"role": 5}]}'
    )
    report = (await _import(client, headers, content, "rows.json")).json()
    assert (report["inserted"], report["rejected"]) == (1, 1)


async def test_unreadable_files_are_422_and_store_nothing(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    latin1 = "role,level,location,currency,min,max\nd\xe9v,mid,x,USD,1,2\n".encode("latin-1")
    for content, name, fragment in (
        (b"", "s.csv", "empty"),
        (b"   \n", "s.csv", "empty"),
        (b"role,level\n", "s.csv", "lacks column"),
        (latin1, "s.csv", "UTF-8"),
        (b"[not json", "s.json", "not valid JSON"),
        (b'{"rows": 3}', "s.json", "list of rows"),
    ):
        response = await _import(client, headers, content, name)
        assert response.status_code == 422, content
        assert fragment in response.json()["detail"]
    band = await client.get(
        "/v1/salaries",
        params={"role": "python-backend-developer", "level": "mid", "location": "austin-tx"},
        headers=headers,
    )
    assert band.json()["origin"] == "built-in"


async def test_oversized_file_is_413(client: httpx.AsyncClient) -> None:
    headers = await _owner(client)
    huge = b"role,level,location,currency,min,max\n" + b"x" * (50 * 1024 * 1024)
    response = await _import(client, headers, huge)
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
