"""The applications board: one column of cards per stage, closed stages folded away.

Each column is a ``BoardModel`` (the stage's rows, searched and filtered like the list)
shown in a ``CardListView`` painted by ``CardDelegate``: a widget per column, never one per
card, so ten thousand applications cost what the list costs. A card moves to another
stage by dragging it onto another column, from its menu, or with Ctrl+Shift+Right/Left;
every way ends in the one ``move_requested`` signal (the window asks the closing reason).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QListView,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.stages import Stage, allowed_targets, is_closed
from followthrough.domain.wording import short_day
from followthrough.store.applications import ApplicationSummary
from followthrough.ui.applications.labels import stage_label
from followthrough.ui.common.formatting import when_text
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label, tooltip
from followthrough.ui.common.theme import ColourRole, colour, colour_text, kind_colour

_Index = QModelIndex | QPersistentModelIndex

# What a dragged card carries: "<application id> <stage it comes from>".
CARD_MIME_TYPE = "application/x-followthrough-application"
# An expanded column never gets narrower than this (cards elide), a folded one is a strip.
COLUMN_MIN_WIDTH = 140
_STAGE_ORDER = list(Stage)


def card_mime_data(card: ApplicationSummary) -> QMimeData:
    data = QMimeData()
    payload = f"{card.application_id} {card.stage.value}"
    data.setData(CARD_MIME_TYPE, QByteArray(payload.encode("ascii")))
    return data


def read_card_mime_data(data: QMimeData | None) -> tuple[int, Stage] | None:
    """(application id, its stage) from a dragged card; None for anything else."""
    if data is None or not data.hasFormat(CARD_MIME_TYPE):
        return None
    try:
        number, stage = bytes(data.data(CARD_MIME_TYPE).data()).decode("ascii").split()
        return int(number), Stage(stage)
    except ValueError:
        return None


def can_move(source: Stage, target: Stage) -> bool:
    return source != target and target in allowed_targets(source)


def step_target(stage: Stage, direction: int) -> Stage | None:
    """The nearest stage in the board's order, right (1) or left (-1), ``stage`` may move
    to; None when there is none that way. A key never reopens a closed application (its
    stage before closing is not known, and "Offer" would be a guess): that takes "Move to"
    or a drag."""
    position = _STAGE_ORDER.index(stage) + direction
    while 0 <= position < len(_STAGE_ORDER):
        target = _STAGE_ORDER[position]
        if can_move(stage, target) and (is_closed(target) or not is_closed(stage)):
            return target
        position += direction
    return None


# -- what a card says --------------------------------------------------------------------


def due_text(card: ApplicationSummary, zone: ZoneInfo) -> str:
    """The next step's day ("Tue 24 Nov"), with its time on the user's clock when it has
    one ("Tue 24 Nov 10:00"); "" for none."""
    return when_text(card.next_action.due_at, card.next_action.due_day, zone)


def step_line(card: ApplicationSummary, zone: ZoneInfo) -> str:
    """The next step and its day ("Interview · Tue 24 Nov 10:00"), or "" for none."""
    step, day = card.next_action.text, due_text(card, zone)
    if not (step and day):
        return step or day
    return QCoreApplication.translate("board", "{step} · {day}").format(step=step, day=day)


def start_line(card: ApplicationSummary) -> str:
    """ "Starts Mon 4 Jan": the first day of an accepted offer; "" for none."""
    if card.starts_on is None:
        return ""
    return QCoreApplication.translate("board", "Starts {day}").format(day=short_day(card.starts_on))


def card_description(card: ApplicationSummary, zone: ZoneInfo) -> str:
    """The card in words, one fact a line: for screen readers and the tooltip."""
    lines = [card.company, card.role_title, start_line(card)]
    step = step_line(card, zone)
    if step:
        if card.next_action.overdue:
            step = QCoreApplication.translate("board", "Next: {step} (overdue)").format(step=step)
        else:
            step = QCoreApplication.translate("board", "Next: {step}").format(step=step)
        lines.append(step)
    if card.next_action.why:
        lines.append(card.next_action.why)
    return "\n".join(line for line in lines if line)


class BoardModel(RecordTableModel[ApplicationSummary]):
    """One stage's cards, searched and filtered exactly like the list (the same
    ``set_search``/``set_keep``). A card dragged here from another stage is announced,
    not moved: the window saves the move and the next load shows it.

    Signals:
        card_dropped(int, object): (application id, the stage it comes from).
    """

    card_dropped = Signal(int, object)

    def __init__(self, stage: Stage, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__([Column("", lambda r: f"{r.company}\n{r.role_title}")], parent)
        self.stage = stage
        self.zone = zone

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if not index.isValid() or not 0 <= index.row() < self.rowCount():
                return None
            text = card_description(self.row_at(index.row()), self.zone)
            return text if role == Qt.ItemDataRole.AccessibleTextRole else tooltip(text)
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        drop = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return drop
        return super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled | drop

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = [i.row() for i in indexes if i.isValid()]
        if not rows:
            return QMimeData()
        return card_mime_data(self.row_at(rows[0]))

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        card = read_card_mime_data(data)
        return card is not None and can_move(card[1], self.stage)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        card = read_card_mime_data(data)
        if card is None or not can_move(card[1], self.stage):
            return False
        self.card_dropped.emit(card[0], card[1])
        # The card stays in its column until the move is saved; the source view's request
        # to remove the dragged rows is refused (removeRows is not implemented).
        return True


# -- painting ----------------------------------------------------------------------------

_MARGIN = 3  # around a card, inside its row
_PAD = 6  # inside a card
_STRIP = 5  # the colour strip of the next step's kind


class CardDelegate(QStyledItemDelegate):
    """Paints a card: a strip in the colour of the next step's kind, the company in bold,
    the role, the next step and its day (in the warning colour when overdue)."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(COLUMN_MIN_WIDTH - 20, 4 * line + 2 * (_PAD + _MARGIN))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        card = index.data(RecordTableModel.RowRole)
        if not isinstance(card, ApplicationSummary):
            return
        palette: QPalette = option.palette
        state: QStyle.StateFlag = option.state
        rect = option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_frame(painter, rect, palette, state)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_colour(card.next_action.kind, palette))
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), _STRIP, rect.height()), 2, 2)
        self._paint_text(painter, option, rect, card)
        painter.restore()

    @staticmethod
    def _paint_frame(
        painter: QPainter, rect: QRect, palette: QPalette, state: QStyle.StateFlag
    ) -> None:
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        pen = QPen(palette.color(QPalette.ColorRole.Mid), 1)
        if selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
        elif focused:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 4, 4)

    def _paint_text(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, card: ApplicationSummary
    ) -> None:
        palette: QPalette = option.palette
        text_rect = rect.adjusted(_STRIP + _PAD, _PAD, -_PAD, -_PAD)
        line = option.fontMetrics.lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        text_colour = palette.color(QPalette.ColorRole.Text)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

        def draw(text: str, row: QRect, font: QFont, align: Qt.AlignmentFlag = left) -> int:
            painter.setFont(font)
            metrics = painter.fontMetrics()
            shown = metrics.elidedText(
                " ".join(text.split()), Qt.TextElideMode.ElideRight, row.width()
            )
            painter.drawText(row, align, shown)
            return metrics.horizontalAdvance(shown)

        def row(number: int) -> QRect:
            return QRect(text_rect.left(), text_rect.top() + number * line, text_rect.width(), line)

        painter.setPen(text_colour)
        draw(card.company, row(0), bold)
        draw(card.role_title, row(1), option.font)
        action = card.next_action
        starts = start_line(card)
        if starts:
            # An accepted offer: its first day, then the step and its day on one line.
            draw(starts, row(2), option.font)
        painter.setPen(colour(ColourRole.WARNING if action.overdue else ColourRole.MUTED, palette))
        step_font = bold if action.overdue else option.font
        if starts:
            draw(step_line(card, self.zone), row(3), step_font)
            return
        # The step on a line of its own (a narrow column still reads it), its day below.
        if action.text:
            draw(action.text, row(2), step_font)
        day = due_text(card, self.zone)
        if day:
            draw(day, row(3), step_font)


