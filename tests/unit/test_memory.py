"""The collector's settings for a session (``services.memory``): fewer collections from
the start, and what the first load made frozen once the window shows it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Signal

from followthrough.services import memory


class _Window(QObject):
    first_data_shown = Signal()


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    gc.unfreeze()


@pytest.mark.usefixtures("restored_collector")
def test_the_session_collects_less_often_and_freezes_after_the_first_data() -> None:
    window = _Window()
    memory.tune_for_session(window.first_data_shown)
    assert gc.get_threshold() == memory.THRESHOLDS
    before = gc.get_freeze_count()
    kept = [object() for _ in range(10)], {"rows": list(range(10))}
    window.first_data_shown.emit()
    assert gc.get_freeze_count() > before
    assert kept  # still there: freezing keeps, it only stops walking them


@pytest.mark.usefixtures("restored_collector")
def test_the_source_lines_read_while_importing_are_dropped_after_the_first_data() -> None:
    import linecache
    import traceback

    window = _Window()
    memory.tune_for_session(window.first_data_shown)
    linecache.getline(memory.__file__, 1)  # what PySide6's import hook leaves behind
    assert memory.__file__ in linecache.cache
    window.first_data_shown.emit()
    assert memory.__file__ not in linecache.cache
    # A traceback still shows its lines: they are read again when needed.
    try:
        raise ValueError("shown with its line")
    except ValueError:
        assert 'raise ValueError("shown with its line")' in traceback.format_exc()
