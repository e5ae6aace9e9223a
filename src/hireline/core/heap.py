"""The process's start-up objects, kept out of the garbage collector's full collections.

A full collection walks every object the collector tracks. After start-up those are mostly
modules, classes, the app, its routes and schemas: a few hundred thousand objects that never
become garbage. Walking them paused the event loop for about 90 ms at each full collection,
which came every hundred or so searches (bench/search.py: the slowest search in twenty).
Freezing them (`gc.freeze`) leaves full collections only the objects made since.
"""

from __future__ import annotations

import gc

_frozen = False


def freeze_startup_objects() -> None:
    """Collect what start-up left behind, then freeze everything still alive; once a process.

    Only the first call freezes: a later one (another app built in the same process, as the
    tests do) would pin whatever that process had made in between.
    """
    global _frozen
    if _frozen:
        return
    gc.collect()
    gc.freeze()
    _frozen = True
