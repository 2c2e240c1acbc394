"""The calendar page: a month with marks and a week beside it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.wording import long_day
from followthrough.ui.calendar.marks import legend_html
from followthrough.ui.calendar.views import MonthCalendar, agenda_columns, agenda_table
from followthrough.ui.calendar.week_view import WeekView
from followthrough.ui.common.locale_words import from_qdate, to_qdate
from followthrough.ui.common.page import DataPage, page_header
from followthrough.ui.common.table_model import RecordTableModel
from followthrough.ui.common.theme import on_palette_change
from followthrough.ui.common.widgets import EmptyState


class CalendarPage(DataPage):
    """A month grid with the agenda's items marked, and a week agenda.

    Signals:
        month_shown(int, int): the month grid shows this year and month.
        day_selected(object): a date was selected in the month grid.
        week_shown(object): the week view shows the week of this Monday.
        item_activated(object): an AgendaItem was opened.
    """

    month_shown = Signal(int, int)
    day_selected = Signal(object)
    week_shown = Signal(object)
    item_activated = Signal(object)

    def __init__(
        self,
        zone: ZoneInfo,
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._today = today
        empty = EmptyState(
            self.tr("Your calendar is empty"),
            self.tr(
                "Interviews, decision dates and everything else with a date appear here on "
                "their days. They come from the interviews you record."
            ),
        )
        super().__init__(empty, parent)
        outer = QVBoxLayout()
        head, self.today_button = page_header(self.tr("Calendar"), self.tr("&Today"))
        outer.addLayout(head)
        self.views = QTabWidget()
        month = QWidget()
        month_layout = QHBoxLayout(month)
        self.calendar = MonthCalendar()
        self.calendar.setObjectName("monthCalendar")
        side = QVBoxLayout()
        self.day_heading = QLabel()
        self.day_model: RecordTableModel[AgendaItem] = RecordTableModel(agenda_columns(zone, False))
        self.day_table = agenda_table(self.day_model, "dayAgenda")
        self.day_table.activated.connect(
            lambda index: self.item_activated.emit(self.day_model.row_at(index.row()))
        )
        side.addWidget(self.day_heading)
        side.addWidget(self.day_table, 1)
        grid = QVBoxLayout()
        grid.addWidget(self.calendar, 1)
        # Rich text composed here from escaped labels, in the colours of the palette now.
        self.legend = QLabel()
        self.legend.setObjectName("calendarLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self._show_legend()
        on_palette_change(self.legend, self._show_legend)
        grid.addWidget(self.legend)
        month_layout.addLayout(grid, 3)
        month_layout.addLayout(side, 2)
        self.week = WeekView(zone)
        # The week knows today from the page's own clock, whatever the month's load does.
        self._tell_week_today()
        self.week.item_activated.connect(self.item_activated)
        self.week.week_changed.connect(self.week_shown)
        self.views.addTab(month, self.tr("&Month"))
        self.views.addTab(self.week, self.tr("&Week"))
        outer.addWidget(self.views, 1)
        self.content.setLayout(outer)
        self.calendar.currentPageChanged.connect(self.month_shown)
        self.calendar.selectionChanged.connect(lambda: self.day_selected.emit(self.selected_day()))

    def _tell_week_today(self) -> None:
        if self._today is not None:
            self.week.set_today(self._today())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tell_week_today()  # the day may have changed while the page was hidden

    def _show_legend(self) -> None:
        self.legend.setText(legend_html(self.legend.palette()))

    def selected_day(self) -> date:
        return from_qdate(self.calendar.selectedDate())

    def shown_month(self) -> tuple[int, int]:
        return self.calendar.yearShown(), self.calendar.monthShown()

    def go_to(self, day: date) -> None:
        self.calendar.setSelectedDate(to_qdate(day))
        self.week.show_week(day)

    def set_has_data(self, has_data: bool) -> None:
        self.show_content(has_data)

    def set_month_counts(
        self, year: int, month: int, counts: dict[date, dict[str, int]], today: date
    ) -> None:
        self.week.set_today(today)
        if (year, month) != self.shown_month():
            return  # the user has already moved on
        self.calendar.set_marks(counts, today)

    def set_day_items(self, day: date, items: list[AgendaItem]) -> None:
        if day != self.selected_day():
            return  # an answer for a day the user has already left
        self.day_heading.setText(
            self.tr("<b>{day}</b> — %Ln item(s)", "", len(items)).format(day=long_day(day))
            if items
            else self.tr("<b>{day}</b> — nothing on this day").format(day=long_day(day))
        )
        self.day_model.set_rows(items)
