"""The applications page: a sortable list and a board by stage, with search and filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.stages import ACTIVE_STAGES, Stage
from followthrough.domain.wording import short_day
from followthrough.store.applications import ApplicationSummary
from followthrough.store.queries import DataCounts
from followthrough.ui.applications.board import BoardView
from followthrough.ui.applications.labels import stage_label
from followthrough.ui.applications.order import company_sort_key, due_sort_key
from followthrough.ui.common.formatting import when_text
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.page import DataPage, SearchKeys, page_header, search_field
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole
from followthrough.ui.common.widgets import EmptyState, record_table


def _due_text(row: ApplicationSummary, zone: ZoneInfo, today: date) -> str:
    action = row.next_action
    when = when_text(action.due_at, action.due_day, zone)
    days = (action.due_day - today).days if action.due_day is not None else 0
    if action.due_at is None and days < 0:
        return QCoreApplication.translate("applications", "{day} ({days} d ago)").format(
            day=when, days=-days
        )
    return when


NEXT_ACTION_COLUMN = 4
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


STAGE_ORDER = {stage: position for position, stage in enumerate(Stage)}


def stage_keep(stages: frozenset[Stage] | None) -> Callable[[ApplicationSummary], bool] | None:
    """The stage filter as the rows it keeps (None: all): the list and the board read the
    same one, so both show the same applications."""
    if stages is None:
        return None
    return lambda row: row.stage in stages


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
        outer.addWidget(self._build_hidden_hint())
        outer.addWidget(self._build_views(zone, today), 1)
        self.content.setLayout(outer)
        self.search.textChanged.connect(self._search_changed)
        self.search_keys = SearchKeys(self.search, self._search_target)
        self.stage_filter.currentIndexChanged.connect(self._filter_changed)
        self._filter_changed()

    def _search_target(self) -> tuple[QAbstractItemView | None, int]:
        """Where Enter and Down in the search go: the list, or on the Board tab the
        column of the card chosen there (else the first column with cards)."""
        if self.views.currentWidget() is not self.board:
            return self.table, self.model.rowCount()
        shown: list[QAbstractItemView] = [
            c.view for c in self.board.columns.values() if c.model.rowCount()
        ]
        chosen = [v for v in shown if v.selectionModel().hasSelection()]
        views = chosen or shown
        return (views[0] if views else None), self.board.shown_count()

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

    def _build_hidden_hint(self) -> QWidget:
        """Said when a search finds nothing among the applications shown but does among
        those the Show filter hides (a closed one, say), with a button to show them all."""
        self.hidden_hint = QWidget()
        row = QHBoxLayout(self.hidden_hint)
        row.setContentsMargins(0, 0, 0, 0)
        self.hidden_text = plain_label()
        self.hidden_text.setObjectName("hiddenMatches")
        self.show_all_button = QPushButton(self.tr("Show all stages"))
        self.show_all_button.clicked.connect(lambda: self.stage_filter.setCurrentIndex(1))
        row.addWidget(self.hidden_text, 1)
        row.addWidget(self.show_all_button)
        self.hidden_hint.hide()
        return self.hidden_hint

    def _build_views(self, zone: ZoneInfo, today: Callable[[], date]) -> QTabWidget:
        """The list and the board, as tabs."""
        self.views = QTabWidget()
        self.model: RecordTableModel[ApplicationSummary] = RecordTableModel(
            application_columns(zone, today)
        )
        # The next action is the longest text: it takes the width left; the day beside it
        # needs little ("Nov 20 (3 d ago)").
        self.table = record_table(
            self.model,
            "applicationTable",
            widths=(160, 165, 95, 115, 205, 150),
            sortable=True,
            stretch=(NEXT_ACTION_COLUMN,),
        )
        self.table.sortByColumn(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(
            lambda index: self.open_application.emit(self.model.row_at(index.row()).application_id)
        )
        self.board = BoardView(zone)
        self.board.card_activated.connect(self.open_application)
        self.board.move_requested.connect(self.move_requested)
        self.views.addTab(self.table, self.tr("&List"))
        self.views.addTab(self.board, self.tr("&Board"))
        return self.views

    def _search_changed(self, text: str) -> None:
        # The list and the board search the same text the same way (RecordTableModel).
        self.model.set_search(text)
        self.board.set_search(text)
        self._update_shown()

    def _filter_changed(self) -> None:
        stages = self.stage_filters[self.stage_filter.currentIndex()][1]
        keep = stage_keep(stages)
        self.model.set_keep(keep)
        self.board.set_keep(keep, stages)
        self._update_shown()

    def _update_shown(self) -> None:
        self.shown.setText(
            self._shown_text(
                number_text(self.model.rowCount()), number_text(self.model.total_count())
            )
        )
        hidden = self.model.hidden_matches()
        if hidden:
            self.hidden_text.setText(
                self.tr(
                    "None of the applications shown matches; {count} hidden by "
                    "“Show: {filter}” does."
                ).format(count=number_text(hidden), filter=self.stage_filter.currentText())
            )
        self.hidden_hint.setVisible(hidden > 0)

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
            f"{stage_label(stage)}: <b>{number_text(counts.by_stage.get(stage, 0))}</b>"
            for stage in Stage
        ]
        self.stage_counts.setText(" · ".join(parts))
        self.model.set_rows(rows, haystacks, (DUE_COLUMN, Qt.SortOrder.AscendingOrder))
        self.board.set_rows(
            board, dict(zip((r.application_id for r in rows), haystacks, strict=True))
        )
        self._update_shown()

    def focus_search(self) -> None:
        if self.showing_empty_state:
            return
        self.views.setCurrentWidget(self.table)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
