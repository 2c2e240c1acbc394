"""Instruments the in-process benchmarks share (Qt only, nothing of the app's).

``bench_views.py`` and ``view_probe.py`` (run by ``bench.py``) time what a person waits
for on the GUI thread: from an action until a widget has painted, with the event loop
running as it does in the app.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget

# What a person types in a search field: a company from the demo data, a first name, a
# role word, another company, a full name. Plain ASCII so QTest can type each character.
SEARCHES = ("cedar rob", "priya", "analyst", "northwind he", "marcus lee")
WAIT_TIMEOUT_S = 120.0


class BenchError(RuntimeError):
    pass


def now_ms() -> float:
    return time.perf_counter() * 1000.0


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (p90: fraction 0.9)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil without math
    return ordered[int(rank) - 1]


class NoneGuard:
    """Keeps the run alive through a reference-count bug, and measures it.

    With PySide6 6.12.0 on CPython 3.11 (where None is not yet immortal), each call from
    Python to a Qt method returning void (setText, update, QCoreApplication.processEvents,
    ...) drops one reference to None that it never took. After a few thousand calls the
    interpreter aborts with "Fatal Python error: none_dealloc: deallocating None". The
    benchmark holds spare references so that it can finish, and reports how far the count
    fell, since the app has no such cushion.
    """

    SPARE = 10_000_000

    def __init__(self) -> None:
        self.unguarded = sys.getrefcount(None)  # what the app would have to spend
        self._spare = [None] * self.SPARE
        self.start = sys.getrefcount(None)

    def drift(self) -> int:
        return sys.getrefcount(None) - self.start


class PaintCounter(QObject):
    """Counts the paint events one widget receives (an event filter on it alone)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        self.last_ms = 0.0
        widget.installEventFilter(self)

    def painted_since(self, count: int, at_ms: float) -> bool:
        """Painted again since the count was ``count``, and at or after ``at_ms``."""
        return self.count > count and self.last_ms >= at_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.last_ms = now_ms()
        return False


class Pump:
    """Runs the event loop (blocking for events, like app.exec) until a condition holds."""

    def __init__(self) -> None:
        self._loop = QEventLoop()
        # Wakes the blocking event loop now and then, so wait_for notices its deadline.
        self._wake = QTimer()
        self._wake.setInterval(20)
        self._wake.timeout.connect(lambda: None)
        self._wake.start()

    def wait_for(
        self, done: Callable[[], bool], what: str, timeout_s: float = WAIT_TIMEOUT_S
    ) -> None:
        deadline = time.perf_counter() + timeout_s
        while not done():
            if time.perf_counter() > deadline:
                raise BenchError(f"timed out after {timeout_s:.0f} s waiting for {what}")
            # QEventLoop.processEvents, not QCoreApplication's: see NoneGuard.
            self._loop.processEvents(
                QEventLoop.ProcessEventsFlag.AllEvents
                | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
            )

    def pause(self, ms: float) -> None:
        end = now_ms() + ms
        self.wait_for(lambda: now_ms() >= end, "a pause")
