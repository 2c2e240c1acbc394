"""The week view: a time grid of seven days on the user's clock (see ``week_grid``)."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.agenda import AgendaItem
from followthrough.domain.wording import clock_time, long_day, short_day
from followthrough.ui.calendar.marks import more_text
from followthrough.ui.calendar.week_grid import (
    READABLE_BLOCK,
    WORKING_DAY,
    GridGeometry,
    Placed,
    WeekLayout,
    neighbour,
    place_week,
    week_days,
    week_start,
)
from followthrough.ui.common.formatting import time_text
from followthrough.ui.common.reminder_kinds import kind_text, shown_words
from followthrough.ui.common.text import tooltip
from followthrough.ui.common.theme import ColourRole, colour, kind_colour

_KEYS = {
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
}


def item_tooltip(item: AgendaItem, zone: ZoneInfo) -> str:
    """What a block or all-day item is, in full, as text (the words may be typed ones)."""
    title, detail = shown_words(item)
    when = short_day(item.day)
    if item.at is not None:
        when += " · " + time_text(item.at, zone)
        if item.until is not None:
            when += " – " + time_text(item.until, zone)
    lines = [f"{kind_text(item.kind)} · {when}", title, detail]
    return tooltip("\n".join(line for line in lines if line))


def item_words(item: AgendaItem, zone: ZoneInfo) -> str:
    """The item in words, for a screen reader: day, time (or "all day"), kind and title."""
    title, _detail = shown_words(item)
    if item.at is None:
        when = QCoreApplication.translate("calendar", "all day")
    else:
        when = time_text(item.at, zone)
        if item.until is not None:
            when += " – " + time_text(item.until, zone)
    return QCoreApplication.translate("calendar", "{day}, {when}: {kind}, {title}").format(
        day=long_day(item.day), when=when, kind=kind_text(item.kind), title=title
    )


def fold_tooltip(items: list[AgendaItem], zone: ZoneInfo) -> str:
    """The blocks folded into "+N", one line each: time, kind and title, as text."""
    lines = [
        f"{time_text(item.at, zone) if item.at else ''} {kind_text(item.kind)} · "
        f"{shown_words(item)[0]}".strip()
        for item in items
    ]
    return tooltip("\n".join(lines))


def _tint(item: AgendaItem, palette: QPalette, strength: int) -> QColor:
    tint = kind_colour(item.kind, palette)
    tint.setAlpha(strength)
    return tint


def _paint_item(
    painter: QPainter,
    palette: QPalette,
    rect: QRect,
    placed: Placed,
    selected: bool,
    lines: list[str],
) -> None:
    """A block (or an all-day bar): tinted in its kind's colour with a solid edge, its words
    elided to fit, outlined when selected."""
    painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
    painter.fillRect(rect, _tint(placed.item, palette, 110 if selected else 55))
    painter.fillRect(
        QRect(rect.left(), rect.top(), 3, rect.height()), kind_colour(placed.item.kind, palette)
    )
    if selected:
        painter.setPen(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
    painter.setPen(
        colour(ColourRole.ERROR, palette)
        if placed.item.overdue
        else palette.color(QPalette.ColorRole.Text)
    )
    metrics = painter.fontMetrics()
    text_rect = rect.adjusted(6, 1, -3, -1)
    painter.save()
    painter.setClipRect(rect)
    y = text_rect.top()
    for line in lines:
        if y + metrics.height() > text_rect.bottom() + 2 and y != text_rect.top():
            break
        shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect.left(), y + metrics.ascent(), shown)
        y += metrics.height()
    painter.restore()


class _ItemSurface(QWidget):
    """What the all-day strip and the hour grid share: items drawn on them, some folded
    into "+N"; a tooltip says what is under the mouse (a fold lists its items), a click
    selects it, a double click opens it."""

    def __init__(self, view: WeekView) -> None:
        super().__init__(view)
        self.view = view

    def fold_at(self, pos: QPoint) -> list[Placed]:
        """The folded items ("+N") drawn at ``pos``, if any."""
        raise NotImplementedError

    def placed_at(self, pos: QPoint) -> Placed | None:
        raise NotImplementedError

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            fold = self.fold_at(event.pos())
            if len(fold) > 1:
                text = fold_tooltip([p.item for p in fold], self.view.zone)
                QToolTip.showText(event.globalPos(), text, self)
                return True
            return self.view.show_tooltip(self.placed_at(event.pos()), event, self)
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.view.select(self.placed_at(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.view.activate(self.placed_at(event.position().toPoint()))


# The all-day strip shows at most this many lines; a day with more folds the rest into a
# "+N" on its last line (the hour grid keeps its room).
ALL_DAY_LINES = 3


class _DayStrip(_ItemSurface):
    """The days' names and, under them, what has a day but no time (decision dates)."""

    def __init__(self, view: WeekView) -> None:
        super().__init__(view)
        self.setAccessibleName(QCoreApplication.translate("calendar", "Days and all-day items"))

    def header_height(self) -> int:
        return self.fontMetrics().height() + 10

    def line_height(self) -> int:
        return self.fontMetrics().height() + 6

    def refit(self) -> None:
        lines = min(ALL_DAY_LINES, max(1, self.view.layout_.all_day_lines))
        self.setFixedHeight(self.header_height() + lines * self.line_height() + 4)
        self.update()

    def _line_rect(self, day: int, line: int) -> QRect:
        left, width = self.view.geometry_now().day_span(day)
        top = self.header_height() + line * self.line_height()
        return QRect(left + 2, top + 1, max(1, width - 5), self.line_height() - 2)

    def item_rect(self, placed: Placed) -> QRect:
        return self._line_rect(placed.day, min(placed.column, ALL_DAY_LINES - 1))

    def folds(self) -> list[list[Placed]]:
        """Per day with more than ``ALL_DAY_LINES`` items, the ones folded into "+N"."""
        days: dict[int, list[Placed]] = {}
        for placed in self.view.layout_.all_day:
            days.setdefault(placed.day, []).append(placed)
        return [
            sorted(line, key=lambda p: p.column)[ALL_DAY_LINES - 1 :]
            for line in days.values()
            if len(line) > ALL_DAY_LINES
        ]

    def fold_at(self, pos: QPoint) -> list[Placed]:
        return next((f for f in self.folds() if self.item_rect(f[0]).contains(pos)), [])

    def placed_at(self, pos: QPoint) -> Placed | None:
        fold = self.fold_at(pos)
        if fold:
            return fold[0]
        return next((p for p in self.view.layout_.all_day if self.item_rect(p).contains(pos)), None)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        geometry = self.view.geometry_now()
        header = self.header_height()
        titles = self.view.day_titles()
        for day, shown in enumerate(week_days(self.view.monday)):
            left, width = geometry.day_span(day)
            font = QFont(self.font())
            if shown == self.view.today:
                font.setBold(True)
                painter.fillRect(QRect(left, 0, width, self.height()), _today_tint(palette))
                painter.fillRect(QRect(left, header - 3, width, 3), colour(ColourRole.ACCENT))
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRect(left, 0, width, header - 3),
                Qt.AlignmentFlag.AlignCenter,
                painter.fontMetrics().elidedText(
                    titles[day], Qt.TextElideMode.ElideRight, width - 4
                ),
            )
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        folds = self.folds()
        folded = {id(p) for fold in folds for p in fold}
        for placed in self.view.layout_.all_day:
            if id(placed) in folded:
                continue
            selected = self.view.is_selected(placed)
            _paint_item(
                painter,
                palette,
                self.item_rect(placed),
                placed,
                selected,
                [shown_words(placed.item)[0]],
            )
        for fold in folds:
            selected = any(self.view.is_selected(p) for p in fold)
            more = more_text(len(fold))
            _paint_item(painter, palette, self.item_rect(fold[0]), fold[0], selected, [more])


