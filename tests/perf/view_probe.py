"""Month switching and search as typed, in the real window or in bare Qt (run by bench.py).

    python tests/perf/view_probe.py app DATA_DIR ROWS_FILE
    python tests/perf/view_probe.py bare ROWS_FILE

``app`` opens the real MainWindow offscreen on DATA_DIR (as bench_views.py does), waits
for its data, then times ~24 month switches on the Calendar page until the marks of the
new month have painted, and each keystroke typed into the Applications list's search
until the list has repainted; it writes the list's rows (the texts shown and what the
search reads) to ROWS_FILE. ``bare`` times the same with a bare QCalendarWidget and a
minimal QTableView + QSortFilterProxyModel over those rows (see WordFilter). Each
prints one JSON line.

The app is probed only through what a person sees and a few stable names: the calendar's
``set_marks`` (marks in), its table view (paints), the list's search field and table.
"""

from __future__ import annotations

import os

# Before anything loads Qt: offscreen, like bench_views.py.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.perf.qt_probes import (
    SEARCHES,
    BenchError,
    NoneGuard,
    PaintCounter,
    Pump,
    now_ms,
)

WINDOW_SIZE = (1280, 800)
# Back and forth over a year around the month shown at start: 24 switches.
MONTH_MOVES = ("next",) * 6 + ("previous",) * 12 + ("next",) * 6
# After the marks are in, the repaint that shows them comes within this (else: none came,
# Qt folded it into the month change's repaint, and the marks time stands).
REPAINT_WAIT_S = 3.0
JSON_PREFIX = "VIEW-PROBE "

Index = QModelIndex | QPersistentModelIndex


class MonthTimer:
    """Times month switches on a QCalendarWidget until the new month's marks have painted.

    ``marks_in`` says whether the marks for the month now shown are in (the bare calendar
    has none to wait for); the time is until the first paint of the calendar's table at or
    after that moment."""

    def __init__(
        self, pump: Pump, calendar: QCalendarWidget, marks_in: Callable[[float], float | None]
    ) -> None:
        view = calendar.findChild(QTableView)
        if view is None:
            raise BenchError("QCalendarWidget has no table view inside")
        self.pump, self.calendar, self.marks_in = pump, calendar, marks_in
        self.paints = PaintCounter(view.viewport())

    def run(self) -> dict[str, list[float]]:
        shown: list[float] = []
        marked: list[float] = []
        for move in MONTH_MOVES:
            before = self.paints.count
            start = now_ms()
            if move == "next":
                self.calendar.showNextMonth()
            else:
                self.calendar.showPreviousMonth()
            self.pump.wait_for(
                lambda start=start: self.marks_in(start) is not None,  # type: ignore[misc]
                f"the marks of {self.calendar.yearShown()}-{self.calendar.monthShown():02}",
            )
            marks_at = self.marks_in(start)
            assert marks_at is not None
            try:
                self.pump.wait_for(
                    lambda before=before, at=marks_at: self.paints.painted_since(before, at),  # type: ignore[misc]
                    "the calendar to repaint",
                    timeout_s=REPAINT_WAIT_S,
                )
                painted = self.paints.last_ms
            except BenchError:
                painted = marks_at
            shown.append(painted - start)
            marked.append(marks_at - start)
            self.pump.pause(30)
        return {"shown_ms": shown, "marks_in_ms": marked}


class SearchTimer:
    """Types SEARCHES into a field one key at a time; each keystroke is timed until the
    table has repainted (when its rows changed) or the field has (when they did not)."""

    def __init__(self, pump: Pump, field: QLineEdit, table: QAbstractItemView) -> None:
        self.pump, self.field, self.table = pump, field, table
        self.table_paints = PaintCounter(table.viewport())
        self.field_paints = PaintCounter(field)

    def rows(self) -> int:
        model = self.table.model()
        return model.rowCount() if model is not None else 0

    def run(self) -> dict[str, Any]:
        keys: list[float] = []
        counts: list[int] = []
        self.field.activateWindow()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        for text in SEARCHES:
            if self.field.text():
                before = self.table_paints.count
                self.field.clear()
                self.pump.wait_for(lambda b=before: self.table_paints.count > b, "clearing")  # type: ignore[misc]
                self.pump.pause(20)
            for char in text:
                rows, table, field = self.rows(), self.table_paints.count, self.field_paints.count
                start = now_ms()
                QTest.keyClicks(self.field, char)

                def repainted(rows: int = rows, table: int = table, field: int = field) -> bool:
                    if self.rows() != rows:
                        return self.table_paints.count > table
                    return self.field_paints.count > field or self.table_paints.count > table

                self.pump.wait_for(repainted, f"the repaint after typing {char!r}")
                keys.append(now_ms() - start)
                counts.append(self.rows())
            if self.field.text() != text:
                raise BenchError(f"typed {text!r} but the field says {self.field.text()!r}")
        self.field.clear()
        return {"keys_ms": keys, "rows": counts}


# -- the app -------------------------------------------------------------------------------


