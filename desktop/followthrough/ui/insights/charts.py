"""Charts drawn with QPainter: horizontal bars and bars per week, each with its title,
its axis labels and a "Save as PNG…" action.

Plain QPainter rather than a chart library: QtCharts needs PySide6-Addons (a 167 MiB
wheel, 418 MiB installed), pyqtgraph and matplotlib bring numpy (73 MiB) and more, and
the one-folder bundle must stay under 150 MiB (README, "Insights: why plain QPainter").
Bars, ticks and labels are all these charts need.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, QStandardPaths, Qt
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from followthrough.ui.common.files import suggested_path
from followthrough.ui.common.theme import ColourRole, colour

_MARGIN = 12
_GAP = 8
_ROW_GAP = 6
# At most this many ticks along a value axis (0 and the top included).
_TICKS = 5
_BAR_AREA_MIN = 120


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its length in the axis' unit, the text beside it, its colour."""

    label: str
    value: float
    text: str
    role: ColourRole = ColourRole.INTERVIEW


@dataclass(frozen=True)
class Series:
    """One kind of bar in each week's group."""

    name: str
    values: list[int]
    role: ColourRole


def nice_ticks(top: float, most: int = _TICKS) -> list[float]:
    """Round values from 0 up to at least ``top`` (``most`` at most) for an axis."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / (most - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if top <= most - 1 and step < 1:
        step = 1.0  # counts: whole numbers
    count = math.ceil(top / step - 1e-9)
    return [i * step for i in range(count + 1)]


def tick_text(value: float) -> str:
    from followthrough.ui.common.locale_words import number_text

    return number_text(round(value)) if value == round(value) else f"{value:g}"


class ChartCanvas(QWidget):
    """The drawing: a title, then the chart, or (without data) what will show there."""

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty_text = empty_text
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def has_data(self) -> bool:
        raise NotImplementedError

    def title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        return font

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        return font

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint(painter)
        painter.end()

    def image(self) -> QImage:
        """The chart as it looks now, at its size on screen."""
        ratio = self.devicePixelRatioF()
        image = QImage(self.size() * ratio, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        self.paint(painter)
        painter.end()
        return image

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(self.title_font())
        height = QFontMetrics(painter.font()).height()
        width = self.width() - 2 * _MARGIN
        painter.drawText(
            QRect(_MARGIN, _MARGIN, width, height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.title,
        )
        body = QRect(_MARGIN, _MARGIN + height + _GAP, width, self.height() - height - 3 * _MARGIN)
        painter.setFont(self.font())
        if not self.has_data():
            painter.setPen(colour(ColourRole.MUTED, palette))
            painter.drawText(
                body.adjusted(_GAP, 0, -_GAP, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
        else:
            self.paint_chart(painter, body)
        if self.hasFocus():
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))

    def paint_chart(self, painter: QPainter, body: QRect) -> None:
        raise NotImplementedError

    def axis_pen(self) -> QPen:
        return QPen(colour(ColourRole.MUTED, self.palette()), 1)

    def grid_pen(self) -> QPen:
        grid = self.palette().color(QPalette.ColorRole.Mid)
        return QPen(grid, 1, Qt.PenStyle.DotLine)


class BarChart(ChartCanvas):
    """Horizontal bars, one per row, labelled on the left, the value beside each; the
    ``category_axis`` names the labels, the ``value_axis`` the lengths."""

    def __init__(
        self,
        title: str,
        empty_text: str,
        category_axis: str,
        value_axis: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, empty_text, parent)
        self.category_axis = category_axis
        self.value_axis = value_axis
        self.bars: list[Bar] = []
        self.top: float | None = None

    def set_bars(self, bars: list[Bar], top: float | None = None) -> None:
        """``top``: the axis' end (100 for a share), else the longest bar's."""
        self.bars = bars
        self.top = top
        self.updateGeometry()
        self.update()

    def has_data(self) -> bool:
        return bool(self.bars)

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + _ROW_GAP

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        rows = max(len(self.bars), 3)
        height = 2 * _MARGIN + line * 4 + 3 * _GAP + rows * self._row_height() + _GAP
        return QSize(420, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def paint_chart(self, painter: QPainter, body: QRect) -> None:
        metrics = QFontMetrics(self.font())
        small = QFontMetrics(self.small_font())
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self.bars) + 2 * _GAP,
            body.width() * 2 // 5,
        )
        text_width = max(metrics.horizontalAdvance(b.text) for b in self.bars) + _GAP
        left = body.left() + label_width
        right = max(body.right() - text_width, left + _BAR_AREA_MIN)
        # The labels' axis title, above them.
        painter.setPen(colour(ColourRole.MUTED, self.palette()))
        painter.setFont(self.small_font())
        painter.drawText(
            QRect(body.left(), body.top(), body.width(), small.height()),
            Qt.AlignmentFlag.AlignLeft,
            self.category_axis,
        )
        rows_top = body.top() + small.height() + _GAP // 2
        rows_bottom = rows_top + len(self.bars) * self._row_height()
        ticks = nice_ticks(self.top or max(b.value for b in self.bars))
        self._paint_value_axis(painter, ticks, left, right, rows_top, rows_bottom)
        painter.setFont(self.font())
        for index, bar in enumerate(self.bars):
            top = rows_top + index * self._row_height()
            self._paint_bar(painter, bar, (left, right, top), label_width, ticks[-1])

    def _paint_value_axis(
        self, painter: QPainter, ticks: list[float], left: int, right: int, top: int, bottom: int
    ) -> None:
        small = QFontMetrics(self.small_font())
        painter.setFont(self.small_font())
        for tick in ticks:
            x = left + (right - left) * tick / ticks[-1]
            painter.setPen(self.grid_pen() if tick else self.axis_pen())
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            painter.setPen(colour(ColourRole.MUTED, self.palette()))
            text = tick_text(tick)
            width = small.horizontalAdvance(text)
            painter.drawText(QPointF(x - width / 2, bottom + small.ascent() + 2), text)
        # The axis' title, under its middle where it fits, else across the whole chart.
        span = QRect(left, bottom + small.height() + _GAP // 2, right - left, small.height())
        if small.horizontalAdvance(self.value_axis) > span.width():
            span.setLeft(_MARGIN)
            span.setRight(self.width() - _MARGIN)
        painter.drawText(span, Qt.AlignmentFlag.AlignHCenter, self.value_axis)

    def _paint_bar(
        self,
        painter: QPainter,
        bar: Bar,
        where: tuple[int, int, int],
        label_width: int,
        top_value: float,
    ) -> None:
        left, right, top = where
        metrics = QFontMetrics(self.font())
        height = self._row_height()
        text = self.palette().color(QPalette.ColorRole.Text)
        painter.setPen(text)
        label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - _GAP)
        painter.drawText(
            QRect(0 + _MARGIN, top, label_width - _GAP, height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        length = (right - left) * max(bar.value, 0) / top_value if top_value else 0
        rect = QRectF(left, top + _ROW_GAP / 2, max(length, 2.0), height - _ROW_GAP)
        painter.fillRect(rect, colour(bar.role, self.palette()))
        painter.setPen(text)
        # On the window's ground, over the grid's dotted lines.
        beside = QRectF(
            rect.right() + _GAP / 2, top, metrics.horizontalAdvance(bar.text) + 2, height
        )
        painter.fillRect(
            beside.adjusted(-2, 1, 2, -1), self.palette().color(QPalette.ColorRole.Base)
        )
        painter.drawText(
            beside,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bar.text,
        )


class WeekChart(ChartCanvas):
    """Bars per week, one group per week and one bar per series, with a legend."""

    def __init__(
        self,
        title: str,
        empty_text: str,
        week_axis: str,
        value_axis: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, empty_text, parent)
        self.week_axis = week_axis
        self.value_axis = value_axis
        self.weeks: list[str] = []
        self.series: list[Series] = []

    def set_weeks(self, weeks: list[str], series: list[Series]) -> None:
        self.weeks = weeks
        self.series = series
        self.update()

    def has_data(self) -> bool:
        return any(any(s.values) for s in self.series)

    def sizeHint(self) -> QSize:
        return QSize(420, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 260)

    def paint_chart(self, painter: QPainter, body: QRect) -> None:
        small = QFontMetrics(self.small_font())
        legend_bottom = self._paint_legend(painter, body)
        axis_width = small.height() + _GAP
        ticks = nice_ticks(max(max(s.values) for s in self.series))
        tick_width = max(small.horizontalAdvance(tick_text(t)) for t in ticks) + _GAP // 2
        plot = QRect(
            body.left() + axis_width + tick_width,
            legend_bottom + _GAP,
            body.width() - axis_width - tick_width,
            body.bottom() - legend_bottom - _GAP - 2 * small.height() - _GAP,
        )
        self._paint_y_axis(painter, plot, ticks, body.left())
        group = plot.width() / max(len(self.weeks), 1)
        bar_width = group * 0.8 / max(len(self.series), 1)
        for week_index, _week in enumerate(self.weeks):
            for series_index, series in enumerate(self.series):
                value = series.values[week_index]
                height = plot.height() * value / ticks[-1]
                x = plot.left() + group * (week_index + 0.1) + bar_width * series_index
                rect = QRectF(x, plot.bottom() - height, bar_width, height)
                painter.fillRect(rect, colour(series.role, self.palette()))
        self._paint_week_labels(painter, plot, group)

    def _paint_legend(self, painter: QPainter, body: QRect) -> int:
        metrics = QFontMetrics(self.font())
        painter.setFont(self.font())
        x = body.left()
        swatch = metrics.height() * 2 // 3
        for series in self.series:
            painter.fillRect(
                QRect(x, body.top() + (metrics.height() - swatch) // 2, swatch, swatch),
                colour(series.role, self.palette()),
            )
            x += swatch + _GAP // 2
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(QPointF(x, body.top() + metrics.ascent()), series.name)
            x += metrics.horizontalAdvance(series.name) + 2 * _GAP
        return body.top() + metrics.height()

    def _paint_y_axis(self, painter: QPainter, plot: QRect, ticks: list[float], left: int) -> None:
        small = QFontMetrics(self.small_font())
        painter.setFont(self.small_font())
        for tick in ticks:
            y = plot.bottom() - plot.height() * tick / ticks[-1]
            painter.setPen(self.grid_pen() if tick else self.axis_pen())
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(colour(ColourRole.MUTED, self.palette()))
            text = tick_text(tick)
            painter.drawText(
                QPointF(plot.left() - small.horizontalAdvance(text) - 4, y + small.ascent() / 2),
                text,
            )
        # The value axis' title, turned to run up beside it.
        painter.save()
        painter.translate(left + small.height() / 2, plot.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRect(-plot.height() // 2, -small.height() // 2, plot.height(), small.height()),
            Qt.AlignmentFlag.AlignCenter,
            self.value_axis,
        )
        painter.restore()

    def _paint_week_labels(self, painter: QPainter, plot: QRect, group: float) -> None:
        small = QFontMetrics(self.small_font())
        painter.setFont(self.small_font())
        painter.setPen(colour(ColourRole.MUTED, self.palette()))
        widest = max(small.horizontalAdvance(w) for w in self.weeks) + _GAP
        every = max(1, math.ceil(widest / group))
        # Every ``every``-th week, counted back from this one (the last is always named).
        last = len(self.weeks) - 1
        for index, text in enumerate(self.weeks):
            if (last - index) % every:
                continue
            centre = plot.left() + group * (index + 0.5)
            painter.drawText(
                QRectF(centre - widest / 2, plot.bottom() + 2, widest, small.height()),
                Qt.AlignmentFlag.AlignHCenter,
                text,
            )
        painter.drawText(
            QRect(plot.left(), plot.bottom() + small.height() + 4, plot.width(), small.height()),
            Qt.AlignmentFlag.AlignHCenter,
            self.week_axis,
        )


class ChartCard(QFrame):
    """A chart with its "Save as PNG…" button (Ctrl+S while the chart has the focus)."""

    def __init__(
        self, canvas: ChartCanvas, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.canvas = canvas
        self._today = today  # the day on the user's clock (the app's clock, their zone)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(canvas, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(
            QCoreApplication.translate("insights", "Save as PNG… (Ctrl+S)")
        )
        self.save_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.save_action = QAction(QCoreApplication.translate("insights", "Save as PNG…"), self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)

    def refresh(self) -> None:
        """After new data: Save only when there is a chart to save."""
        self.save_button.setEnabled(self.canvas.has_data())
        self.save_action.setEnabled(self.canvas.has_data())

    @classmethod
    def ask_path(cls, parent: QWidget, suggested: str) -> str:
        """Where to save the chart, starting from ``suggested`` ("" to cancel); tests
        replace this."""
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("insights", "Save the chart"),
            suggested,
            QCoreApplication.translate("insights", "PNG images (*.png)"),
        )
        return str(path)

    def suggested_path(self) -> str:
        """In the user's Pictures folder (else home), named after the chart and today."""
        return suggested_path(
            QStandardPaths.StandardLocation.PicturesLocation,
            self.canvas.title,
            self._today(),
            "png",
        )

    def save(self) -> bool:
        """Ask where, and write the chart there as a PNG; says so if it could not."""
        if not self.canvas.has_data():
            return False
        path = type(self).ask_path(self, self.suggested_path())
        if not path:
            return False
        if not path.casefold().endswith(".png"):
            path += ".png"
        if self.canvas.image().save(path):  # a PNG, by the name's ending
            return True
        from PySide6.QtWidgets import QMessageBox

        from followthrough.ui.common.text import message_box

        message_box(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("insights", "Save the chart"),
            QCoreApplication.translate(
                "insights", "The chart could not be saved to {path}. Choose another folder."
            ).format(path=path),
            self,
        ).exec()
        return False