# -- the views ---------------------------------------------------------------------------


class CardListView(QListView):
    """A column's cards. Keys: arrows move between cards and columns, Ctrl+Shift+Right/Left
    move the card to the next or previous stage, Enter opens it, the menu key shows its
    menu; a quiet hint stands in for an empty column.

    Signals:
        neighbour_requested(int): Left (-1) or Right (1): focus the next column that way.
        step_requested(int): Ctrl+Shift+Left (-1) or Right (1) on the current card.
        menu_requested(QPoint): the card menu at this viewport position (mouse or key).
    """

    neighbour_requested = Signal(int)
    step_requested = Signal(int)
    menu_requested = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = ""
        self._drop_target = False
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setMinimumHeight(80)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        sideways = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        move_keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        menu_key = key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
        )
        if menu_key:
            self._menu_for_current()
        elif sideways is not None and modifiers == move_keys:
            self.step_requested.emit(sideways)
        elif sideways is not None and modifiers == Qt.KeyboardModifier.NoModifier:
            self.neighbour_requested.emit(sideways)
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._menu_for_current()
            return
        self.menu_requested.emit(self.viewport().mapFrom(self, event.pos()))

    def _menu_for_current(self) -> None:
        current = self.currentIndex()
        if current.isValid():
            self.menu_requested.emit(self.visualRect(current).center())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self._set_drop_target(event.isAccepted())

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        self._set_drop_target(event.isAccepted())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._set_drop_target(False)

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self._set_drop_target(False)

    def _set_drop_target(self, on: bool) -> None:
        if on != self._drop_target:
            self._drop_target = on
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if (model is None or model.rowCount() > 0) and not self._drop_target:
            return
        painter = QPainter(self.viewport())
        area = self.viewport().rect().adjusted(4, 4, -5, -5)
        if self._drop_target:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(area, 4, 4)
        if model is not None and model.rowCount() == 0:
            painter.setPen(colour(ColourRole.MUTED, self.palette()))
            painter.drawText(
                area.adjusted(6, 6, -6, -6),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.hint,
            )


