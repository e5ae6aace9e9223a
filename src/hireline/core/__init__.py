"""Plumbing that knows no hiring domain: database, errors, observability, queue."""
