"""Hiring analytics: funnel, time in stage, sources, offers and pipeline health, read from
summary tables that a periodic job rebuilds from the activity log (ADR 0026)."""
