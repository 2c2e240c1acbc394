"""The month grid explains itself: marks stay inside their day's cell ("+N" for what does
not fit), a legend names every colour, and a day's tooltip says what is on it."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QCalendarWidget, QToolTip
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.reminder_kinds import registered_kinds
from followthrough.ui.calendar.marks import (
    day_summary,
    day_tooltip,
    kind_order,
    legend_entries,
    legend_html,
    mark_layout,
)
from followthrough.ui.calendar.page import CalendarPage
from followthrough.ui.calendar.views import MonthCalendar, first_visible_day
from followthrough.ui.common.reminder_kinds import kind_text
from followthrough.ui.common.theme import colour, kind_role
from followthrough.ui.shell.main_window import MainWindow

KINDS = [info.kind for info in registered_kinds()]


def width(text: str) -> int:
    return 7 * len(text)


def _inside(box: QRect, cell: QRect) -> bool:
    return cell.contains(box, proper=False) and box.isValid()


def test_a_few_marks_fit_in_a_roomy_cell_each_with_its_count() -> None:
    cell = QRect(100, 50, 120, 90)
    layout = mark_layout(cell, [("interview", 2), ("decision", 1)], width, 14)
    assert [(b.kind, b.count) for b in layout.boxes] == [("interview", 2), ("decision", 1)]
    assert layout.overflow == 0 and layout.overflow_rect is None
    assert layout.boxes[0].text is not None and layout.boxes[1].text is None
    assert all(_inside(b.rect, cell) for b in layout.boxes)
    # Below the day's number, which the calendar draws in the middle of the cell.
    assert all(b.rect.top() > cell.center().y() for b in layout.boxes)
    # Side by side, not on top of each other.
    assert not layout.boxes[0].rect.intersects(layout.boxes[1].rect)


def test_more_kinds_than_fit_end_in_plus_n_inside_the_cell() -> None:
    cell = QRect(0, 0, 70, 60)
    kinds = [(kind, 3) for kind in KINDS]
    layout = mark_layout(cell, kinds, width, 14)
    shown = sum(b.count for b in layout.boxes)
    assert 0 < len(layout.boxes) < len(kinds)
    assert layout.overflow == 3 * len(kinds) - shown
    assert layout.overflow_rect is not None and _inside(layout.overflow_rect, cell)
    assert all(not b.rect.intersects(layout.overflow_rect) for b in layout.boxes)


@settings(max_examples=300, deadline=None)
@given(
    left=st.integers(-50, 1500),
    top=st.integers(-50, 900),
    cell_width=st.integers(1, 300),
    cell_height=st.integers(1, 220),
    text_height=st.integers(8, 30),
    counts=st.lists(st.integers(1, 1500), max_size=14),
)
def test_marks_never_leave_their_cell(
    left: int,
    top: int,
    cell_width: int,
    cell_height: int,
    text_height: int,
    counts: list[int],
) -> None:
    cell = QRect(left, top, cell_width, cell_height)
    kinds = [(f"kind{i:02}", count) for i, count in enumerate(counts)]
    layout = mark_layout(cell, kinds, width, text_height)
    rects = [b.rect for b in layout.boxes]
    if layout.overflow_rect is not None:
        rects.append(layout.overflow_rect)
    for rect in rects:
        assert _inside(rect, cell), (rect, cell)
    for i, first in enumerate(rects):
        assert not any(first.intersects(other) for other in rects[i + 1 :])
    # Every item is either marked or counted in "+N", which shows whenever it is not 0 and
    # there is room for it at all.
    assert sum(b.count for b in layout.boxes) + layout.overflow == sum(counts)
    assert [(b.kind, b.count) for b in layout.boxes] == kinds[: len(layout.boxes)]
    if layout.overflow == 0:
        assert layout.overflow_rect is None
    elif layout.boxes:
        assert layout.overflow_rect is not None


def test_the_cells_of_the_window_sizes_fit_every_kind_or_say_how_many_more() -> None:
    # Month cells at 1100x720 and at 1920x1080.
    for cell in (QRect(0, 0, 75, 83), QRect(0, 0, 145, 143)):
        layout = mark_layout(cell, [(kind, 2) for kind in KINDS], width, 15)
        assert layout.boxes
        assert layout.overflow == 0 or layout.overflow_rect is not None


def test_kinds_come_in_the_legends_order() -> None:
    ordered = kind_order({"zzz_unknown": 1, KINDS[3]: 1, KINDS[0]: 2})
    assert ordered == [(KINDS[0], 2), (KINDS[3], 1), ("zzz_unknown", 1)]


def test_a_day_in_words_counts_each_family_with_plurals() -> None:
    # The English words themselves: a text missing from the plural catalogue would read
    # "2 interview(s)" here.
    assert day_summary({"interview": 2, "follow_up": 1}) == "2 interviews · 1 follow-up due"
    assert day_summary({"interview": 1}) == "1 interview"
    # Two kinds of one colour are one family; a kind nobody registered keeps its name.
    assert day_summary({"follow_up": 1, "decision_passed": 2}) == "3 follow-ups due"
    assert day_summary({"mystery": 4}) == "mystery: 4"


def test_the_legend_names_each_colour_once_with_its_kinds_labels() -> None:
    entries = legend_entries()
    roles = [role for role, _text in entries]
    assert len(roles) == len(set(roles))
    assert {kind_role(kind) for kind in KINDS} == set(roles)
    for kind in KINDS:
        [text] = [text for role, text in entries if role == kind_role(kind)]
        assert kind_text(kind) in text
    palette = QPalette()
    html = legend_html(palette)
    for role, _text in entries:
        assert colour(role, palette).name() in html


def _calendar(qtbot: QtBot) -> MonthCalendar:
    calendar = MonthCalendar()
    qtbot.addWidget(calendar)
    calendar.resize(600, 450)
    calendar.setSelectedDate(QDate(2026, 11, 20))
    calendar.set_marks({date(2026, 11, 24): {"interview": 2, "follow_up": 1}}, date(2026, 11, 20))
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def _cell_of(calendar: MonthCalendar, day: date) -> QRect:
    first = first_visible_day(calendar.yearShown(), calendar.monthShown(), Qt.DayOfWeek.Monday)
    offset = (day - first).days
    model = calendar.view.model()
    return calendar.view.visualRect(model.index(1 + offset // 7, offset % 7))


def test_the_first_row_holds_the_month_before() -> None:
    monday = Qt.DayOfWeek.Monday
    assert first_visible_day(2026, 11, monday) == date(2026, 10, 26)  # 1 Nov is a Sunday
    # A month starting on the week's first day starts in row two, as QCalendarWidget does.
    assert first_visible_day(2026, 6, monday) == date(2026, 5, 25)
    assert first_visible_day(2026, 11, Qt.DayOfWeek.Sunday) == date(2026, 10, 25)


def test_a_day_cell_has_a_tooltip_of_what_is_on_it(qtbot: QtBot) -> None:
    calendar = _calendar(qtbot)
    cell = _cell_of(calendar, date(2026, 11, 24))
    assert calendar.day_at(cell.center()) == date(2026, 11, 24)
    viewport = calendar.view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, cell.center(), viewport.mapToGlobal(cell.center()))
    QApplication.sendEvent(viewport, event)  # through the calendar's event filter
    qtbot.waitUntil(QToolTip.isVisible)
    assert day_summary({"interview": 2, "follow_up": 1}) in QToolTip.text()
    assert "Tue 24 Nov 2026" in QToolTip.text()
    assert QToolTip.text() == day_tooltip(date(2026, 11, 24), {"interview": 2, "follow_up": 1})
    # A day without items has none; the weekday names are no day.
    empty = _cell_of(calendar, date(2026, 11, 25)).center()
    assert calendar.tooltip_at(empty) == ""
    assert calendar.day_at(QPoint(cell.center().x(), 2)) is None
    QToolTip.hideText()


def test_the_weekday_names_take_a_line_not_a_week(qtbot: QtBot) -> None:
    calendar = _calendar(qtbot)
    names = calendar.view.visualRect(calendar.view.model().index(0, 0))
    week = _cell_of(calendar, date(2026, 11, 24))
    assert names.height() < calendar.fontMetrics().height() * 2
    assert week.height() > names.height() * 2
    assert (
        calendar.horizontalHeaderFormat()
        != QCalendarWidget.HorizontalHeaderFormat.NoHorizontalHeader
    )


def test_tooltip_words_are_text(qtbot: QtBot) -> None:
    text = day_tooltip(date(2026, 11, 24), {"<b>x</b>": 1})
    assert "<b>x</b>" not in text and "&lt;b&gt;x&lt;/b&gt;" in text


def test_the_calendar_page_shows_the_legend_and_tells_the_week_today(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    page = window.calendar_page
    for _role, text in legend_entries():
        assert text.replace(" ", "&nbsp;") in page.legend.text()
    assert page.views.widget(0).isAncestorOf(page.legend)  # under the month
    qtbot.waitUntil(lambda: page.week.today == clock.now().astimezone(window.zone).date())
    assert page.week.this_week.isEnabled()


def test_the_week_knows_today_from_the_pages_clock_without_the_month(qtbot: QtBot) -> None:
    days = [date(2026, 11, 25)]
    page = CalendarPage(ZoneInfo("Europe/Berlin"), lambda: days[-1])
    qtbot.addWidget(page)
    # No month was loaded (its load failed, or the page was never shown).
    assert page.week.today == date(2026, 11, 25)
    assert page.week.this_week.isEnabled()
    # The day turned while the page was hidden: showing it tells the week.
    days.append(date(2026, 11, 26))
    page.show()
    qtbot.waitExposed(page)
    assert page.week.today == date(2026, 11, 26)


def test_a_dot_like_the_selection_gets_a_ring_on_the_selected_day(qtbot: QtBot) -> None:
    """An interview's blue dot vanished on the selected day's blue highlight."""
    from PySide6.QtGui import QColor

    from followthrough.ui.common.theme import kind_colour

    calendar = MonthCalendar()
    qtbot.addWidget(calendar)
    palette = QPalette(calendar.palette())
    palette.setColor(QPalette.ColorRole.Highlight, kind_colour("interview", palette))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    like_the_highlight = kind_colour("interview", palette)
    assert calendar._ring(like_the_highlight, palette) == QColor("white")
    assert calendar._ring(QColor("white"), palette) is None  # seen on its own