def _today_tint(palette: QPalette) -> QColor:
    tint = colour(ColourRole.ACCENT, palette)
    tint.setAlpha(28)
    return tint


class _HourGrid(_ItemSurface):
    """The hours of the seven days, with the timed items as blocks."""

    def __init__(self, view: WeekView) -> None:
        super().__init__(view)
        self.setMinimumWidth(420)
        self.setAccessibleName(QCoreApplication.translate("calendar", "Hours of the week"))

    def fold_at(self, pos: QPoint) -> list[Placed]:
        geometry = self.view.geometry_now()
        folds = geometry.folds(self.view.layout_.timed)
        return next((f for f in folds if geometry.fold_rect(f).contains(pos)), [])

    def placed_at(self, pos: QPoint) -> Placed | None:
        fold = self.fold_at(pos)
        if fold:
            return fold[0]
        geometry = self.view.geometry_now()
        for placed in reversed(self.view.layout_.timed):
            if not geometry.folded(placed) and geometry.block_rect(placed).contains(pos):
                return placed
        return None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        geometry = self.view.geometry_now()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Base))
        if self.view.today in week_days(self.view.monday):
            assert self.view.today is not None
            left, width = geometry.day_span((self.view.today - self.view.monday).days)
            painter.fillRect(QRect(left, 0, width, self.height()), _today_tint(palette))
        self._paint_hours(painter, geometry, palette)
        for placed in self.view.layout_.timed:
            rect = geometry.block_rect(placed)
            if rect.intersects(event.rect()) and not geometry.folded(placed):
                title, detail = shown_words(placed.item)
                when = time_text(placed.item.at, self.view.zone) if placed.item.at else ""
                # A narrow block (many side by side) gives its room to the title.
                narrow = rect.width() < 3 * painter.fontMetrics().horizontalAdvance(when)
                lines = [title if narrow else f"{when} {title}".strip(), detail]
                _paint_item(painter, palette, rect, placed, self.view.is_selected(placed), lines)
        self._paint_folds(painter, geometry, palette)

    def _paint_folds(self, painter: QPainter, geometry: GridGeometry, palette: QPalette) -> None:
        for fold in geometry.folds(self.view.layout_.timed):
            selected = any(self.view.is_selected(p) for p in fold)
            more = more_text(len(fold))
            rect = geometry.fold_rect(fold)
            _paint_item(painter, palette, rect, fold[0], selected, [more])

    def _paint_hours(self, painter: QPainter, geometry: GridGeometry, palette: QPalette) -> None:
        line = palette.color(QPalette.ColorRole.Mid)
        line.setAlpha(110)
        muted = colour(ColourRole.MUTED, palette)
        metrics = painter.fontMetrics()
        for hour in range(24):
            y = geometry.minute_y(hour * 60)
            painter.setPen(line)
            painter.drawLine(geometry.gutter, y, self.width(), y)
            painter.setPen(muted)
            label = QRect(0, y + 1, geometry.gutter - 6, metrics.height())
            painter.drawText(label, Qt.AlignmentFlag.AlignRight, clock_time(time(hour, 0)))
        painter.setPen(line)
        for day in range(7):
            left, _width = geometry.day_span(day)
            painter.drawLine(left, 0, left, self.height())


