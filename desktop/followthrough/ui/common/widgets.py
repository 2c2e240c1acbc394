"""Small widgets shared by the pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def show_in_front(window: QWidget) -> None:
    """Show a window (un-minimised) above the others and give it the focus."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


# Room left around a window for its frame and title bar.
_FRAME_ROOM = 40


def resize_on_screen(window: QWidget, width: int, height: int) -> None:
    """``width`` by ``height``, or less on a smaller screen: a window wider than the screen
    hides its buttons past the edge."""
    area = window.screen().availableGeometry()
    window.resize(min(width, area.width() - _FRAME_ROOM), min(height, area.height() - _FRAME_ROOM))


class WrappedText(QLabel):
    """Centred text wrapped at a fixed width, always as tall as its lines need.

    Qt sizes wrapped labels wrongly when they may shrink (so the width is fixed), gives
    them too little height in a page not shown yet (so the height is set), and keeps that
    height when the font changes afterwards (a larger system font, a theme, the app's
    font set after the pages were built), which clipped the text top and bottom: the
    height follows each font and style change."""

    WIDTH = 480

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedWidth(self.WIDTH)
        self._fit()

    def _fit(self) -> None:
        self.setMinimumHeight(self.heightForWidth(self.WIDTH))

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


class EmptyState(QWidget):
    """A centred heading, an explanation and an optional action button.

    Signals:
        action_clicked(): the action button was pressed.
    """

    action_clicked = Signal()

    def __init__(
        self,
        heading: str,
        explanation: str,
        action: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.heading = QLabel(heading)
        self.heading.setObjectName("emptyHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = WrappedText(explanation)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action)
            self.button.clicked.connect(self.action_clicked)
            layout.addSpacing(12)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class Card(QFrame):
    """A framed panel with a title, for summary figures."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.value = QLabel("-")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.title)

    def set_value(self, value: int) -> None:
        self.value.setText(f"{value:,}")


def record_table(
    model: QAbstractItemModel,
    name: str,
    *,
    widths: Sequence[int] = (),
    sortable: bool = False,
    fit_contents: bool = False,
    stretch: Sequence[int] = (),
) -> QTableView:
    """A read-only, row-selecting table over one of the record models.

    Large tables get fixed column ``widths`` and fixed row heights: sizing to contents asks
    the model about every row, which costs seconds on 10,000 rows. ``fit_contents`` is for
    the small tables of one application. The ``stretch`` columns share the width left
    (else the last column takes it); a cell too long for its column ends in "…".
    """
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(sortable)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    # Eliding measures only the cells on screen, so a long table costs no more.
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = table.verticalHeader()
    vertical.hide()
    header = table.horizontalHeader()
    header.setStretchLastSection(not stretch)
    if fit_contents:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table
