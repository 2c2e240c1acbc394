"""Benchmark of the main window's views over a large demo database (a script, not a test).

    .venv/bin/python tests/perf/bench_views.py [--count N] [--data-dir DIR]

Creates (or reuses) a demo data folder with N applications, opens the real MainWindow
offscreen at 1280x800 and measures, on the GUI thread, what a person waits for: start-up,
switching to the list, searching as they type, moving between months and sorting. Each
figure is printed with how it was measured and PASS/MISS against the performance issue's
targets, then a summary table for the README. With N above --compare-count (default 1000),
the start-up part is run again at that size in a subprocess to see whether the GUI thread's
share of start-up grows with the data.

The exit status is 0 whatever the timings (1 with --strict when a target is missed), so the
smoke test can run it without asserting on timings.
"""

from __future__ import annotations

import os

# Before anything loads Qt: the benchmark never opens a real window.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import argparse
import contextlib
import gc
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QTableView, QVBoxLayout, QWidget

from followthrough.app import make_application
from followthrough.domain.clock import SystemClock
from followthrough.store.database import open_database
from followthrough.store.paths import DATABASE_NAME
from followthrough.ui.shell import loading as loading_module
from followthrough.ui.shell.context import AppContext
from followthrough.ui.shell.main_window import PAGES, MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.perf.qt_probes import (
    SEARCHES,
    BenchError,
    NoneGuard,
    PaintCounter,
    Pump,
    median,
    now_ms,
    percentile,
)

DEFAULT_COUNT = 10_000
DEFAULT_COMPARE_COUNT = 1_000
WINDOW_SIZE = (1280, 800)
FRAME_MS = 1000 / 60

# The targets.
LIST_SHOWN_TARGET_MS = 300.0
SEARCH_MEDIAN_TARGET_MS = 16.0
# Per keystroke, at most this many times the same rows in a minimal QTableView.
SEARCH_RATIO_TARGET = 1.1
MONTH_SWITCH_TARGET_MS = 50.0
MONTH_SWITCH_MAX_TARGET_MS = 100.0
# "Nothing scales with data on the GUI thread at start-up": with 10x the data, the longest
# GUI-thread stall and _show_data may at most double, or stay within one frame.
SCALING_FACTOR = 2.0

SWITCHES = 5
# Through the busiest months of the demo data (those around its creation) and back.
MONTH_MOVES = (
    "previous",
    "previous",
    "next",
    "next",
    "next",
    "next",
    "next",
    "previous",
    "previous",
    "previous",
)
STARTUP_JSON_PREFIX = "STARTUP-JSON "


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def ms(value: float) -> str:
    return f"{value:,.1f} ms"


def method(text: str) -> None:
    print(f"    method: {text}")


# -- demo data -----------------------------------------------------------------------------


def app_command(*args: str) -> list[str]:
    """``followthrough ARGS`` through the venv's entry point, else ``python -m``."""
    entry = shutil.which("followthrough", path=str(Path(sys.executable).parent))
    if entry:
        return [entry, *args]
    return [sys.executable, "-m", "followthrough", *args]


@dataclass
class DemoData:
    data_dir: Path
    applications: int
    interviews: int
    contacts: int
    generated: bool
    generation_s: float | None
    created_at: str


def count_rows(database: Path) -> tuple[int, int, int, str]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:

        def scalar(sql: str) -> Any:
            return connection.execute(sql).fetchone()[0]

        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "application" not in tables:
            return 0, 0, 0, ""
        return (
            int(scalar("SELECT COUNT(*) FROM application")),
            int(scalar("SELECT COUNT(*) FROM interview")),
            int(scalar("SELECT COUNT(*) FROM contact")),
            str(scalar("SELECT MAX(created_at) FROM application") or ""),
        )
    finally:
        connection.close()


