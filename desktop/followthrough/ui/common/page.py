"""The frame every main page shares: a title row, a search field, data reloads."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.ui.common.widgets import EmptyState


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
    button.setVisible(action is not None)
    head.addWidget(button)
    return head, button


def search_field(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    return field


class DataPage(QWidget):
    """A page that shows an empty state until the database holds something.

    Banners placed in ``top`` stay above both the empty state and the content.
    """

    def __init__(self, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = empty
        self.content = QWidget()
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.top = QVBoxLayout()
        layout.addLayout(self.top)
        layout.addWidget(self._stack, 1)

    def show_content(self, has_data: bool) -> None:
        self._stack.setCurrentWidget(self.content if has_data else self.empty)

    @property
    def showing_empty_state(self) -> bool:
        return self._stack.currentWidget() is self.empty
