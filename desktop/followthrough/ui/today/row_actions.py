"""The actions of each item on Today, drawn in its own row: a click on one runs it.

A delegate paints small buttons in the list's Actions column for every item (a table of
thousands of rows holds no widget per row); the keyboard has the same actions in the bar
under the list and their shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QHelpEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QToolTip,
)

from followthrough.domain.today import TodayEntry
from followthrough.ui.today.model import TodayModel

_Index = QModelIndex | QPersistentModelIndex

# Between buttons, and around a button's text.
_GAP = 4
_TEXT_PAD = 14


@dataclass(frozen=True)
class RowAction:
    """One button in a row: its words, and what it does for that row's item (with the
    screen position of the click, for a menu)."""

    label: str
    run: Callable[[TodayEntry, QPoint], None]
    tip: str = ""
    slot: int = 0  # buttons in one slot line up from row to row


ActionsFor = Callable[[TodayEntry], list[RowAction]]


def button_width(label: str, metrics_width: Callable[[str], int]) -> int:
    return metrics_width(label) + 2 * _TEXT_PAD


def button_rects(cell: QRect, slots: list[int], widths: list[int]) -> list[QRect]:
    """Each button in its slot (the slots side by side from the cell's left, each
    ``widths[slot]`` wide), as tall as the cell allows."""
    lefts = [cell.left() + _GAP]
    for width in widths:
        lefts.append(lefts[-1] + width + _GAP)
    top, height = cell.top() + 1, max(cell.height() - 2, 1)
    return [QRect(lefts[slot], top, widths[slot], height) for slot in slots]


class RowActionsDelegate(QStyledItemDelegate):
    """Paints an item's actions as buttons in its cell and runs the one clicked."""

    def __init__(self, actions_for: ActionsFor, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._actions_for = actions_for
        self._view = view
        self._slot_widths: list[int] = []
        view.setMouseTracking(True)
        view.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)

    def actions(self, index: _Index) -> list[RowAction]:
        model = index.model()
        entry = model.data(index, TodayModel.EntryRole) if model is not None else None
        return self._actions_for(entry) if isinstance(entry, TodayEntry) else []

    def rects(self, cell: QRect, actions: list[RowAction]) -> list[QRect]:
        return button_rects(cell, [a.slot for a in actions], self._slot_widths)

    def set_slots(self, labels: list[list[str]]) -> int:
        """The words each slot may hold; returns the width of the column that holds
        them all side by side."""
        width = self._view.fontMetrics().horizontalAdvance
        self._slot_widths = [max(button_width(label, width) for label in slot) for slot in labels]
        return sum(w + _GAP for w in self._slot_widths) + _GAP

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(sum(w + _GAP for w in self._slot_widths) + _GAP, option.rect.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        # The row's background (selection, hover) as every cell draws it.
        super().paint(painter, option, index)
        actions = self.actions(index)
        if not actions:
            return
        widget = self._view
        style = widget.style()
        mouse = widget.viewport().mapFromGlobal(QCursor.pos())
        for action, rect in zip(actions, self.rects(option.rect, actions), strict=True):
            button = QStyleOptionButton()
            button.initFrom(widget)
            button.rect = rect
            button.text = action.label
            button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
            if rect.contains(mouse):
                button.state |= QStyle.StateFlag.State_MouseOver
            style.drawControl(QStyle.ControlElement.CE_PushButton, button, painter, widget)

    def editorEvent(
        self,
        event: QEvent,
        model: object,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove:
            # Repaint the row so the button under the pointer shows it.
            self._view.viewport().update(option.rect)
            return False
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return False
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        actions = self.actions(index)
        position = event.position().toPoint()
        for action, rect in zip(actions, self.rects(option.rect, actions), strict=True):
            if rect.contains(position):
                if kind == QEvent.Type.MouseButtonRelease:
                    entry = index.data(TodayModel.EntryRole)
                    where = self._view.viewport().mapToGlobal(rect.bottomLeft())
                    action.run(entry, where)
                return True  # a press on a button is the button's, not a row click
        return False

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        actions = self.actions(index)
        for action, rect in zip(actions, self.rects(option.rect, actions), strict=True):
            if rect.contains(event.pos()) and action.tip:
                QToolTip.showText(event.globalPos(), action.tip, view)
                return True
        return bool(super().helpEvent(event, view, option, index))