def ensure_demo(data_dir: Path, count: int) -> DemoData:
    database = data_dir / DATABASE_NAME
    applications = 0
    if database.exists() and database.stat().st_size > 0:
        applications, interviews, contacts, created_at = count_rows(database)
        if applications == count:
            return DemoData(data_dir, applications, interviews, contacts, False, None, created_at)
        if applications:
            raise BenchError(
                f"{data_dir} already holds {applications:,} applications, not {count:,}; "
                "pass another --data-dir or delete that folder."
            )
    command = app_command("--data-dir", str(data_dir), "demo", "--count", str(count))
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise BenchError(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    applications, interviews, contacts, created_at = count_rows(database)
    return DemoData(data_dir, applications, interviews, contacts, True, elapsed, created_at)


# -- instruments ---------------------------------------------------------------------------


class Timed:
    """Replaces ``owner.name`` with a wrapper recording (start ms, end ms, args) per call.

    Works for the window's callbacks because MainWindow looks them up when it submits or
    runs a job (``self._show_data``, ``self.calendar_page.set_month_counts``, the module's
    ``load_window_data``), not when it is built. Calls may come from the worker threads.
    """

    def __init__(self, owner: object, name: str) -> None:
        self.calls: list[tuple[float, float, tuple[Any, ...]]] = []
        original = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = now_ms()
            try:
                return original(*args, **kwargs)
            finally:
                self.calls.append((start, now_ms(), args))

        setattr(owner, name, wrapper)

    def since(self, start_ms: float) -> list[tuple[float, float, tuple[Any, ...]]]:
        return [call for call in self.calls if call[0] >= start_ms]

    def total_since(self, start_ms: float) -> float:
        return sum(end - start for start, end, _args in self.since(start_ms))


class Heartbeat(QObject):
    """A 1 ms precise timer on the GUI thread; the longest gap between ticks is the longest
    time the thread could not handle an event (input, paint, timers)."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps: list[tuple[float, float]] = []  # (end of gap ms, gap ms)

    def start(self) -> None:
        self.gaps = []
        self._last = now_ms()
        self._timer.start()

    def _tick(self) -> None:
        tick = now_ms()
        self.gaps.append((tick, tick - self._last))
        self._last = tick

    def longest_gap(self, until_ms: float | None = None) -> tuple[float, float]:
        """(start, end) of the longest gap ending by ``until_ms`` (or now); a gap still open
        then counts too."""
        limit = now_ms() if until_ms is None else until_ms
        gaps = [(end - gap, end) for end, gap in self.gaps if end <= limit]
        gaps.append((gaps[-1][1] if gaps else self._last, limit))
        return max(gaps, key=lambda gap: gap[1] - gap[0])

    def longest(self, until_ms: float | None = None) -> float:
        start, end = self.longest_gap(until_ms)
        return end - start

    def stop(self) -> float:
        longest = self.longest()
        self._timer.stop()
        return longest


class GcWatch:
    """Records every garbage collection: (start ms, end ms, generation, on the GUI thread)."""

    def __init__(self) -> None:
        self.collections: list[tuple[float, float, int, bool]] = []
        self._started: dict[int, float] = {}
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            self._started[thread] = now_ms()
        elif thread in self._started:
            gui = threading.current_thread() is threading.main_thread()
            start = self._started.pop(thread)
            self.collections.append((start, now_ms(), info["generation"], gui))

    def between(self, start_ms: float, end_ms: float) -> list[tuple[float, float, int, bool]]:
        return [c for c in self.collections if c[0] < end_ms and c[1] > start_ms]


class MinimalSearch(QWidget):
    """The search baseline: the list's rows (their texts and search text, in the list's
    order) in a QStandardItemModel behind a QSortFilterProxyModel, shown in a plain
    QTableView under a QLineEdit at the list's size. The proxy filters in C++, each word
    of the text a lookahead, so it keeps exactly the rows the app's search keeps."""

    HAYSTACK_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, page: Any) -> None:
        super().__init__()
        model = page.model
        columns = model.columnCount()
        self.source = QStandardItemModel(model.rowCount(), columns)
        for row in range(model.rowCount()):
            for column in range(columns):
                item = QStandardItem(str(model.data(model.index(row, column)) or ""))
                self.source.setItem(row, column, item)
            # The app's own search text of the row (made off the GUI thread at load).
            haystack = model._haystacks[model._visible[row]]
            self.source.item(row, 0).setData(haystack, self.HAYSTACK_ROLE)
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.source)
        self.proxy.setFilterRole(self.HAYSTACK_ROLE)
        self.proxy.setFilterKeyColumn(0)
        self.search = QLineEdit()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        for column in range(columns):
            self.table.setColumnWidth(column, page.table.columnWidth(column))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.resize(page.table.width(), page.table.height() + page.search.height())
        self.changes = 0
        for signal in (
            self.proxy.layoutChanged,
            self.proxy.modelReset,
            self.proxy.rowsRemoved,
            self.proxy.rowsInserted,
        ):
            signal.connect(self._changed)
        self.search.textChanged.connect(self._filter)

    def _changed(self, *_args: object) -> None:
        self.changes += 1

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        pattern = "^" + "".join(f"(?=.*{QRegularExpression.escape(w)})" for w in words)
        self.proxy.setFilterRegularExpression(QRegularExpression(pattern))


class BareCalendar(QCalendarWidget):
    """The month-switch baseline: a QCalendarWidget at the app's calendar size, no marks."""

    def __init__(self, size: Any) -> None:
        super().__init__()
        self.setGridVisible(True)
        self.resize(size)
        view = self.findChild(QTableView)
        if view is None:
            raise BenchError("QCalendarWidget has no table view inside")
        self.view: QTableView = view


# -- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One keystroke: the text typed so far, ms until repainted and until handled, the
    rows shown, and the GUI thread's CPU ms meanwhile (the work, without the waits)."""

    typed: str
    elapsed: float
    handled: float
    rows: int
    cpu: float


@dataclass
class Startup:
    to_data_loaded_ms: float = 0.0
    background_ms: float = 0.0
    show_data_ms: float = 0.0
    show_data_parts_ms: dict[str, float] = field(default_factory=dict)
    stall_to_data_loaded_ms: float = 0.0
    to_settled_ms: float = 0.0
    stall_to_settled_ms: float = 0.0
    month_items_ms: float = 0.0
    week_items_ms: float = 0.0
    stall_during: str = ""
    gc_longest_ms: float = 0.0
    gc_longest_where: str = ""
    reload_to_data_loaded_ms: float = 0.0
    reload_show_data_ms: float = 0.0
    reload_stall_ms: float = 0.0
    applications: int = 0
    interviews: int = 0

    @property
    def gui_stall_ms(self) -> float:
        return self.stall_to_settled_ms