class WeekView(QWidget):
    """One week as a time grid: the days side by side, the hours down on the user's clock,
    each item a block at its time (what has no time in a strip at the top).

    Click selects an item, double-click or Enter opens it, the arrow keys move between
    items; Page Up and Page Down change the week, Home goes to this week.

    Signals:
        week_changed(date): the Monday of the week now shown.
        item_activated(object): an AgendaItem was double-clicked or Enter pressed.
    """

    week_changed = Signal(object)
    item_activated = Signal(object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.monday = date(2000, 1, 3)  # replaced by show_week() before anything shows
        self.today: date | None = None
        self.layout_ = WeekLayout([], [], 0)
        self.order: list[Placed] = []
        self.selected: int | None = None
        self._scrolled = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.addLayout(self._navigation())
        self.strip = _DayStrip(self)
        self.grid = _HourGrid(self)
        self.grid.setObjectName("weekGrid")
        self.hours_area = QScrollArea()
        self.hours_area.setFrameShape(QFrame.Shape.NoFrame)
        self.hours_area.setWidgetResizable(True)
        self.hours_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hours_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.hours_area.setWidget(self.grid)
        strip_row = QHBoxLayout()
        strip_row.setContentsMargins(
            0, 0, self.hours_area.verticalScrollBar().sizeHint().width(), 0
        )
        strip_row.addWidget(self.strip)
        layout.addLayout(strip_row)
        layout.addWidget(self.hours_area, 1)
        self._refit()

    def _navigation(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.previous = QPushButton(self.tr("◀ Previous week"))
        self.previous.setToolTip(self.tr("Page Up"))
        self.this_week = QPushButton(self.tr("This week"))
        self.this_week.setToolTip(self.tr("Home"))
        self.this_week.setEnabled(False)
        self.next = QPushButton(self.tr("Next week ▶"))
        self.next.setToolTip(self.tr("Page Down"))
        self.title = QLabel()
        self.title.setObjectName("weekTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.previous)
        bar.addWidget(self.this_week)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.next)
        self.previous.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.this_week.clicked.connect(self._show_this_week)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.previous.click)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next.click)
        QShortcut(QKeySequence(Qt.Key.Key_Home), self, self.this_week.click)
        return bar

    def _show_this_week(self) -> None:
        if self.today is not None:
            self.show_week(self.today)

    # -- geometry ----------------------------------------------------------------------

    def geometry_now(self) -> GridGeometry:
        metrics = self.fontMetrics()
        line = metrics.height()
        gutter = metrics.horizontalAdvance(clock_time(time(23, 0))) + 14
        # About eight characters of a title beside the block's coloured edge and margins.
        readable = max(READABLE_BLOCK, metrics.averageCharWidth() * 8 + 9)
        return GridGeometry(
            self.grid.width(), gutter, max(40, line * 3), line + 2, narrowest=readable
        )

    def _refit(self) -> None:
        self.grid.setFixedHeight(self.geometry_now().height)
        self.strip.refit()
        self.grid.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.strip.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._scrolled:
            self._scrolled = True
            QTimer.singleShot(0, self.scroll_to_working_day)

    def scroll_to_working_day(self) -> None:
        minutes = WORKING_DAY.hour * 60 + WORKING_DAY.minute
        self.hours_area.verticalScrollBar().setValue(self.geometry_now().minute_y(minutes))

    # -- the week and its items -----------------------------------------------------------

    def show_week(self, day: date) -> None:
        self.monday = week_start(day)
        sunday = self.monday + timedelta(days=6)
        self.title.setText(
            self.tr("<b>{first} – {last}</b>").format(
                first=long_day(self.monday), last=long_day(sunday)
            )
        )
        self._show_layout(WeekLayout([], [], 0))  # until the week's items arrive
        self.week_changed.emit(self.monday)

    def set_today(self, today: date) -> None:
        self.today = today
        self.this_week.setEnabled(True)
        self.strip.update()
        self.grid.update()

    def set_items(self, monday: date, items: list[AgendaItem]) -> None:
        if monday != self.monday:
            return  # an answer for a week the user has already left
        self._show_layout(place_week(monday, items, self.zone))

    def _show_layout(self, layout: WeekLayout) -> None:
        self.layout_ = layout
        self.order = layout.in_order()
        self.selected = None
        self._refit()
        self._say_selection()

    def day_titles(self) -> list[str]:
        """The days' headings: "Mon 30 Nov" (with the year when it is not this one)."""
        return [short_day(day) for day in week_days(self.monday)]

    def shown_items(self) -> list[AgendaItem]:
        """The week's items in reading order (day by day, all-day first, then by time)."""
        return [placed.item for placed in self.order]

    def placed(self, item: AgendaItem) -> Placed | None:
        return next((p for p in self.order if p.item is item), None)

    # -- selection, keys, tooltips ---------------------------------------------------------

    def selected_item(self) -> AgendaItem | None:
        return self.order[self.selected].item if self.selected is not None else None

    def is_selected(self, placed: Placed) -> bool:
        return self.selected is not None and self.order[self.selected] is placed

    def select(self, placed: Placed | None) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        index = next((i for i, p in enumerate(self.order) if p is placed), None)
        self._select_index(index)

    def _select_index(self, index: int | None) -> None:
        self.selected = index
        if index is not None and not self.order[index].all_day:
            rect = self.geometry_now().block_rect(self.order[index])
            self.hours_area.ensureVisible(rect.center().x(), rect.center().y(), 0, rect.height())
        self.strip.update()
        self.grid.update()
        self._say_selection()

    def _say_selection(self) -> None:
        """The drawn week has no accessible parts: the view itself says what is selected
        (its name and description), and tells assistive tools it changed."""
        item = self.selected_item()
        week = self.tr("Week of {day}").format(day=long_day(self.monday))
        if item is None:
            self.setAccessibleName(week)
            self.setAccessibleDescription(
                self.tr("No item selected: the arrow keys move between the week's items.")
            )
        else:
            words = item_words(item, self.zone)
            self.setAccessibleName(words)
            self.setAccessibleDescription(words)
        for kind in (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged):
            QAccessible.updateAccessibility(QAccessibleEvent(self, kind))
        if self.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Focus))

    def activate(self, placed: Placed | None) -> None:
        if placed is not None:
            self.select(placed)
            self.item_activated.emit(placed.item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _KEYS:
            self._select_index(neighbour(self.order, self.selected, _KEYS[key]))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.item_activated.emit(self.order[self.selected].item)
        else:
            super().keyPressEvent(event)

    def show_tooltip(self, placed: Placed | None, event: QHelpEvent, widget: QWidget) -> bool:
        if placed is None:
            QToolTip.hideText()
            event.ignore()
        else:
            QToolTip.showText(event.globalPos(), item_tooltip(placed.item, self.zone), widget)
        return True
