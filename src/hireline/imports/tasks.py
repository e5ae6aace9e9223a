"""Queue jobs of the imports room (the worker loads this module)."""

from __future__ import annotations

from hireline.imports.runs import run_queued_import

__all__ = ["run_queued_import"]