@dataclass
class Results:
    demo: DemoData | None = None
    startup: Startup = field(default_factory=Startup)
    list_shown_ms: list[float] = field(default_factory=list)
    today_shown_ms: list[float] = field(default_factory=list)
    keystrokes_ms: list[float] = field(default_factory=list)
    keystroke_handler_ms: list[float] = field(default_factory=list)
    keystroke_log: list[tuple[str, float, int]] = field(default_factory=list)
    clear_ms: list[float] = field(default_factory=list)
    minimal_keystrokes_ms: list[float] = field(default_factory=list)
    keystroke_cpu_ms: list[float] = field(default_factory=list)
    minimal_keystroke_cpu_ms: list[float] = field(default_factory=list)
    search_mismatches: list[str] = field(default_factory=list)
    month_marks_ms: list[float] = field(default_factory=list)
    month_painted_ms: list[float] = field(default_factory=list)
    month_gui_ms: list[float] = field(default_factory=list)
    month_background_ms: list[float] = field(default_factory=list)
    month_items: list[int] = field(default_factory=list)
    month_stall_ms: float = 0.0
    bare_month_ms: list[float] = field(default_factory=list)
    sorts: list[tuple[str, float, float]] = field(default_factory=list)
    compare: Startup | None = None
    compare_count: int = 0
    none_refs_at_start: int = 0
    none_drift: dict[str, int] = field(default_factory=dict)
    verdicts: dict[str, bool] = field(default_factory=dict)


# -- the harness ---------------------------------------------------------------------------


