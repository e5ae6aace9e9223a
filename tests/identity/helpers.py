"""Arranging identities through the API, as a user would."""

from __future__ import annotations

from typing import Any

import httpx

PASSWORD = "correct horse battery staple"


async def sign_up(
    client: httpx.AsyncClient, slug: str, *, email: str | None = None, password: str = PASSWORD
) -> dict[str, Any]:
    response = await client.post(
        "/v1/auth/signup",
        json={
            "organization_name": f"{slug.title()} Inc",
            "slug": slug,
            "name": "Olive Owner",
            "email": email or f"owner@{slug}.example",
            "password": password,
        },
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def password_token(
    client: httpx.AsyncClient,
    email: str,
    password: str = PASSWORD,
    tenant: str | None = None,
    *,
    address: str | None = None,
) -> httpx.Response:
    """The password grant; `address` is sent as X-Forwarded-For (for apps trusting it)."""
    form = {"grant_type": "password", "username": email, "password": password}
    if tenant:
        form["tenant"] = tenant
    headers = {"X-Forwarded-For": address} if address else None
    return await client.post("/v1/auth/token", data=form, headers=headers)
