"""Start-up objects are frozen out of full garbage collections, once a process."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from hireline.core import heap
from hireline.main import create_app
from hireline.settings import Settings


@pytest.fixture
def unfrozen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A process that has not frozen yet, thawed again afterwards."""
    monkeypatch.setattr(heap, "_frozen", False)
    frozen_before = gc.get_freeze_count()
    gc.unfreeze()
    yield
    gc.unfreeze()
    if frozen_before:
        gc.freeze()


def test_freezing_moves_the_live_objects_out_of_collections(unfrozen: None) -> None:
    heap.freeze_startup_objects()

    assert gc.get_freeze_count() > 1000


def test_only_the_first_call_freezes(unfrozen: None) -> None:
    heap.freeze_startup_objects()
    frozen = gc.get_freeze_count()
    made_since = [[index] for index in range(1000)]

    heap.freeze_startup_objects()

    assert gc.get_freeze_count() == frozen
    assert made_since


async def test_the_api_freezes_once_started(unfrozen: None, settings: Settings) -> None:
    app = create_app(settings)

    async with app.router.lifespan_context(app):
        assert gc.get_freeze_count() > 10_000
