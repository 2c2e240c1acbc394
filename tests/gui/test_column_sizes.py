"""Record tables fit their columns to the window: the long texts get the room, a cut text
ends in "…", and nothing scrolls sideways."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.reminder_kinds import registered_kinds
from followthrough.ui.applications.page import NEXT_ACTION_COLUMN
from followthrough.ui.common.reminder_kinds import kind_text
from followthrough.ui.shell.main_window import MainWindow
from followthrough.ui.today.model import KIND
from tests.helpers.pages import open_page


def _widths(table: QTableView) -> list[int]:
    return [table.columnWidth(c) for c in range(table.model().columnCount())]


def test_the_next_action_takes_the_room_of_a_wide_window_and_cut_text_ends_in_dots(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 25)
    window = make_window()
    window.resize(1920, 1080)
    open_page(qtbot, window, "Applications")
    table = window.applications_page.table
    qtbot.waitUntil(lambda: table.viewport().width() > 1500)
    widths = _widths(table)
    assert max(widths) == widths[NEXT_ACTION_COLUMN]
    assert widths[NEXT_ACTION_COLUMN] > 600
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    assert not table.wordWrap()
    # Narrow, it gives its room back instead of scrolling sideways for it.
    window.resize(1100, 720)
    qtbot.waitUntil(lambda: table.viewport().width() < 1100)
    assert (
        sum(_widths(table)) <= table.viewport().width() + 1
        or table.columnWidth(NEXT_ACTION_COLUMN) == table.horizontalHeader().minimumSectionSize()
    )


def test_todays_what_column_fits_every_kind_label(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.resize(1100, 720)
    view = window.today_page.todo.view
    metrics = view.fontMetrics()
    longest = max(metrics.horizontalAdvance(kind_text(i.kind)) for i in registered_kinds())
    assert longest >= metrics.horizontalAdvance("Reference heads-up")
    assert view.columnWidth(KIND) >= longest + 8


def test_the_calendars_day_list_fits_its_place_without_scrolling_sideways(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 25)
    window = make_window()
    window.resize(1100, 720)
    open_page(qtbot, window, "Calendar")
    table = window.calendar_page.day_table
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().width() > 0)
    qtbot.wait(20)
    assert not table.horizontalScrollBar().isVisible()
    assert table.horizontalHeader().length() <= table.viewport().width()
    count = table.model().columnCount()
    # The subject and the details share what is left, each still a few words wide.
    subject, details = table.columnWidth(count - 2), table.columnWidth(count - 1)
    assert abs(subject - details) <= 1 and subject >= 60
    # The "What" column reads each kind's whole label.
    metrics = table.fontMetrics()
    assert table.columnWidth(count - 3) >= metrics.horizontalAdvance("Reference heads-up")