def run_app(data_dir: Path, rows_file: Path) -> dict[str, Any]:
    from followthrough.app import make_application
    from followthrough.domain.clock import SystemClock
    from followthrough.store.database import open_database
    from followthrough.ui.shell.context import AppContext
    from followthrough.ui.shell.main_window import PAGES, MainWindow

    make_application([sys.argv[0]])
    clock = SystemClock()
    database = open_database(data_dir, clock)
    context = AppContext.create(data_dir, database, clock)
    window = MainWindow(context)
    window.resize(*WINDOW_SIZE)
    window.show_page(PAGES.index("Today"))
    window.show()
    if not QTest.qWaitForWindowExposed(window, 10_000):
        raise BenchError("the window was never exposed")
    pump = Pump()
    busy = [False]
    context.runner.busy_changed.connect(lambda value: busy.__setitem__(0, value))
    loaded: list[float] = []
    window.data_loaded.connect(lambda: loaded.append(now_ms()))
    window.refresh()
    pump.wait_for(lambda: bool(loaded), "the window's data")

    def settle() -> None:
        pump.wait_for(lambda: not busy[0], "the background jobs")
        pump.pause(200)

    settle()
    try:
        page = window.calendar_page
        window.show_page(PAGES.index("Calendar"))
        pump.wait_for(lambda: window.rows_current("Calendar"), "the calendar's first load")
        page.views.setCurrentIndex(0)
        settle()
        calendar = page.calendar
        marks: list[tuple[float, tuple[int, int]]] = []
        original = calendar.set_marks

        def set_marks(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            marks.append((now_ms(), (calendar.yearShown(), calendar.monthShown())))
            return result

        calendar.set_marks = set_marks  # type: ignore[method-assign]

        def marks_in(start: float) -> float | None:
            month = (calendar.yearShown(), calendar.monthShown())
            return next((at for at, shown in marks if at >= start and shown == month), None)

        months = MonthTimer(pump, calendar, marks_in).run()
        settle()

        apps = window.applications_page
        window.show_page(PAGES.index("Applications"))
        # Its rows load when the page is first shown.
        pump.wait_for(lambda: window.rows_current("Applications"), "the applications' rows")
        apps.views.setCurrentWidget(apps.table)
        apps.search.clear()
        settle()
        write_rows(apps.table, rows_file)
        search = SearchTimer(pump, apps.search, apps.table).run()
        settle()
    finally:
        context.runner.wait_for_done()
        window.hide()  # not close(): that would save this run's geometry
        database.close()
    return {"month": months, "search": search}


def write_rows(table: QTableView, rows_file: Path) -> None:
    """The list as shown: each row's texts and what the search reads (company, role and
    the people met, as the app's search does; the texts shown when a row has no such
    fields)."""
    model = table.model()
    columns = model.columnCount()
    rows = []
    for row in range(model.rowCount()):
        texts = [str(model.index(row, column).data() or "") for column in range(columns)]
        record = model.row_at(row) if hasattr(model, "row_at") else None
        fields = [getattr(record, name, None) for name in ("company", "role_title", "people")]
        hay = " ".join(str(f) for f in fields if f) if all(f is not None for f in fields) else ""
        rows.append([*texts, (hay or " ".join(texts)).casefold()])
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(columns)]
    rows_file.write_text(json.dumps({"headers": headers, "rows": rows}))


# -- bare Qt -------------------------------------------------------------------------------


class Rows(QAbstractTableModel):
    """A minimal table model over lists of strings (the last one hidden: the search text)."""

    def __init__(self, headers: list[str], rows: list[list[str]]) -> None:
        super().__init__()
        self.headers, self.rows = headers, rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headers[section] if section < len(self.headers) else ""


class WordFilter(QSortFilterProxyModel):
    """A proxy keeping the rows whose search text has every typed word, as the app's
    search does (case-folded, in any order), filtered again in one pass per keystroke.

    Not ``setFilterFixedString``/``setFilterRegularExpression``: those update the view
    row range by row range, which at 10,000 rows takes 50-180 ms a key on this machine,
    far slower than anything a person would ship; the baseline is bare Qt done well.
    """

    def __init__(self, haystacks: list[str]) -> None:
        super().__init__()
        self.haystacks = haystacks
        self.words: list[str] = []

    def search(self, text: str) -> None:
        self.words = text.casefold().split()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        hay = self.haystacks[source_row]
        return all(word in hay for word in self.words)


def run_bare(rows_file: Path) -> dict[str, Any]:
    QApplication([sys.argv[0]])
    pump = Pump()
    calendar = QCalendarWidget()
    calendar.resize(*WINDOW_SIZE)
    calendar.show()
    if not QTest.qWaitForWindowExposed(calendar, 10_000):
        raise BenchError("the calendar was never exposed")
    pump.pause(200)
    months = MonthTimer(pump, calendar, lambda start: start).run()
    calendar.hide()

    shown = json.loads(rows_file.read_text())
    model = Rows(shown["headers"], shown["rows"])
    proxy = WordFilter([row[-1] for row in shown["rows"]])
    proxy.setSourceModel(model)
    window = QWidget()
    field = QLineEdit(window)
    table = QTableView(window)
    table.setModel(proxy)
    table.setColumnHidden(len(shown["headers"]), True)
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(table)
    field.textChanged.connect(proxy.search)
    window.resize(*WINDOW_SIZE)
    window.show()
    if not QTest.qWaitForWindowExposed(window, 10_000):
        raise BenchError("the table was never exposed")
    pump.pause(200)
    search = SearchTimer(pump, field, table).run()
    return {"month": months, "search": search}


def main(argv: list[str]) -> int:
    guard = NoneGuard()
    if len(argv) == 3 and argv[0] == "app":
        result = run_app(Path(argv[1]), Path(argv[2]))
    elif len(argv) == 2 and argv[0] == "bare":
        result = run_bare(Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    result["none_drift"] = guard.drift()
    print(JSON_PREFIX + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
