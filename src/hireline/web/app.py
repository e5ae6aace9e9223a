"""Wires the web app into the ASGI app: screens, static files, HTML error pages."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from hireline.web import auth, board, candidates, dashboard, jobs, landing, search, sourcing
from hireline.web.errors import install_html_errors

STATIC_DIR = Path(__file__).parent / "static"


def install_web_app(app: FastAPI) -> None:
    """Add the screens and `/static`; call after the API's error handlers are installed."""
    # New-item screens first: /app/jobs/new and /app/candidates/new are not ids.
    for module in (landing, auth, dashboard, jobs, board, sourcing, candidates, search):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_html_errors(app)