class Bench(Pump):
    def __init__(self, data_dir: Path) -> None:
        self.app = make_application([sys.argv[0]])
        self.clock = SystemClock()
        self.database = open_database(data_dir, self.clock)
        self.context = AppContext.create(data_dir, self.database, self.clock)
        self.window = MainWindow(self.context)
        self.window.resize(*WINDOW_SIZE)
        # Every page shown once before the first load, so that each load brings all their
        # rows (a page nobody opened loads none): what this bench has always timed.
        for name in ("Applications", "Calendar", "Contacts", "Today"):
            self.window.show_page(PAGES.index(name))
        self.window.show()
        if not QTest.qWaitForWindowExposed(self.window, 10_000):
            raise BenchError("the window was never exposed")
        self._busy = False
        self.context.runner.busy_changed.connect(self._set_busy)
        super().__init__()  # the event loop wait_for and pause run
        self.heartbeat = Heartbeat()
        self.gc_watch = GcWatch()

        window = self.window
        calendar_page = window.calendar_page
        self.loaded_at: list[float] = []
        window.data_loaded.connect(lambda: self.loaded_at.append(now_ms()))
        self.show_data = Timed(window, "_show_data")
        self.parts = {
            "Today": Timed(window.today_page, "set_data"),
            "Applications": Timed(window.applications_page, "set_data"),
            "Contacts": Timed(window.contacts_page, "set_data"),
        }
        self.background_load = Timed(loading_module, "load_window_data")
        self.background_month = Timed(loading_module, "load_month")
        self.month_items = Timed(calendar_page, "set_month_counts")
        self.week_items = Timed(calendar_page.week, "set_items")
        self.resets = 0
        window.applications_page.model.modelReset.connect(self._count_reset)

        apps = window.applications_page
        self.table_paint = PaintCounter(apps.table.viewport())
        self.search_paint = PaintCounter(apps.search)
        self.today_paint = PaintCounter(window.today_page.heading)
        calendar_view = calendar_page.calendar.findChild(QTableView)
        if calendar_view is None:
            raise BenchError("QCalendarWidget has no table view inside")
        self.calendar_paint = PaintCounter(calendar_view.viewport())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy

    def _count_reset(self) -> None:
        self.resets += 1

    # -- waiting (wait_for and pause: Pump) ----------------------------------------------

    def settle(self) -> None:
        """Untimed: background jobs done and everything they caused painted."""
        self.wait_for(lambda: not self._busy, "the background jobs")
        self.pause(100)

    def wait_painted(self, counter: PaintCounter, before: int, what: str) -> None:
        self.wait_for(lambda: counter.count > before, what)

    def month_applied_since(self, start_ms: float, year: int, month: int) -> bool:
        """set_month_counts ran for that month while it was still the one shown."""
        return self.window.calendar_page.shown_month() == (year, month) and any(
            call[2][:2] == (year, month) for call in self.month_items.since(start_ms)
        )

    def overlapping(self, start_ms: float, end_ms: float) -> str:
        """What ran during [start, end]: the wrapped steps and garbage collections."""

        def span(begin: float, end: float) -> str:
            return f"{max(begin, start_ms) - start_ms:.0f}-{min(end, end_ms) - start_ms:.0f}"

        parts = []
        for name, timed in (
            ("worker load_window_data", self.background_load),
            ("_show_data", self.show_data),
            ("worker load_month", self.background_month),
            ("set_month_counts", self.month_items),
            ("week set_items", self.week_items),
        ):
            for begin, end, _args in timed.calls:
                if begin < end_ms and end > start_ms:
                    parts.append(f"{name} {span(begin, end)}")
        for begin, end, generation, gui in self.gc_watch.between(start_ms, end_ms):
            if end - begin >= 5:
                where = "GUI thread" if gui else "worker"
                parts.append(f"GC gen{generation} in {where} {span(begin, end)}")
        return ", ".join(parts) or "nothing wrapped (Qt layout/paint)"

    # -- 3a: start-up ----------------------------------------------------------------------

    def _load(self) -> tuple[float, float, float]:
        """refresh() -> data_loaded; returns (start, data_loaded at, stall until then)."""
        loaded_before = len(self.loaded_at)
        self.heartbeat.start()
        start = now_ms()
        self.window.refresh()
        self.wait_for(lambda: len(self.loaded_at) > loaded_before, "data_loaded")
        loaded = self.loaded_at[-1]
        return start, loaded, self.heartbeat.longest(until_ms=self.show_data.calls[-1][1])

    def startup(self, demo: DemoData) -> Startup:
        result = Startup(applications=demo.applications, interviews=demo.interviews)
        window = self.window
        self.pause(200)  # the empty window has painted, nothing else pending
        painted_before = self.today_paint.count
        start, loaded, stall = self._load()
        result.to_data_loaded_ms = loaded - start
        result.stall_to_data_loaded_ms = stall
        result.background_ms = self.background_load.total_since(start)
        result.show_data_ms = self.show_data.total_since(start)
        result.show_data_parts_ms = {
            name: timed.total_since(start) for name, timed in self.parts.items()
        }
        year, month = window.calendar_page.shown_month()
        self.wait_for(
            lambda: (
                self.month_applied_since(start, year, month)
                and bool(self.week_items.since(start))
                and self.today_paint.count > painted_before
            ),
            "the month, the week and the first paint after loading",
        )
        settled = now_ms()
        result.to_settled_ms = settled - start
        stall_start, stall_end = self.heartbeat.longest_gap()
        result.stall_to_settled_ms = self.heartbeat.stop()
        result.stall_during = (
            f"{stall_start - start:.0f}-{stall_end - start:.0f} ms after refresh(); during it "
            f"(ms into the stall): {self.overlapping(stall_start, stall_end)}"
        )
        collections = self.gc_watch.between(start, settled)
        if collections:
            longest = max(collections, key=lambda c: c[1] - c[0])
            result.gc_longest_ms = longest[1] - longest[0]
            result.gc_longest_where = (
                f"gen{longest[2]} on the {'GUI thread' if longest[3] else 'worker thread'}, "
                f"{len(collections)} collections in all, "
                f"{sum(1 for c in collections if c[2] == 2)} of them full"
            )
        result.month_items_ms = self.month_items.total_since(start)
        result.week_items_ms = self.week_items.total_since(start)
        self.settle()

        # F5: the same load again, now that every view has been built and shown once.
        start, loaded, _stall = self._load()
        result.reload_to_data_loaded_ms = loaded - start
        result.reload_show_data_ms = self.show_data.total_since(start)
        year, month = window.calendar_page.shown_month()
        self.wait_for(lambda: self.month_applied_since(start, year, month), "the month again")
        result.reload_stall_ms = self.heartbeat.stop()
        self.settle()
        return result

    # -- 3b: switching to the list ---------------------------------------------------------

    def switching(self, results: Results) -> None:
        window = self.window
        window.applications_page.views.setCurrentWidget(window.applications_page.table)
        window.show_page(PAGES.index("Today"))
        self.settle()
        for _ in range(SWITCHES):
            before = self.table_paint.count
            start = now_ms()
            window.show_page(PAGES.index("Applications"))
            self.wait_painted(self.table_paint, before, "the list to paint")
            results.list_shown_ms.append(now_ms() - start)
            before = self.today_paint.count
            start = now_ms()
            window.show_page(PAGES.index("Today"))
            self.wait_painted(self.today_paint, before, "Today to paint")
            results.today_shown_ms.append(now_ms() - start)

    # -- 3c: search as you type ------------------------------------------------------------

    def _type(
        self,
        field_: QLineEdit,
        text: str,
        changes: Callable[[], int],
        table_paint: PaintCounter,
        field_paint: PaintCounter,
        rows: Callable[[], int],
    ) -> list[Key]:
        """Type ``text`` one key at a time, each until repainted: the table, when its rows
        changed, else the field."""
        typed = []
        for index, char in enumerate(text):
            changed, table, field_count = changes(), table_paint.count, field_paint.count
            start, cpu = now_ms(), time.thread_time()
            QTest.keyClicks(field_, char)
            handled = now_ms()

            def repainted(
                changed: int = changed, table: int = table, field_count: int = field_count
            ) -> bool:
                if changes() > changed:  # the rows changed: wait for the table
                    return table_paint.count > table
                return field_paint.count > field_count or table_paint.count > table

            self.wait_for(repainted, f"the repaint after typing {char!r}")
            elapsed, cpu = now_ms() - start, (time.thread_time() - cpu) * 1000
            typed.append(Key(text[: index + 1], elapsed, handled - start, rows(), cpu))
        if field_.text() != text:
            raise BenchError(f"typed {text!r} but the field says {field_.text()!r}")
        return typed

    def _focus(self, window: QWidget, field_: QLineEdit) -> None:
        window.activateWindow()
        field_.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.settle()

    def searching(self, results: Results) -> None:
        """The app's search as you type, and the same keys in the minimal table (the
        baseline), text by text, taking turns at going first."""
        window = self.window
        page = window.applications_page
        window.show_page(PAGES.index("Applications"))
        page.search.clear()
        self.settle()
        minimal = MinimalSearch(page)
        minimal.show()
        if not QTest.qWaitForWindowExposed(minimal, 10_000):
            raise BenchError("the minimal table was never exposed")
        minimal_table = PaintCounter(minimal.table.viewport())
        minimal_field = PaintCounter(minimal.search)
        for number, text in enumerate(SEARCHES):
            if page.search.text():
                before = self.table_paint.count
                start = now_ms()
                page.search.clear()
                self.wait_painted(self.table_paint, before, "the list after clearing")
                results.clear_ms.append(now_ms() - start)
            minimal.search.clear()
            self.settle()
            turns = [
                (
                    window,
                    page.search,
                    lambda: self.resets,
                    self.table_paint,
                    self.search_paint,
                    page.model.rowCount,
                ),
                (
                    minimal,
                    minimal.search,
                    lambda: minimal.changes,
                    minimal_table,
                    minimal_field,
                    minimal.proxy.rowCount,
                ),
            ]
            typed: dict[int, list[Key]] = {}
            for turn in (0, 1) if number % 2 == 0 else (1, 0):
                owner, field_, changes, table_paint, field_paint, rows = turns[turn]
                self._focus(owner, field_)
                typed[turn] = self._type(field_, text, changes, table_paint, field_paint, rows)
            for key in typed[0]:
                results.keystrokes_ms.append(key.elapsed)
                results.keystroke_handler_ms.append(key.handled)
                results.keystroke_cpu_ms.append(key.cpu)
                results.keystroke_log.append((key.typed, key.elapsed, key.rows))
            results.minimal_keystrokes_ms += [key.elapsed for key in typed[1]]
            results.minimal_keystroke_cpu_ms += [key.cpu for key in typed[1]]
            results.search_mismatches += [
                f"{app.typed!r}: {app.rows} rows in the app, {base.rows} in the minimal table"
                for app, base in zip(typed[0], typed[1], strict=True)
                if app.rows != base.rows
            ]
        minimal.hide()
        minimal.deleteLater()
        page.search.clear()
        window.activateWindow()
        self.settle()

    # -- 3d: month switching ---------------------------------------------------------------

    def months(self, results: Results) -> None:
        window = self.window
        page = window.calendar_page
        window.show_page(PAGES.index("Calendar"))
        page.views.setCurrentIndex(0)
        self.settle()
        self.heartbeat.start()
        for move in MONTH_MOVES:
            before = self.calendar_paint.count
            start = now_ms()
            if move == "next":
                page.calendar.showNextMonth()
            else:
                page.calendar.showPreviousMonth()
            year, month = page.shown_month()
            self.wait_for(
                partial(self.month_applied_since, start, year, month),
                f"the marks of {year}-{month:02}",
            )
            marked = now_ms()
            call = next(c for c in self.month_items.since(start) if c[2][:2] == (year, month))
            if call[2][2]:
                # Qt may fold the repaint for the marks into the one for the page change;
                # then no further paint comes, and the marks time stands for both.
                with contextlib.suppress(BenchError):
                    self.wait_for(
                        partial(self.calendar_paint.painted_since, before, marked),
                        "the calendar to repaint with its marks",
                        timeout_s=3,
                    )
            results.month_marks_ms.append(marked - start)
            results.month_painted_ms.append(now_ms() - start)
            results.month_gui_ms.append(call[1] - call[0])
            results.month_items.append(sum(sum(k.values()) for k in call[2][2].values()))
            results.month_background_ms.append(
                sum(
                    end - begin
                    for begin, end, args in self.background_month.since(start)
                    if args[:2] == (year, month)
                )
            )
            self.pause(30)
        results.month_stall_ms = self.heartbeat.stop()
        self.settle()
        self.bare_months(results, page.calendar)

    def bare_months(self, results: Results, calendar: QCalendarWidget) -> None:
        """The same moves on a bare QCalendarWidget of the same size, until repainted."""
        bare = BareCalendar(calendar.size())
        bare.setSelectedDate(calendar.selectedDate())
        bare.show()
        if not QTest.qWaitForWindowExposed(bare, 10_000):
            raise BenchError("the bare calendar was never exposed")
        painted = PaintCounter(bare.view.viewport())
        self.settle()
        for move in MONTH_MOVES:
            before = painted.count
            start = now_ms()
            if move == "next":
                bare.showNextMonth()
            else:
                bare.showPreviousMonth()
            self.wait_painted(painted, before, "the bare calendar to repaint")
            results.bare_month_ms.append(now_ms() - start)
            self.pause(30)
        bare.hide()
        bare.deleteLater()
        self.settle()

    # -- 3e: sorting -----------------------------------------------------------------------

    def sorting(self, results: Results) -> None:
        window = self.window
        page = window.applications_page
        window.show_page(PAGES.index("Applications"))
        page.search.clear()
        self.settle()
        model = page.model
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            before = self.table_paint.count
            start = now_ms()
            model.sort(column, Qt.SortOrder.AscendingOrder)
            sorted_at = now_ms()
            self.wait_painted(self.table_paint, before, f"the list sorted by {title}")
            results.sorts.append((title, sorted_at - start, now_ms() - start))
        self.settle()

    def close(self) -> None:
        self.context.runner.wait_for_done()
        # hide(), not close(): closing would save this run's geometry into the data folder.
        self.window.hide()
        self.window.deleteLater()
        QCoreApplication.processEvents()
        self.database.close()


