"""Hiring guides written from a template: as data, then as JSON, Markdown, HTML or PDF."""
