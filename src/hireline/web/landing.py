"""The front door (`/`) and the API docs, served from vendored files (works offline)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from hireline.demo.service import DEMO_SLUG
from hireline.web.templating import render

router = APIRouter(include_in_schema=False)

# Swagger UI needs nothing more than the app; ReDoc's styled-components writes <style>
# elements and its search runs in a blob: worker. Scripts stay same-origin in both.
SWAGGER_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
REDOC_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


@router.get("/")
async def landing(request: Request) -> HTMLResponse:
    return render(request, "landing.html", {"demo_slug": DEMO_SLUG})


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    return render(request, "docs_swagger.html", {"openapi_url": "/openapi.json"}, csp=SWAGGER_CSP)


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    return render(request, "docs_redoc.html", {"openapi_url": "/openapi.json"}, csp=REDOC_CSP)