# -- reporting -----------------------------------------------------------------------------


def print_demo(demo: DemoData) -> None:
    print("1. Demo data")
    if demo.generated:
        assert demo.generation_s is not None
        print(f"    generated in {demo.generation_s:.1f} s into {demo.data_dir}")
        method("wall time of `followthrough --data-dir DIR demo --count N` as a subprocess")
    else:
        print(f"    reused {demo.data_dir} (generated {demo.created_at}; dates are around then)")
    print(
        f"    {demo.applications:,} applications, {demo.interviews:,} interviews, "
        f"{demo.contacts:,} people"
    )


def print_startup(startup: Startup) -> None:
    print("3a. Start-up (first load into the shown window)")
    print(f"    refresh() -> data_loaded: {ms(startup.to_data_loaded_ms)}")
    method(
        "perf_counter from window.refresh() to the data_loaded signal, event loop running "
        "(background load_window_data + queued hand-over + _show_data on the GUI thread)"
    )
    print(f"    of which background load_window_data: {ms(startup.background_ms)}")
    method("module function wrapped in-process; runs on the BackgroundRunner pool")
    parts = ", ".join(
        f"{name}Page.set_data {ms(value)}" for name, value in startup.show_data_parts_ms.items()
    )
    print(f"    _show_data on the GUI thread: {ms(startup.show_data_ms)} ({parts})")
    method("the window's _show_data (and each page's set_data) wrapped on the instance")
    print(f"    longest GUI-thread stall until data_loaded: {ms(startup.stall_to_data_loaded_ms)}")
    print(
        f"    until settled (month+week applied, repainted): {ms(startup.to_settled_ms)}, "
        f"longest stall {ms(startup.stall_to_settled_ms)} "
        f"(set_month_counts {ms(startup.month_items_ms)}, week set_items "
        f"{ms(startup.week_items_ms)})"
    )
    method(
        "1 ms PreciseTimer heartbeat on the GUI thread, longest gap between ticks "
        "(includes waiting for the GIL while the worker runs Python)"
    )
    print(f"    longest stall: {startup.stall_during}")
    if startup.gc_longest_where:
        print(
            f"    longest garbage collection: {ms(startup.gc_longest_ms)} "
            f"({startup.gc_longest_where}; it holds the GIL, so the GUI thread waits)"
        )
        method("gc.callbacks timing each collection, with the thread it ran on")
    print(
        f"    F5 reload: refresh() -> data_loaded {ms(startup.reload_to_data_loaded_ms)}, "
        f"_show_data {ms(startup.reload_show_data_ms)}, "
        f"longest stall {ms(startup.reload_stall_ms)}"
    )


