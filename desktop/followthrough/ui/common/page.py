"""The frame every main page shares: a title row, a search field, data reloads."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.ui.common.widgets import EmptyState

# A page still waiting for its first data says "Loading…" after this long.
_SAY_LOADING_AFTER_MS = 200


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    return label


def page_header(title: str, action: str | None = None) -> tuple[QHBoxLayout, QPushButton]:
    """The page title with an action button on the right."""
    head = QHBoxLayout()
    head.addWidget(page_title(title))
    head.addStretch(1)
    button = QPushButton(action or "")
    head.addWidget(button)
    if action is None:
        # Only ever hide here: showing a widget that has no parent yet would open it as a
        # window of its own for a moment (and take the activation from the main window).
        button.hide()
    return head, button


def search_field(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    return field


class SearchKeys(QObject):
    """Enter and Down in a page's search field lead to its list: Enter opens the only
    result, or the list's current row; Down moves the focus to the list's first row.

    ``view`` is the list, or a function giving the one shown now and how many results
    all of it holds (a page with a list and a board: Enter and Down go to what is seen).
    """

    def __init__(
        self,
        search: QLineEdit,
        view: QAbstractItemView | Callable[[], tuple[QAbstractItemView | None, int]],
    ) -> None:
        super().__init__(search)
        self._target = view if callable(view) else (lambda: (view, view.model().rowCount()))
        search.installEventFilter(self)
        search.returnPressed.connect(self._open)

    def _open(self) -> None:
        view, results = self._target()
        if view is None:
            return
        model = view.model()
        current = view.currentIndex()
        if results == 1 and model.rowCount() == 1:
            current = model.index(0, 0)
        elif not (current.isValid() and view.selectionModel().isSelected(current)):
            return  # several results and none chosen: Enter waits for a choice
        view.activated.emit(current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            view, _results = self._target()
            if view is None or view.model().rowCount() == 0:
                return False
            view.setFocus(Qt.FocusReason.TabFocusReason)
            view.setCurrentIndex(view.model().index(0, 0))
            return True
        return False


class DataPage(QWidget):
    """A page that shows an empty state until the database holds something (and, before
    its first data, nothing).

    Banners placed in ``top`` stay above both the empty state and the content.
    """

    def __init__(self, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = empty
        self.content = QWidget()
        self._stack = QStackedWidget()
        # Until the first data says which: neither "nothing yet" (and the first-run welcome)
        # nor an empty list flashes by while a large folder loads. A load that takes a
        # while says so; a quick one shows nothing meanwhile (no flash of "Loading…").
        self.waiting = QLabel(self.tr("Loading…"))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setVisible(False)
        waiting_page = QWidget()
        QVBoxLayout(waiting_page).addWidget(self.waiting)
        self._waiting_timer = QTimer(self)
        self._waiting_timer.setSingleShot(True)
        self._waiting_timer.setInterval(_SAY_LOADING_AFTER_MS)
        self._waiting_timer.timeout.connect(lambda: self.waiting.setVisible(True))
        self._stack.addWidget(waiting_page)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.top = QVBoxLayout()
        layout.addLayout(self.top)
        layout.addWidget(self._stack, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stack.currentIndex() == 0 and not self.waiting.isVisible():
            self._waiting_timer.start()

    def loading(self) -> None:
        """Its rows are being loaded (again): "Loading…" if the wait is long."""
        self.waiting.setText(self.tr("Loading…"))
        if self._stack.currentIndex() == 0:
            self.waiting.setVisible(False)
            if self.isVisible():
                self._waiting_timer.start()

    def load_failed(self, text: str) -> None:
        """Before its first rows: say they could not be loaded (``text``), not "Loading…"."""
        self._waiting_timer.stop()
        self.waiting.setText(text)
        self.waiting.setVisible(self._stack.currentIndex() == 0)

    def show_content(self, has_data: bool) -> None:
        self._waiting_timer.stop()
        self._stack.setCurrentWidget(self.content if has_data else self.empty)

    @property
    def showing_empty_state(self) -> bool:
        return self._stack.currentWidget() is self.empty
