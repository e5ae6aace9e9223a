"""The demo's door for the web app: what the landing page says of the demo organisation."""

from __future__ import annotations

from hireline.demo.team import DEMO_SLUG as DEMO_SLUG