def scaling_ok(big: Startup, small: Startup | None) -> bool:
    if small is None:
        return big.gui_stall_ms < FRAME_MS and big.show_data_ms < FRAME_MS
    return all(
        value <= max(SCALING_FACTOR * baseline, FRAME_MS)
        for value, baseline in (
            (big.gui_stall_ms, small.gui_stall_ms),
            (big.show_data_ms, small.show_data_ms),
        )
    )


def print_scaling(results: Results) -> None:
    big, small = results.startup, results.compare
    ok = scaling_ok(big, small)
    results.verdicts["scaling"] = ok
    if small is None:
        print(
            f"    GUI thread at start-up: longest stall {ms(big.gui_stall_ms)}, _show_data "
            f"{ms(big.show_data_ms)}  [{verdict(ok)}: no comparison run, so judged against "
            f"one frame ({FRAME_MS:.1f} ms)]"
        )
        return
    print(
        f"    GUI thread at start-up, {big.applications:,} vs {small.applications:,} "
        f"applications: longest stall {ms(big.gui_stall_ms)} vs {ms(small.gui_stall_ms)}, "
        f"_show_data {ms(big.show_data_ms)} vs {ms(small.show_data_ms)}  [{verdict(ok)}]"
    )
    method(
        f"same start-up run in a subprocess at --count {small.applications}; PASS when both "
        f"grow at most {SCALING_FACTOR:g}x or stay under one frame ({FRAME_MS:.1f} ms)"
    )


def print_switching(results: Results) -> None:
    shown = median(results.list_shown_ms)
    ok = shown < LIST_SHOWN_TARGET_MS
    results.verdicts["list"] = ok
    print("3b. List shown after switching (Today -> Applications)")
    print(
        f"    median {ms(shown)} of {len(results.list_shown_ms)} "
        f"(first {ms(results.list_shown_ms[0])}, max {ms(max(results.list_shown_ms))})  "
        f"[{verdict(ok)}: < {LIST_SHOWN_TARGET_MS:.0f} ms]"
    )
    method(
        "perf_counter from window.show_page(Applications) until the table's viewport has "
        "received a paint event, running the event loop (paints counted by an event filter)"
    )
    print(
        f"    back to Today: median {ms(median(results.today_shown_ms))}, "
        f"max {ms(max(results.today_shown_ms))} (no target; same method on Today's heading)"
    )


def search_ratio(results: Results) -> float:
    return median(results.keystrokes_ms) / median(results.minimal_keystrokes_ms)


