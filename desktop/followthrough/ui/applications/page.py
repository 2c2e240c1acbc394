"""The applications page: a sortable list and a board by stage, with search and filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.stages import ACTIVE_STAGES, Stage, allowed_targets, is_closed
from followthrough.domain.wording import short_day
from followthrough.store.applications import ApplicationSummary
from followthrough.store.queries import DataCounts
from followthrough.ui.applications.labels import stage_label
from followthrough.ui.common.formatting import instant_text
from followthrough.ui.common.page import DataPage, SearchKeys, page_header, search_field
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.theme import ColourRole
from followthrough.ui.common.widgets import EmptyState, record_table


def _due_text(row: ApplicationSummary, zone: ZoneInfo, today: date) -> str:
    action = row.next_action
    if action.due_at is not None:
        return instant_text(action.due_at, zone)
    if action.due_day is not None:
        day = action.due_day
        short = short_day(day)
        days = (day - today).days
        if days < 0:
            return QCoreApplication.translate("applications", "{day} ({days} d ago)").format(
                day=short, days=-days
            )
        return short
    return ""


FAR_FUTURE = date.max.toordinal()


def due_sort_key(row: ApplicationSummary) -> int:
    """Soonest due first; applications with nothing due last."""
    due = row.next_action.due_day
    return due.toordinal() if due else FAR_FUTURE


def company_sort_key(row: ApplicationSummary) -> str:
    return row.company.casefold()


DUE_COLUMN = 5


def application_columns(
    zone: ZoneInfo, today: Callable[[], date]
) -> list[Column[ApplicationSummary]]:
    return [
        Column(
            QCoreApplication.translate("applications", "Company"),
            lambda r: r.company,
            sort_key=company_sort_key,
        ),
        Column(QCoreApplication.translate("applications", "Role"), lambda r: r.role_title),
        Column(
            QCoreApplication.translate("applications", "Stage"),
            lambda r: stage_label(r.stage),
            sort_key=lambda r: STAGE_ORDER[r.stage],
        ),
        Column(
            QCoreApplication.translate("applications", "Last contact"),
            lambda r: short_day(r.last_contact) if r.last_contact else "",
            sort_key=lambda r: r.last_contact.toordinal() if r.last_contact else 0,
        ),
        Column(
            QCoreApplication.translate("applications", "Next action"),
            lambda r: r.next_action.text,
        ),
        Column(
            QCoreApplication.translate("applications", "Due"),
            lambda r: _due_text(r, zone, today()),
            sort_key=due_sort_key,
            colour=lambda r: (
                ColourRole.ERROR
                if r.next_action.due_day and r.next_action.due_day < today()
                else None
            ),
        ),
    ]


class BoardColumn(QFrame):
    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(190)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel(f"<b>{stage_label(stage)}</b>")
        layout.addWidget(self.heading)
        self.model: RecordTableModel[ApplicationSummary] = RecordTableModel(
            [Column(self.tr("Card"), lambda r: f"{r.company}\n{r.role_title}")]
        )
        self.view = QListView()
        self.view.setObjectName(f"board_{stage.value}")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.view, 1)

    def set_rows(self, rows: list[ApplicationSummary]) -> None:
        self.model.set_rows(rows)
        self.heading.setText(f"<b>{stage_label(self.stage)}</b> ({len(rows):,})")


class BoardView(QScrollArea):
    """One column per stage; a card moves to another stage from its menu (or Ctrl+M).

    Signals:
        move_requested(object, object): (ApplicationSummary, target Stage).
        card_activated(int): an application id was opened.
    """

    move_requested = Signal(object, object)
    card_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        inner = QWidget()
        row = QHBoxLayout(inner)
        self.columns: dict[Stage, BoardColumn] = {}
        for stage in Stage:
            column = BoardColumn(stage)
            column.view.activated.connect(
                lambda index, c=column: self.card_activated.emit(
                    c.model.row_at(index.row()).application_id
                )
            )
            column.view.customContextMenuRequested.connect(lambda pos, c=column: self._menu(c, pos))
            self.columns[stage] = column
            row.addWidget(column)
        self.setWidget(inner)

    def set_rows(self, by_stage: dict[Stage, list[ApplicationSummary]]) -> None:
        """Cards per stage, already sorted by company (off the GUI thread)."""
        for stage, column in self.columns.items():
            column.set_rows(by_stage.get(stage, []))

    def move_menu(self, column: BoardColumn, card: ApplicationSummary) -> QMenu:
        menu = QMenu(self)
        menu.setTitle(self.tr("Move to"))
        for target in Stage:
            if target in allowed_targets(card.stage):
                suffix = "…" if is_closed(target) else ""
                action = menu.addAction(f"{stage_label(target)}{suffix}")
                action.triggered.connect(
                    lambda _c=False, t=target: self.move_requested.emit(card, t)
                )
        return menu

    def _menu(self, column: BoardColumn, pos: QPoint) -> None:
        index = column.view.indexAt(pos)
        if not index.isValid():
            return
        card = column.model.row_at(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.card_activated.emit(card.application_id))
        menu.addMenu(self.move_menu(column, card))
        menu.exec(column.view.viewport().mapToGlobal(pos))


STAGE_ORDER = {stage: position for position, stage in enumerate(Stage)}


def stage_filters() -> list[tuple[str, frozenset[Stage] | None]]:
    """The stage filter's choices in the user's language: (label, stages; None for all)."""
    return [
        (QCoreApplication.translate("applications", "Active"), frozenset(ACTIVE_STAGES)),
        (QCoreApplication.translate("applications", "All stages"), None),
        *[(stage_label(stage), frozenset({stage})) for stage in Stage],
    ]


class ApplicationsPage(DataPage):
    """Signals:
    add_application(): the user wants a new application.
    open_application(int): an application was opened.
    move_requested(object, object): a board card should move to another stage.
    """

    add_application = Signal()
    open_application = Signal(int)
    move_requested = Signal(object, object)

    def __init__(
        self, zone: ZoneInfo, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        empty = EmptyState(
            self.tr("No applications yet"),
            self.tr(
                "Every job you have applied for appears here with its stage, who you met and "
                "what is next. Add the first one — company and role are enough to start."
            ),
            self.tr("New application (Ctrl+N)"),
        )
        super().__init__(empty, parent)
        empty.action_clicked.connect(self.add_application)
        self.zone = zone
        outer = QVBoxLayout()
        head, self.new_button = page_header(self.tr("Applications"), self.tr("New application…"))
        self.new_button.clicked.connect(self.add_application)
        outer.addLayout(head)
        self.stage_counts = QLabel()
        self.stage_counts.setObjectName("stageCounts")
        self.stage_counts.setWordWrap(True)
        outer.addWidget(self.stage_counts)
        outer.addLayout(self._build_filter_bar())
        outer.addWidget(self._build_views(zone, today), 1)
        self.content.setLayout(outer)
        self.search.textChanged.connect(self._search_changed)
        self.search_keys = SearchKeys(self.search, self.table)
        self.stage_filter.currentIndexChanged.connect(self._filter_changed)
        self._filter_changed()

    def _build_filter_bar(self) -> QHBoxLayout:
        """Search, the stage filter and how many rows are shown."""
        bar = QHBoxLayout()
        self.search = search_field(
            "applicationSearch", self.tr("Search company, role or people… (Ctrl+F)")
        )
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stageFilter")
        self.stage_filters = stage_filters()
        for label, _stages in self.stage_filters:
            self.stage_filter.addItem(label)
        self.shown = QLabel()
        self.shown.setObjectName("shownCount")
        # A fixed width, so that a changing count never re-lays out the page while typing.
        widest = self._shown_text("00,000", "00,000") + " "
        self.shown.setFixedWidth(self.shown.fontMetrics().horizontalAdvance(widest))
        self.shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.search, 1)
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.stage_filter)
        bar.addWidget(self.shown)
        return bar

    def _build_views(self, zone: ZoneInfo, today: Callable[[], date]) -> QTabWidget:
        """The list and the board, as tabs."""
        self.views = QTabWidget()
        self.model: RecordTableModel[ApplicationSummary] = RecordTableModel(
            application_columns(zone, today)
        )
        self.table = record_table(
            self.model, "applicationTable", widths=(160, 165, 95, 115, 205), sortable=True
        )
        self.table.sortByColumn(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(
            lambda index: self.open_application.emit(self.model.row_at(index.row()).application_id)
        )
        self.board = BoardView()
        self.board.card_activated.connect(self.open_application)
        self.board.move_requested.connect(self.move_requested)
        self.views.addTab(self.table, self.tr("&List"))
        self.views.addTab(self.board, self.tr("&Board"))
        return self.views

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)
        self._update_shown()

    def _filter_changed(self) -> None:
        stages = self.stage_filters[self.stage_filter.currentIndex()][1]
        self.model.set_keep(None if stages is None else (lambda r: r.stage in stages))
        self._update_shown()

    def _update_shown(self) -> None:
        self.shown.setText(
            self._shown_text(f"{self.model.rowCount():,}", f"{self.model.total_count():,}")
        )

    def _shown_text(self, shown: str, total: str) -> str:
        return self.tr("{shown} of {total}").format(shown=shown, total=total)

    def set_data(
        self,
        counts: DataCounts,
        rows: list[ApplicationSummary],
        haystacks: list[str],
        board: dict[Stage, list[ApplicationSummary]],
    ) -> None:
        """``rows`` come sorted by due date, the list's default order."""
        self.show_content(counts.applications > 0)
        parts = [
            f"{stage_label(stage)}: <b>{counts.by_stage.get(stage, 0):,}</b>" for stage in Stage
        ]
        self.stage_counts.setText(" · ".join(parts))
        self.model.set_rows(rows, haystacks, (DUE_COLUMN, Qt.SortOrder.AscendingOrder))
        self.board.set_rows(board)
        self._update_shown()

    def focus_search(self) -> None:
        if self.showing_empty_state:
            return
        self.views.setCurrentWidget(self.table)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
