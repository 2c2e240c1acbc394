"""Month and week views over the agenda."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHeaderView,
    QTableView,
    QToolTip,
    QWidget,
)

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.wording import short_day
from followthrough.ui.calendar.marks import day_tooltip, kind_order, mark_layout, more_text
from followthrough.ui.common.formatting import time_text
from followthrough.ui.common.locale_words import from_qdate
from followthrough.ui.common.reminder_kinds import kind_column_width, kind_text, shown_words
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


def first_visible_day(year: int, month: int, first_day_of_week: Qt.DayOfWeek) -> date:
    """The day in the first row of a QCalendarWidget's month: it always shows at least one
    day of the month before (a month starting on the week's first day starts row two)."""
    first = date(year, month, 1)
    column = (first.isoweekday() - first_day_of_week.value) % 7
    if column < 1:
        column += 7
    return first - timedelta(days=column)


class MonthCalendar(QCalendarWidget):
    """A month grid with one coloured mark per kind of item on each day (with its count),
    kept inside the day's cell, and a tooltip that says what is on the day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self._kinds: dict[date, dict[str, int]] = {}
        self._today: date | None = None
        view = self.findChild(QTableView, "qt_calendar_calendarview")
        assert view is not None, "QCalendarWidget keeps its days in a table view"
        self.view: QTableView = view
        self.view.viewport().installEventFilter(self)
        self._fit_headers()

    def _fit_headers(self) -> None:
        """The weekday names get a row of their own height rather than a week's; the bar
        with the month's name gets room around its text."""
        line = self.fontMetrics().height()
        header = self.view.verticalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, line + 10)
        bar = self.findChild(QWidget, "qt_calendar_navigationbar")
        if bar is not None:
            bar.setMinimumHeight(line + 14)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_headers()

    def set_marks(self, kinds: dict[date, dict[str, int]], today: date) -> None:
        self._kinds = kinds
        self._today = today
        self.updateCells()

    def marks(self, day: date) -> dict[str, int]:
        return dict(self._kinds.get(day, {}))

    def day_at(self, pos: QPoint) -> date | None:
        """The day whose cell is at ``pos`` in the table's viewport (None: a header)."""
        index = self.view.indexAt(pos)
        no_names = QCalendarWidget.HorizontalHeaderFormat.NoHorizontalHeader
        no_weeks = QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
        row = index.row() - (0 if self.horizontalHeaderFormat() == no_names else 1)
        column = index.column() - (0 if self.verticalHeaderFormat() == no_weeks else 1)
        if not index.isValid() or row < 0 or column < 0:
            return None
        first = first_visible_day(self.yearShown(), self.monthShown(), self.firstDayOfWeek())
        return first + timedelta(days=row * 7 + column)

    def tooltip_at(self, pos: QPoint) -> str:
        day = self.day_at(pos)
        return day_tooltip(day, self._kinds.get(day, {})) if day is not None else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.view.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().eventFilter(watched, event)

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        super().paintCell(painter, rect, qdate)
        day = from_qdate(qdate)
        painter.save()
        # Read at every paint: the marks follow a palette change with the next repaint.
        palette = self.palette()
        if day == self._today:
            painter.setPen(colour(ColourRole.ACCENT, palette))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        kinds = self._kinds.get(day)
        if kinds:
            selected = qdate == self.selectedDate()
            self._paint_marks(painter, rect, kinds, self._count_pen(palette, qdate), selected)
        painter.restore()

    def _count_pen(self, palette: QPalette, qdate: QDate) -> QColor:
        count_pen = colour(ColourRole.COUNT, palette)
        if qdate == self.selectedDate():
            # The selected day is drawn on Highlight: a count that would vanish there (a dark
            # palette's light grey on blue) takes the highlighted text's colour.
            highlight = palette.color(QPalette.ColorRole.Highlight)
            if contrast(count_pen, highlight) < MARK_CONTRAST:
                count_pen = palette.color(QPalette.ColorRole.HighlightedText)
        return count_pen

    @staticmethod
    def _ring(fill: QColor, palette: QPalette) -> QColor | None:
        """A ring for a dot drawn on the highlight when the dot alone would not show."""
        if contrast(fill, palette.color(QPalette.ColorRole.Highlight)) >= MARK_CONTRAST:
            return None
        return palette.color(QPalette.ColorRole.HighlightedText)

    def _paint_marks(
        self,
        painter: QPainter,
        rect: QRect,
        kinds: dict[str, int],
        count_pen: QColor,
        selected: bool = False,
    ) -> None:
        metrics = painter.fontMetrics()
        layout = mark_layout(rect, kind_order(kinds), metrics.horizontalAdvance, metrics.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centred = Qt.AlignmentFlag.AlignCenter
        palette = self.palette()
        for box in layout.boxes:
            fill = kind_colour(box.kind, palette)
            # On the selected day's highlight a dot of a like colour (an interview's blue)
            # would vanish: a ring in the highlighted text's colour keeps it seen.
            ring = self._ring(fill, palette) if selected else None
            painter.setPen(Qt.PenStyle.NoPen if ring is None else QPen(ring, 1.5))
            painter.setBrush(QBrush(fill))
            painter.drawEllipse(box.dot)
            if box.text is not None:
                painter.setPen(count_pen)
                painter.drawText(box.text, centred, str(box.count))
        if layout.overflow_rect is not None:
            painter.setPen(count_pen)
            more = more_text(layout.overflow)
            painter.drawText(layout.overflow_rect, centred, more)


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
    """The day or time, what and about whom: the subject and details share the width left,
    so the table fits its place without scrolling sideways."""
    count = model.columnCount()
    table = record_table(model, name, stretch=(count - 2, count - 1))
    heading = model.headerData(count - 3, Qt.Orientation.Horizontal)
    what = kind_column_width(table.fontMetrics(), str(heading or ""))
    for column, width in enumerate((130, 55, what) if count == 5 else (55, what)):
        table.setColumnWidth(column, width)
    return table


__all__ = ["MonthCalendar", "agenda_columns", "agenda_table"]