def print_search(results: Results) -> None:
    keys = results.keystrokes_ms
    ratio = search_ratio(results)
    ok = ratio <= SEARCH_RATIO_TARGET and not results.search_mismatches
    results.verdicts["search"] = ok
    print(f"3c. Search as you type ({len(keys)} keystrokes: {', '.join(map(repr, SEARCHES))})")
    print(
        f"    per keystroke median {ms(median(keys))}, p90 {ms(percentile(keys, 0.9))}, "
        f"max {ms(max(keys))}; minimal table median "
        f"{ms(median(results.minimal_keystrokes_ms))}, p90 "
        f"{ms(percentile(results.minimal_keystrokes_ms, 0.9))}, max "
        f"{ms(max(results.minimal_keystrokes_ms))}; ratio of medians {ratio:.2f}  "
        f"[{verdict(ok)}: <= {SEARCH_RATIO_TARGET:g}x the minimal table, same rows]"
    )
    method(
        "QTest.keyClicks, one character, on applications_page.search; perf_counter until the "
        "table's viewport (or, when the rows did not change, the field) has painted, event "
        "loop running. Baseline: the same keys, text by text taking turns, in a QLineEdit "
        "over a plain QTableView of the list's size, its rows (texts and search text) in a "
        "QStandardItemModel filtered by a QSortFilterProxyModel (C++ regular expression)"
    )
    cpu, minimal_cpu = results.keystroke_cpu_ms, results.minimal_keystroke_cpu_ms
    print(
        f"    GUI thread's CPU per keystroke: median {ms(median(cpu))}, max {ms(max(cpu))}; "
        f"minimal table median {ms(median(minimal_cpu))}, max {ms(max(minimal_cpu))}; "
        f"ratio of medians {median(cpu) / median(minimal_cpu):.2f}"
    )
    method(
        "time.thread_time() of the GUI thread over the same span: the work done, without "
        "the wait for the next frame (Qt paints on its frame timer) or for the CPU"
    )
    if results.search_mismatches:
        print("    rows differ from the minimal table: " + "; ".join(results.search_mismatches))
    print(
        f"    of which the key handling itself (textChanged -> filter -> model reset): median "
        f"{ms(median(results.keystroke_handler_ms))}, max {ms(max(results.keystroke_handler_ms))}"
        f"  (median < {SEARCH_MEDIAN_TARGET_MS:.0f} ms for the whole keystroke: "
        f"{verdict(median(keys) < SEARCH_MEDIAN_TARGET_MS)})"
    )
    slowest = sorted(results.keystroke_log, key=lambda entry: -entry[1])[:3]
    print(
        "    slowest: "
        + ", ".join(f"{typed!r} {ms(elapsed)} ({rows:,} rows)" for typed, elapsed, rows in slowest)
    )
    if results.clear_ms:
        print(
            f"    clearing the field (all rows back): median {ms(median(results.clear_ms))}, "
            f"max {ms(max(results.clear_ms))} (no target)"
        )


def print_months(results: Results) -> None:
    painted = results.month_painted_ms
    ok = median(painted) <= MONTH_SWITCH_TARGET_MS and max(painted) <= MONTH_SWITCH_MAX_TARGET_MS
    results.verdicts["month"] = ok
    print(f"3d. Month switching ({len(painted)} moves: {', '.join(MONTH_MOVES)})")
    print(
        f"    until repainted with the marks: median {ms(median(painted))}, max "
        f"{ms(max(painted))}; a bare QCalendarWidget median {ms(median(results.bare_month_ms))}"
        f", max {ms(max(results.bare_month_ms))}  [{verdict(ok)}: median <= "
        f"{MONTH_SWITCH_TARGET_MS:.0f} ms, max <= {MONTH_SWITCH_MAX_TARGET_MS:.0f} ms]"
    )
    method(
        "perf_counter from calendar.showNextMonth()/showPreviousMonth() until "
        "CalendarPage.set_month_counts has applied that month (wrapped on the instance) and "
        "the calendar's viewport has painted after it, event loop running; the bare calendar: "
        "the same moves until its viewport has painted"
    )
    print(
        f"    to marks applied: median {ms(median(results.month_marks_ms))}, max "
        f"{ms(max(results.month_marks_ms))}; background load_month median "
        f"{ms(median(results.month_background_ms))}, max {ms(max(results.month_background_ms))}"
    )
    print(
        f"    GUI-thread part (set_month_counts): median {ms(median(results.month_gui_ms))}, "
        f"max {ms(max(results.month_gui_ms))}, for a median "
        f"{median(results.month_items):,.0f} agenda items per month (max "
        f"{max(results.month_items):,}); longest GUI-thread stall while switching "
        f"{ms(results.month_stall_ms)}"
    )


def print_sorts(results: Results) -> None:
    print("3e. Sorting the list by each column (ascending, all rows, Active filter)")
    for title, sort_ms, painted_ms in results.sorts:
        print(f"    {title:<13} model.sort {ms(sort_ms):>10}, until repainted {ms(painted_ms):>10}")
    method(
        "perf_counter around model.sort(column), then until the table's viewport has painted "
        "(no target in the issue)"
    )


def print_refcount(results: Results) -> None:
    """Warn when a phase lost references to None (see NoneGuard)."""
    deltas, previous = {}, 0
    for name, value in results.none_drift.items():
        deltas[name] = value - previous
        previous = value
    if not deltas or min(deltas.values()) >= 0:
        return
    print()
    print(
        "Warning: the reference count of None fell during "
        + ", ".join(f"{name} ({delta:+,})" for name, delta in deltas.items() if delta < 0)
        + f"; it was {results.none_refs_at_start:,} after start-up imports."
    )
    print(
        "    Qt calls returning void drop a reference to None they never took (PySide6 "
        "6.12.0 on Python 3.11); the app aborts with 'none_dealloc: deallocating None' when "
        "the count reaches 0. The benchmark held spare references to finish; the app has none."
    )


