"""Wires the web app into the ASGI app: screens, static files, HTML error pages."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from hireline.web import (
    account,
    analytics,
    auth,
    board,
    candidates,
    dashboard,
    interviews,
    jobs,
    landing,
    offers,
    search,
    sessions,
    sourcing,
)
from hireline.web.errors import install_html_errors
from hireline.web.settings import router as settings_router

STATIC_DIR = Path(__file__).parent / "static"


def install_web_app(app: FastAPI) -> None:
    """Add the screens and `/static`; call after the API's error handlers are installed."""
    # New-item screens first: /app/jobs/new and /app/candidates/new are not ids.
    for module in (
        landing,
        auth,
        dashboard,
        jobs,
        board,
        sourcing,
        candidates,
        search,
        account,
        interviews,
        offers,
        analytics,
    ):
        app.include_router(module.router)
    app.include_router(settings_router)
    sessions.configure(app.state.settings)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_html_errors(app)
