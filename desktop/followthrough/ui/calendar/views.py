"""Month and week views over the agenda."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.wording import long_day, short_day
from followthrough.ui.common.formatting import time_text
from followthrough.ui.common.forms import from_qdate
from followthrough.ui.common.reminder_kinds import kind_text, shown_words
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.theme import (
    MARK_CONTRAST,
    ColourRole,
    colour,
    contrast,
    kind_colour,
    kind_role,
)
from followthrough.ui.common.widgets import record_table


class MonthCalendar(QCalendarWidget):
    """A month grid with one coloured dot per kind of item on each day (and a count)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self._kinds: dict[date, dict[str, int]] = {}
        self._today: date | None = None

    def set_marks(self, kinds: dict[date, dict[str, int]], today: date) -> None:
        self._kinds = kinds
        self._today = today
        self.updateCells()

    def marks(self, day: date) -> dict[str, int]:
        return dict(self._kinds.get(day, {}))

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        super().paintCell(painter, rect, qdate)
        day = from_qdate(qdate)
        painter.save()
        # Read at every paint: the marks follow a palette change with the next repaint.
        palette = self.palette()
        count_pen = colour(ColourRole.COUNT, palette)
        if qdate == self.selectedDate():
            # The selected day is drawn on Highlight: a count that would vanish there (a dark
            # palette's light grey on blue) takes the highlighted text's colour.
            highlight = palette.color(QPalette.ColorRole.Highlight)
            if contrast(count_pen, highlight) < MARK_CONTRAST:
                count_pen = palette.color(QPalette.ColorRole.HighlightedText)
        if day == self._today:
            painter.setPen(colour(ColourRole.ACCENT, palette))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        kinds = self._kinds.get(day)
        if kinds:
            radius = max(3, rect.height() // 14)
            x = rect.left() + radius + 4
            y = rect.bottom() - radius - 4
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for kind, count in sorted(kinds.items()):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(kind_colour(kind, palette)))
                painter.drawEllipse(QPoint(x, y), radius, radius)
                if count > 1:
                    painter.setPen(count_pen)
                    painter.drawText(x + radius + 1, y + radius, str(count))
                    x += radius * 2 + 6 + painter.fontMetrics().horizontalAdvance(str(count))
                else:
                    x += radius * 2 + 4
        painter.restore()


def agenda_columns(zone: ZoneInfo, with_day: bool) -> list[Column[AgendaItem]]:
    columns: list[Column[AgendaItem]] = []
    if with_day:
        columns.append(
            Column(
                QCoreApplication.translate("calendar", "Day"),
                lambda i: short_day(i.day),
                sort_key=lambda i: i.day,
            )
        )
    columns += [
        Column(
            QCoreApplication.translate("calendar", "Time"),
            lambda i: time_text(i.at, zone) if i.at else "",
            sort_key=lambda i: i.sort_key(),
        ),
        Column(
            QCoreApplication.translate("calendar", "What"),
            lambda i: kind_text(i.kind),
            colour=lambda i: kind_role(i.kind),
        ),
        Column(QCoreApplication.translate("calendar", "Subject"), lambda i: shown_words(i)[0]),
        Column(
            QCoreApplication.translate("calendar", "Details"),
            lambda i: shown_words(i)[1],
            colour=lambda i: ColourRole.ERROR if i.overdue else None,
        ),
    ]
    return columns


def agenda_table(model: RecordTableModel[AgendaItem], name: str) -> QTableView:
    widths = (130, 55, 110, 300) if model.columnCount() == 5 else (55, 110, 300)
    return record_table(model, name, widths=widths)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


class WeekView(QWidget):
    """The agenda of one week, day by day with times.

    Signals:
        week_changed(date): the Monday of the week now shown.
        item_activated(object): an AgendaItem was double-clicked or Enter pressed.
    """

    week_changed = Signal(object)
    item_activated = Signal(object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = date(2000, 1, 3)  # replaced by show_week() before anything shows
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.previous = QPushButton(self.tr("◀ Previous week"))
        self.previous.setToolTip(self.tr("Page Up"))
        self.next = QPushButton(self.tr("Next week ▶"))
        self.next.setToolTip(self.tr("Page Down"))
        self.title = QLabel()
        self.title.setObjectName("weekTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.previous)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.next)
        layout.addLayout(bar)
        self.model: RecordTableModel[AgendaItem] = RecordTableModel(agenda_columns(zone, True))
        self.table = agenda_table(self.model, "weekAgenda")
        self.table.activated.connect(
            lambda index: self.item_activated.emit(self.model.row_at(index.row()))
        )
        layout.addWidget(self.table, 1)
        self.previous.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.previous.click)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next.click)

    def show_week(self, day: date) -> None:
        self.monday = week_start(day)
        sunday = self.monday + timedelta(days=6)
        self.title.setText(
            self.tr("<b>{first} – {last}</b>").format(
                first=long_day(self.monday), last=long_day(sunday)
            )
        )
        self.week_changed.emit(self.monday)

    def set_items(self, monday: date, items: list[AgendaItem]) -> None:
        if monday != self.monday:
            return  # an answer for a week the user has already left
        self.model.set_rows(items)