class FoldedColumn(QAbstractButton):
    """A closed stage folded into a narrow strip: its name and count written upwards.
    Click it (or Enter, Space) to unfold it; drop a card on it to move the card there.

    Signals:
        neighbour_requested(int): Left (-1) or Right (1).
        card_dropped(int, object): (application id, the stage it comes from).
    """

    neighbour_requested = Signal(int)
    card_dropped = Signal(int, object)

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._drop_target = False
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.height() + 14, metrics.horizontalAdvance(self.text()) + 24)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), 80)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        area = self.rect().adjusted(1, 1, -1, -1)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        pen = (
            QPen(highlight, 2) if self._drop_target else QPen(palette.color(QPalette.ColorRole.Mid))
        )
        if self.hasFocus():
            pen = QPen(highlight, 2)
        painter.setPen(pen)
        painter.setBrush(
            palette.color(
                QPalette.ColorRole.Button if self.underMouse() else QPalette.ColorRole.Window
            )
        )
        painter.drawRoundedRect(area, 4, 4)
        painter.translate(area.center())
        painter.rotate(-90)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_area = QRect(
            -area.height() // 2 + 8, -area.width() // 2, area.height() - 16, area.width()
        )
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, text_area.width()
        )
        painter.drawText(
            text_area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        sideways = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if sideways is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.neighbour_requested.emit(sideways)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        else:
            super().keyPressEvent(event)

    def _accepts(self, data: QMimeData | None) -> bool:
        card = read_card_mime_data(data)
        return card is not None and can_move(card[1], self.stage)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accepted = self._accepts(event.mimeData())
        if accepted:
            event.acceptProposedAction()
        else:
            event.ignore()
        self._set_drop_target(accepted)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_target(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_target(False)
        card = read_card_mime_data(event.mimeData())
        if card is None or not can_move(card[1], self.stage):
            event.ignore()
            return
        event.acceptProposedAction()
        self.card_dropped.emit(card[0], card[1])

    def _set_drop_target(self, on: bool) -> None:
        if on != self._drop_target:
            self._drop_target = on
            self.update()


class BoardColumn(QFrame):
    """One stage: its heading and count over its cards. A closed stage can be folded into
    a ``FoldedColumn`` strip and unfolded again.

    Signals:
        fold_requested(bool): the person asked to fold (True) or unfold (False) it.
    """

    fold_requested = Signal(bool)

    def __init__(self, stage: Stage, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.folded_state = False
        self.model = BoardModel(stage, zone, self)
        self.view = CardListView()
        self.view.setObjectName(f"board_{stage.value}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(zone, self.view))
        self.view.setAccessibleName(stage_label(stage))
        self.view.setToolTip(
            self.tr(
                "Drag a card to another column to move it, or select it and press "
                "Ctrl+Shift+Right or Ctrl+Shift+Left for the next or previous stage. "
                "Enter opens the application; the menu key shows “Move to”."
            )
        )
        self.heading = plain_label(stage_label(stage))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.count = plain_label()
        self.count.setObjectName(f"boardCount_{stage.value}")
        self.open_part = QWidget()
        self.open_part.setMinimumWidth(COLUMN_MIN_WIDTH)
        inner = QVBoxLayout(self.open_part)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.count)
        self.fold_button: QToolButton | None = None
        self.folded: FoldedColumn | None = None
        if is_closed(stage):
            self._add_fold_controls(top)
        inner.addLayout(top)
        inner.addWidget(self.view, 1)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(self.open_part)
        if self.folded is not None:
            self._layout.addWidget(self.folded)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.update_counts()

    def _add_fold_controls(self, top: QHBoxLayout) -> None:
        name = stage_label(self.stage)
        self.fold_button = QToolButton()
        self.fold_button.setObjectName(f"boardFold_{self.stage.value}")
        self.fold_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.fold_button.setAutoRaise(True)
        self.fold_button.setToolTip(self.tr("Fold “{stage}” away").format(stage=name))
        self.fold_button.setAccessibleName(self.tr("Fold “{stage}” away").format(stage=name))
        self.fold_button.clicked.connect(lambda: self.fold_requested.emit(True))
        top.insertWidget(0, self.fold_button)
        self.folded = FoldedColumn(self.stage)
        self.folded.setObjectName(f"boardFolded_{self.stage.value}")
        self.folded.setToolTip(
            self.tr(
                "Show the “{stage}” column (click, Enter or Space). Drop a card here to move it."
            ).format(stage=name)
        )
        self.folded.clicked.connect(lambda: self.fold_requested.emit(False))

    def set_folded(self, folded: bool) -> None:
        if self.folded is None:
            return
        self.folded_state = folded
        self.open_part.setVisible(not folded)
        self.folded.setVisible(folded)
        self.setFrameShape(QFrame.Shape.NoFrame if folded else QFrame.Shape.StyledPanel)
        self._layout.setContentsMargins(*((0, 4, 0, 4) if folded else (4, 4, 4, 4)))

    def update_counts(self) -> None:
        """The heading's count ("3", or "1 of 3" while a search or filter hides some) and
        the hint an empty column shows."""
        shown, total = self.model.rowCount(), self.model.total_count()
        count = (
            number_text(shown)
            if shown == total
            else self.tr("{shown} of {total}").format(
                shown=number_text(shown), total=number_text(total)
            )
        )
        self.count.setText(count)
        name = stage_label(self.stage)
        self.view.setAccessibleDescription(
            self.tr("%Ln card(s)", "", total)
            if shown == total
            else self.tr("{shown} of %Ln card(s)", "", total).format(shown=number_text(shown))
        )
        if self.folded is not None:
            self.folded.setText(self.tr("{stage} ({count})").format(stage=name, count=count))
            self.folded.setAccessibleName(self.folded.text())
            self.folded.updateGeometry()
        if total == 0:
            self.view.hint = self.tr("Drop an application here")
        else:
            self.view.hint = self.tr("None shown: the search or the filter hides them")
        self.view.viewport().update()

    def focus_target(self) -> QWidget:
        """What takes the keyboard focus when moving into this column."""
        return self.folded if self.folded is not None and self.folded_state else self.view


class BoardView(QScrollArea):
    """One column per stage, closed stages folded until unfolded (remembered while the
    window lives). A card moves by drag and drop, its menu or Ctrl+Shift+Right/Left.

    Signals:
        move_requested(object, object): (ApplicationSummary, target Stage).
        card_activated(int): an application id was opened.
    """

    move_requested = Signal(object, object)
    card_activated = Signal(int)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.unfolded: set[Stage] = set()
        # Closed stages unfolded because what the filter and search show is there and
        # nowhere open (worked out again whenever they or the cards change).
        self.revealed: set[Stage] = set()
        self._filter_stages: frozenset[Stage] | None = None
        self._cards: dict[int, ApplicationSummary] = {}
        # The card a move was asked for: selected again where it lands after the reload.
        self._follow: tuple[int, Stage] | None = None
        # What the keys last said when a card could not step (shown as a tooltip too).
        self.last_step_refusal = ""
        inner = QWidget()
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(0, 4, 0, 0)
        outer.setSpacing(4)
        self.keys_hint = plain_label(
            self.tr(
                "Drag a card to another stage, or select it and press Ctrl+Shift+Right or "
                "Ctrl+Shift+Left. Enter opens it; the menu key offers “Move to”. Closed "
                "stages are folded: click one to show its cards. Keys do not reopen a closed "
                "application: use “Move to” or drag it."
            ),
            wrap=True,
        )
        self.keys_hint.setObjectName("boardKeys")
        colour_text(self.keys_hint, ColourRole.MUTED)
        outer.addWidget(self.keys_hint)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        outer.addLayout(row, 1)
        self._row = row
        self.columns: dict[Stage, BoardColumn] = {}
        for stage in Stage:
            column = BoardColumn(stage, zone)
            self._connect(column)
            self.columns[stage] = column
            row.addWidget(column)
        self.setWidget(inner)
        for stage in self.columns:
            self._apply_fold(stage)

    def _connect(self, column: BoardColumn) -> None:
        view, stage = column.view, column.stage
        view.activated.connect(
            lambda index, c=column: self.card_activated.emit(
                c.model.row_at(index.row()).application_id
            )
        )
        view.menu_requested.connect(lambda pos, c=column: self._menu(c, pos))
        view.step_requested.connect(lambda direction, c=column: self._step(c, direction))
        view.neighbour_requested.connect(lambda direction, s=stage: self._neighbour(s, direction))
        column.model.card_dropped.connect(lambda i, source, s=stage: self._dropped(i, source, s))
        column.fold_requested.connect(lambda folded, s=stage: self.set_unfolded(s, not folded))
        if column.folded is not None:
            column.folded.card_dropped.connect(
                lambda i, source, s=stage: self._dropped(i, source, s)
            )
            column.folded.neighbour_requested.connect(
                lambda direction, s=stage: self._neighbour(s, direction)
            )

    # -- data ----------------------------------------------------------------------------

    def set_rows(
        self,
        by_stage: dict[Stage, list[ApplicationSummary]],
        haystacks: dict[int, str] | None = None,
    ) -> None:
        """Cards per stage, already sorted by company (off the GUI thread), with each
        application's search text by id (the list's)."""
        self._cards = {}
        for stage, column in self.columns.items():
            rows = by_stage.get(stage, [])
            self._cards.update((r.application_id, r) for r in rows)
            hay = None if haystacks is None else [haystacks.get(r.application_id, "") for r in rows]
            column.model.set_rows(rows, hay)
            column.update_counts()
        self._reveal()
        self._select_followed()

    def models(self) -> list[BoardModel]:
        return [c.model for c in self.columns.values()]

    def set_search(self, text: str) -> None:
        for column in self.columns.values():
            column.model.set_search(text)
            column.update_counts()
        self._reveal()

    def set_keep(
        self,
        keep: Callable[[ApplicationSummary], bool] | None,
        stages: frozenset[Stage] | None = None,
    ) -> None:
        """Show only the cards ``keep`` keeps; ``stages`` are the stages it selects (None:
        any), so a filter of closed stages alone unfolds them."""
        self._filter_stages = stages
        for column in self.columns.values():
            column.model.set_keep(keep)
            column.update_counts()
        self._reveal()

    def shown_count(self) -> int:
        return sum(c.model.rowCount() for c in self.columns.values())

    # -- folding -------------------------------------------------------------------------

    def set_unfolded(self, stage: Stage, unfolded: bool) -> None:
        if unfolded:
            self.unfolded.add(stage)
        else:
            self.unfolded.discard(stage)
            self.revealed.discard(stage)
        self._apply_fold(stage)
        self.columns[stage].focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def _reveal(self) -> None:
        """Unfold the closed stages that hold all there is to see: those a filter of closed
        stages alone selects, and, while no open column shows a card, those that show some
        (a folded column saying "None shown" elsewhere would hide the only results)."""
        filtered = self._filter_stages
        if filtered is not None and filtered and all(is_closed(s) for s in filtered):
            revealed = set(filtered)
        elif any(c.model.rowCount() for s, c in self.columns.items() if not is_closed(s)):
            revealed = set()
        else:
            revealed = {s for s, c in self.columns.items() if c.model.rowCount()}
        if revealed != self.revealed:
            self.revealed = revealed
            for stage in self.columns:
                self._apply_fold(stage)

    def _apply_fold(self, stage: Stage) -> None:
        column = self.columns[stage]
        folded = is_closed(stage) and stage not in self.unfolded | self.revealed
        column.set_folded(folded)
        self._row.setStretchFactor(column, 0 if folded else 1)

    # -- moving --------------------------------------------------------------------------

    def request_move(self, card: ApplicationSummary, target: Stage) -> None:
        """Ask the window to move ``card``; after the reload it is selected where it went."""
        self._follow = (card.application_id, target)
        self.move_requested.emit(card, target)

    def forget_move(self, application_id: int) -> None:
        """The move asked for ``application_id`` did not happen (cancelled, or its save
        failed and was given up): a later reload must not select the card for it."""
        if self._follow is not None and self._follow[0] == application_id:
            self._follow = None

    def _dropped(self, application_id: int, source: Stage, target: Stage) -> None:
        card = self._cards.get(application_id)
        if card is not None and card.stage == source and can_move(source, target):
            self.request_move(card, target)

    def _current_card(self, column: BoardColumn) -> ApplicationSummary | None:
        index = column.view.currentIndex()
        return column.model.row_at(index.row()) if index.isValid() else None

    def _step(self, column: BoardColumn, direction: int) -> None:
        card = self._current_card(column)
        if card is None:
            return
        target = step_target(card.stage, direction)
        if target is None:
            where = column.view.visualRect(column.view.currentIndex()).center()
            reopens = is_closed(card.stage) and any(
                not is_closed(stage) for stage in allowed_targets(card.stage)
            )
            message = (
                self.tr(
                    "“{stage}” is closed, and keys do not reopen it: use “Move to” in its "
                    "menu, or drag it to the stage it is in now."
                )
                if reopens
                else self.tr("“{stage}” cannot move further that way.")
            )
            QToolTip.showText(
                column.view.viewport().mapToGlobal(where),
                message.format(stage=stage_label(card.stage)),
                column.view,
            )
            self.last_step_refusal = message.format(stage=stage_label(card.stage))
            return
        self.request_move(card, target)

    def _select_followed(self) -> None:
        """Select a card that was asked to move, once it shows in its new column (and
        keep the keys there, when they were on the board)."""
        if self._follow is None:
            return
        application_id, target = self._follow
        card = self._cards.get(application_id)
        if card is None or card.stage != target:
            return
        self._follow = None
        column = self.columns[target]
        if not column.folded_state and self.select_card(application_id):
            focus = QApplication.focusWidget()
            if focus is not None and self.isAncestorOf(focus):
                column.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_card(self, application_id: int) -> bool:
        """Select an application's card in its column; False when it is not shown."""
        card = self._cards.get(application_id)
        if card is None:
            return False
        column = self.columns[card.stage]
        for row in range(column.model.rowCount()):
            if column.model.row_at(row).application_id == application_id:
                index = column.model.index(row, 0)
                column.view.setCurrentIndex(index)
                column.view.scrollTo(index)
                return True
        return False

    # -- keyboard ------------------------------------------------------------------------

    def _neighbour(self, stage: Stage, direction: int) -> None:
        order = list(self.columns)
        position = order.index(stage) + direction
        if not 0 <= position < len(order):
            return
        source, column = self.columns[stage], self.columns[order[position]]
        target = column.focus_target()
        if target is column.view and column.model.rowCount() > 0:
            row = max(0, source.view.currentIndex().row())
            column.view.setCurrentIndex(
                column.model.index(min(row, column.model.rowCount() - 1), 0)
            )
        target.setFocus(Qt.FocusReason.TabFocusReason)

    # -- menus ---------------------------------------------------------------------------

    def move_menu(self, column: BoardColumn, card: ApplicationSummary) -> QMenu:
        menu = QMenu(self)
        menu.setTitle(self.tr("&Move to"))
        for target in Stage:
            if can_move(card.stage, target):
                suffix = "…" if is_closed(target) else ""
                action = menu.addAction(f"{stage_label(target)}{suffix}")
                action.triggered.connect(lambda _c=False, t=target: self.request_move(card, t))
        return menu

    def card_menu(self, column: BoardColumn, card: ApplicationSummary) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("&Open"), lambda: self.card_activated.emit(card.application_id))
        menu.addMenu(self.move_menu(column, card))
        return menu

    def _menu(self, column: BoardColumn, pos: QPoint) -> None:
        index = column.view.indexAt(pos)
        if not index.isValid():
            return
        column.view.setCurrentIndex(index)
        menu = self.card_menu(column, column.model.row_at(index.row()))
        self.show_menu(menu, column.view.viewport().mapToGlobal(pos))

    @staticmethod
    def show_menu(menu: QMenu, where: QPoint) -> None:
        """Run a card's menu (tests replace this to pick from it)."""
        menu.exec(where)
