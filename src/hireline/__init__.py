"""Hireline: an open-source, multi-tenant hiring platform."""

__version__ = "0.1.0"