def summary_table(results: Results) -> str:
    startup, demo = results.startup, results.demo
    assert demo is not None
    keys = results.keystrokes_ms
    slowest_sort = max(results.sorts, key=lambda entry: entry[1])
    compare = results.compare
    against = (
        f" (vs {ms(compare.gui_stall_ms)} / {ms(compare.show_data_ms)} at {compare.applications:,})"
        if compare
        else ""
    )
    rows = [
        ("Measurement", "Result", "Target", ""),
        (
            "Demo data generation",
            f"{demo.generation_s:.1f} s" if demo.generation_s is not None else "reused",
            "",
            "",
        ),
        ("Start-up: refresh -> data_loaded", ms(startup.to_data_loaded_ms), "", ""),
        ("Start-up: background load", ms(startup.background_ms), "", ""),
        (
            "Start-up: longest GUI stall / _show_data",
            f"{ms(startup.gui_stall_ms)} / {ms(startup.show_data_ms)}{against}",
            "does not grow with data",
            verdict(results.verdicts["scaling"]),
        ),
        (
            "List shown after switching (median of 5)",
            ms(median(results.list_shown_ms)),
            f"< {LIST_SHOWN_TARGET_MS:.0f} ms",
            verdict(results.verdicts["list"]),
        ),
        ("Today shown after switching back (median)", ms(median(results.today_shown_ms)), "", ""),
        (
            f"Search per keystroke, median / p90 / max ({len(keys)} keys)",
            f"{ms(median(keys))} / {ms(percentile(keys, 0.9))} / {ms(max(keys))} "
            f"(minimal table {ms(median(results.minimal_keystrokes_ms))}: "
            f"{search_ratio(results):.2f}x)",
            f"<= {SEARCH_RATIO_TARGET:g}x minimal",
            verdict(results.verdicts["search"]),
        ),
        (
            f"Month switch to marks painted, median / max ({len(results.month_painted_ms)})",
            f"{ms(median(results.month_painted_ms))} / {ms(max(results.month_painted_ms))} "
            f"(bare calendar {ms(median(results.bare_month_ms))})",
            f"<= {MONTH_SWITCH_TARGET_MS:.0f} / {MONTH_SWITCH_MAX_TARGET_MS:.0f} ms",
            verdict(results.verdicts["month"]),
        ),
        ("Month switch, GUI part (set_month_counts)", ms(median(results.month_gui_ms)), "", ""),
        (
            f"Sort, slowest column ({slowest_sort[0]}): model.sort",
            f"{ms(slowest_sort[1])} ({ms(slowest_sort[2])} repainted)",
            "",
            "",
        ),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]

    def line(row: tuple[str, str, str, str]) -> str:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        return "| " + " | ".join(cells) + " |"

    out = [line(rows[0]), "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
    out += [line(row) for row in rows[1:]]
    return "\n".join(out)


# -- main ----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--count", type=int, default=DEFAULT_COUNT, help="applications (default 10000)"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="demo data folder (default: <tmp>/followthrough-bench-COUNT), reused when it "
        "already holds COUNT applications",
    )
    parser.add_argument(
        "--compare-count",
        type=int,
        default=DEFAULT_COMPARE_COUNT,
        help="also run the start-up part at this size when --count is larger, to see what "
        "grows with the data (0: never; default 1000)",
    )
    parser.add_argument(
        "--compare-data-dir",
        type=Path,
        help="data folder for that run (default: <tmp>/followthrough-bench-COMPARE_COUNT)",
    )
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="measure start-up only and print it as one JSON line (used for the comparison)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    return args


def default_dir(count: int) -> Path:
    return Path(tempfile.gettempdir()) / f"followthrough-bench-{count}"


def run_compare(args: argparse.Namespace) -> Startup:
    data_dir = args.compare_data_dir or default_dir(args.compare_count)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--count",
        str(args.compare_count),
        "--data-dir",
        str(data_dir),
        "--startup-only",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    for line in result.stdout.splitlines():
        if line.startswith(STARTUP_JSON_PREFIX):
            values = json.loads(line[len(STARTUP_JSON_PREFIX) :])
            return Startup(**values)
    raise BenchError(f"the comparison run failed ({result.returncode}):\n{result.stderr}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data_dir: Path = (args.data_dir or default_dir(args.count)).expanduser().absolute()
    results = Results()
    try:
        results.demo = ensure_demo(data_dir, args.count)
    except BenchError as exc:
        print(f"bench_views: {exc}", file=sys.stderr)
        return 2
    if not args.startup_only:
        print(f"Follow-Through view benchmark, --count {args.count:,}, Qt offscreen")
        print_demo(results.demo)
        print(f"2. MainWindow offscreen at {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}, SystemClock, shown")

    guard = NoneGuard()
    results.none_refs_at_start = guard.unguarded
    bench = Bench(data_dir)
    results.none_drift["window built"] = guard.drift()
    try:
        results.startup = bench.startup(results.demo)
        results.none_drift["start-up"] = guard.drift()
        if args.startup_only:
            print(STARTUP_JSON_PREFIX + json.dumps(asdict(results.startup)))
            return 0
        for name, phase in (
            ("switching", bench.switching),
            ("search", bench.searching),
            ("months", bench.months),
            ("sorting", bench.sorting),
        ):
            phase(results)
            results.none_drift[name] = guard.drift()
    except BenchError as exc:
        print(f"bench_views: {exc}", file=sys.stderr)
        return 1
    finally:
        bench.close()

    if args.compare_count and args.count > args.compare_count:
        try:
            results.compare = run_compare(args)
            results.compare_count = args.compare_count
        except BenchError as exc:
            print(f"    (comparison skipped: {exc})")
    print_startup(results.startup)
    print_scaling(results)
    print_switching(results)
    print_search(results)
    print_months(results)
    print_sorts(results)
    print()
    print("Summary")
    print()
    print(summary_table(results))
    print_refcount(results)
    missed = [name for name, ok in results.verdicts.items() if not ok]
    print()
    print(f"Targets missed: {', '.join(missed)}" if missed else "All targets met.")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
