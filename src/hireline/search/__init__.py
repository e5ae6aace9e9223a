"""Candidate search: web-search syntax over a weighted full-text document, facets, excerpts."""
