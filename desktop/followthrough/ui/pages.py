"""The four main views: Today, Applications (list and board), Calendar, Contacts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.agenda import AgendaItem, TodayAgenda
from followthrough.domain.stages import ACTIVE_STAGES, Stage, allowed_targets, is_closed
from followthrough.domain.wording import long_day, plural, short_day
from followthrough.store.applications import ApplicationSummary
from followthrough.store.queries import DataCounts
from followthrough.ui.calendar_views import MonthCalendar, WeekView, agenda_columns, agenda_table
from followthrough.ui.formatting import instant_text
from followthrough.ui.forms import from_qdate, to_qdate
from followthrough.ui.models import Column, RecordTableModel
from followthrough.ui.reminders_panel import RemindersPanel
from followthrough.ui.widgets import Card, EmptyState, record_table

log = logging.getLogger(__name__)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    return label


def _page_header(title: str, action: str | None = None) -> tuple[QHBoxLayout, QPushButton]:
    """The page title with an action button on the right."""
    head = QHBoxLayout()
    head.addWidget(_title(title))
    head.addStretch(1)
    button = QPushButton(action or "")
    button.setVisible(action is not None)
    head.addWidget(button)
    return head, button


def _search_field(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    return field


class _DataPage(QWidget):
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


class WelcomeBanner(QFrame):
    """First-run explanation of what the app does and how to start.

    Signals:
        dismissed(): "Got it" was pressed.
        add_application(): the user wants to add their first application.
    """

    dismissed = Signal()
    add_application = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        heading = QLabel("<b>Welcome to Follow-Through</b>")
        text = QLabel(
            "After each interview, record it here with the people you met and what they "
            "said about next steps. Follow-Through then keeps the timing for you: a thank-you "
            "note to every interviewer within a day, follow-ups when the decision date has "
            "passed, a heads-up to your references — and it reminds you from the tray even "
            "when this window is closed.<br><br>Start by adding the application you are "
            "interviewing for (Ctrl+N), then open it and record the interview (Ctrl+I). "
            "Press F1 at any time for help."
        )
        text.setWordWrap(True)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add an application")
        self.add_button.clicked.connect(self.add_application)
        self.dismiss_button = QPushButton("Got it")
        self.dismiss_button.clicked.connect(self.dismissed)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addLayout(buttons)


class TodayPage(_DataPage):
    """Overdue, today and the next seven days, from the agenda.

    Signals:
        add_application(): the user wants to add an application.
        item_activated(object): an AgendaItem was opened.
    """

    add_application = Signal()
    item_activated = Signal(object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            "Nothing to do yet",
            "Today lists what needs doing now: interviews coming up, thank-you notes "
            "to write, follow-ups that are due and decision dates that have passed. It fills "
            "in as you add applications and interviews.",
            "Add an application",
        )
        super().__init__(empty, parent)
        empty.action_clicked.connect(self.add_application)
        self._agenda: TodayAgenda | None = None
        self._counts: DataCounts | None = None
        self._today: date | None = None
        self.welcome = WelcomeBanner()
        self.welcome.add_application.connect(self.add_application)
        self.top.addWidget(self.welcome)
        self.reminders = RemindersPanel(zone)
        self.top.addWidget(self.reminders)
        outer = QVBoxLayout()
        self.heading = _title("Today")
        outer.addWidget(self.heading)
        cards = QHBoxLayout()
        self.active_card = Card("active applications")
        self.today_card = Card("today")
        self.upcoming_card = Card("in the next 7 days")
        self.overdue_card = Card("overdue")
        for card in (self.overdue_card, self.today_card, self.upcoming_card, self.active_card):
            cards.addWidget(card)
        outer.addLayout(cards)
        self.sections: dict[str, tuple[QLabel, RecordTableModel[AgendaItem], QTableView]] = {}
        for key, label, with_day in (
            ("overdue", "Overdue", True),
            ("today", "Today", False),
            ("upcoming", "Next 7 days", True),
        ):
            heading = QLabel(f"<b>{label}</b>")
            model: RecordTableModel[AgendaItem] = RecordTableModel(agenda_columns(zone, with_day))
            table = agenda_table(model, f"today_{key}")
            table.activated.connect(
                lambda index, m=model: self.item_activated.emit(m.row_at(index.row()))
            )
            outer.addWidget(heading)
            outer.addWidget(table, 1)
            self.sections[key] = (heading, model, table)
        self.content.setLayout(outer)

    def set_welcome_visible(self, visible: bool) -> None:
        self.welcome.setVisible(visible)

    def leave_out_reminders(self, reminder_ids: set[int]) -> None:
        """Reminders that just fired wait in the reminders list above: not again below."""
        agenda = self._agenda
        if agenda is None or self._counts is None or self._today is None:
            return

        def keep(items: list[AgendaItem]) -> list[AgendaItem]:
            return [i for i in items if i.reminder_id not in reminder_ids]

        self.set_data(
            self._counts,
            TodayAgenda(keep(agenda.overdue), keep(agenda.today), keep(agenda.upcoming)),
            self._today,
        )

    def set_data(self, counts: DataCounts, agenda: TodayAgenda, today: date) -> None:
        self._agenda, self._counts, self._today = agenda, counts, today
        log.info(
            "Today shows %d overdue, %d today, %d in the next 7 days",
            len(agenda.overdue),
            len(agenda.today),
            len(agenda.upcoming),
        )
        self.show_content(counts.applications > 0)
        self.heading.setText(f"Today — {long_day(today)}")
        self.active_card.set_value(counts.active_applications)
        self.overdue_card.set_value(len(agenda.overdue))
        self.today_card.set_value(len(agenda.today))
        self.upcoming_card.set_value(len(agenda.upcoming))
        for key, items in (
            ("overdue", agenda.overdue),
            ("today", agenda.today),
            ("upcoming", agenda.upcoming),
        ):
            heading, model, table = self.sections[key]
            model.set_rows(items)
            heading.setVisible(bool(items) or key == "today")
            table.setVisible(bool(items))
        today_heading = self.sections["today"][0]
        if not agenda.today:
            today_heading.setText("<b>Today</b> — nothing planned")
        else:
            today_heading.setText("<b>Today</b>")


def _due_text(row: ApplicationSummary, zone: ZoneInfo, today: date) -> str:
    action = row.next_action
    if action.due_at is not None:
        return instant_text(action.due_at, zone)
    if action.due_day is not None:
        day = action.due_day
        short = short_day(day)
        days = (day - today).days
        return f"{short} ({-days} d ago)" if days < 0 else short
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
        Column("Company", lambda r: r.company, sort_key=company_sort_key),
        Column("Role", lambda r: r.role_title),
        Column("Stage", lambda r: r.stage.label, sort_key=lambda r: STAGE_ORDER[r.stage]),
        Column(
            "Last contact",
            lambda r: long_day(r.last_contact) if r.last_contact else "",
            sort_key=lambda r: r.last_contact.toordinal() if r.last_contact else 0,
        ),
        Column("Next action", lambda r: r.next_action.text),
        Column(
            "Due",
            lambda r: _due_text(r, zone, today()),
            sort_key=due_sort_key,
            colour=lambda r: (
                "#b00020" if r.next_action.due_day and r.next_action.due_day < today() else None
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
        self.heading = QLabel(f"<b>{stage.label}</b>")
        layout.addWidget(self.heading)
        self.model: RecordTableModel[ApplicationSummary] = RecordTableModel(
            [Column("Card", lambda r: f"{r.company}\n{r.role_title}")]
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
        self.heading.setText(f"<b>{self.stage.label}</b> ({len(rows):,})")


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
        menu.setTitle("Move to")
        for target in Stage:
            if target in allowed_targets(card.stage):
                suffix = "…" if is_closed(target) else ""
                action = menu.addAction(f"{target.label}{suffix}")
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
        menu.addAction("Open", lambda: self.card_activated.emit(card.application_id))
        menu.addMenu(self.move_menu(column, card))
        menu.exec(column.view.viewport().mapToGlobal(pos))


STAGE_ORDER = {stage: position for position, stage in enumerate(Stage)}

STAGE_FILTERS: list[tuple[str, frozenset[Stage] | None]] = [
    ("Active", frozenset(ACTIVE_STAGES)),
    ("All stages", None),
    *[(stage.label, frozenset({stage})) for stage in Stage],
]


class ApplicationsPage(_DataPage):
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
            "No applications yet",
            "Every job you have applied for appears here with its stage, who you met and "
            "what is next. Add the first one — company and role are enough to start.",
            "New application (Ctrl+N)",
        )
        super().__init__(empty, parent)
        empty.action_clicked.connect(self.add_application)
        self.zone = zone
        outer = QVBoxLayout()
        head, self.new_button = _page_header("Applications", "New application…")
        self.new_button.clicked.connect(self.add_application)
        outer.addLayout(head)
        self.stage_counts = QLabel()
        self.stage_counts.setObjectName("stageCounts")
        self.stage_counts.setWordWrap(True)
        outer.addWidget(self.stage_counts)
        bar = QHBoxLayout()
        self.search = _search_field("applicationSearch", "Search company, role or people… (Ctrl+F)")
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stageFilter")
        for label, _stages in STAGE_FILTERS:
            self.stage_filter.addItem(label)
        self.shown = QLabel()
        self.shown.setObjectName("shownCount")
        # A fixed width, so that a changing count never re-lays out the page while typing.
        self.shown.setFixedWidth(self.shown.fontMetrics().horizontalAdvance("00,000 of 00,000 "))
        self.shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.search, 1)
        bar.addWidget(QLabel("Show:"))
        bar.addWidget(self.stage_filter)
        bar.addWidget(self.shown)
        outer.addLayout(bar)

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
        self.views.addTab(self.table, "&List")
        self.views.addTab(self.board, "&Board")
        outer.addWidget(self.views, 1)
        self.content.setLayout(outer)
        self.search.textChanged.connect(self._search_changed)
        self.stage_filter.currentIndexChanged.connect(self._filter_changed)
        self._filter_changed()

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)
        self._update_shown()

    def _filter_changed(self) -> None:
        stages = STAGE_FILTERS[self.stage_filter.currentIndex()][1]
        self.model.set_keep(None if stages is None else (lambda r: r.stage in stages))
        self._update_shown()

    def _update_shown(self) -> None:
        self.shown.setText(f"{self.model.rowCount():,} of {self.model.total_count():,}")

    def set_data(
        self,
        counts: DataCounts,
        rows: list[ApplicationSummary],
        haystacks: list[str],
        board: dict[Stage, list[ApplicationSummary]],
    ) -> None:
        """``rows`` come sorted by due date, the list's default order."""
        self.show_content(counts.applications > 0)
        parts = [f"{stage.label}: <b>{counts.by_stage.get(stage, 0):,}</b>" for stage in Stage]
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


class CalendarPage(_DataPage):
    """A month grid with the agenda's items marked, and a week agenda.

    Signals:
        month_shown(int, int): the month grid shows this year and month.
        day_selected(object): a date was selected in the month grid.
        week_shown(object): the week view shows the week of this Monday.
        item_activated(object): an AgendaItem was opened.
    """

    month_shown = Signal(int, int)
    day_selected = Signal(object)
    week_shown = Signal(object)
    item_activated = Signal(object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            "Your calendar is empty",
            "Interviews, decision dates and everything else with a date appear here on "
            "their days. They come from the interviews you record.",
        )
        super().__init__(empty, parent)
        outer = QVBoxLayout()
        head, self.today_button = _page_header("Calendar", "&Today")
        outer.addLayout(head)
        self.views = QTabWidget()
        month = QWidget()
        month_layout = QHBoxLayout(month)
        self.calendar = MonthCalendar()
        self.calendar.setObjectName("monthCalendar")
        side = QVBoxLayout()
        self.day_heading = QLabel()
        self.day_model: RecordTableModel[AgendaItem] = RecordTableModel(agenda_columns(zone, False))
        self.day_table = agenda_table(self.day_model, "dayAgenda")
        self.day_table.activated.connect(
            lambda index: self.item_activated.emit(self.day_model.row_at(index.row()))
        )
        side.addWidget(self.day_heading)
        side.addWidget(self.day_table, 1)
        month_layout.addWidget(self.calendar, 3)
        month_layout.addLayout(side, 2)
        self.week = WeekView(zone)
        self.week.item_activated.connect(self.item_activated)
        self.week.week_changed.connect(self.week_shown)
        self.views.addTab(month, "&Month")
        self.views.addTab(self.week, "&Week")
        outer.addWidget(self.views, 1)
        self.content.setLayout(outer)
        self.calendar.currentPageChanged.connect(self.month_shown)
        self.calendar.selectionChanged.connect(lambda: self.day_selected.emit(self.selected_day()))

    def selected_day(self) -> date:
        return from_qdate(self.calendar.selectedDate())

    def shown_month(self) -> tuple[int, int]:
        return self.calendar.yearShown(), self.calendar.monthShown()

    def go_to(self, day: date) -> None:
        self.calendar.setSelectedDate(to_qdate(day))
        self.week.show_week(day)

    def set_has_data(self, has_data: bool) -> None:
        self.show_content(has_data)

    def set_month_counts(
        self, year: int, month: int, counts: dict[date, dict[str, int]], today: date
    ) -> None:
        if (year, month) != self.shown_month():
            return  # the user has already moved on
        self.calendar.set_marks(counts, today)

    def set_day_items(self, day: date, items: list[AgendaItem]) -> None:
        if day != self.selected_day():
            return  # an answer for a day the user has already left
        self.day_heading.setText(
            f"<b>{long_day(day)}</b> — {plural(len(items), 'item')}"
            if items
            else f"<b>{long_day(day)}</b> — nothing on this day"
        )
        self.day_model.set_rows(items)


@dataclass(frozen=True)
class ContactRow:
    contact_id: int
    name: str
    title: str
    company: str
    email: str
    phone: str
    preferred_method: str | None
    roles: str


METHOD_LABELS = {"phone": "Phone", "email": "Email", "either": "Either", None: "Not known"}

CONTACT_COLUMNS: list[Column[ContactRow]] = [
    Column("Name", lambda r: r.name, sort_key=lambda r: r.name.casefold()),
    Column("Title", lambda r: r.title),
    Column("Company", lambda r: r.company),
    Column("Roles", lambda r: r.roles),
    Column("Prefers", lambda r: METHOD_LABELS.get(r.preferred_method, "")),
    Column("Email", lambda r: r.email),
    Column("Phone", lambda r: r.phone),
]


class ContactsPage(_DataPage):
    """Signals:
    open_contact(int): a person was opened.
    new_contact(): the user wants to add a person.
    """

    open_contact = Signal(int)
    new_contact = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            "No people yet",
            "Interviewers, recruiters, references and the people who referred you are kept "
            "here with how they prefer to be contacted. They are added as you record "
            "interviews, or by hand.",
            "Add a person",
        )
        super().__init__(empty, parent)
        empty.action_clicked.connect(self.new_contact)
        outer = QVBoxLayout()
        head, self.new_button = _page_header("Contacts", "New person…")
        self.new_button.clicked.connect(self.new_contact)
        outer.addLayout(head)
        self.summary = QLabel()
        outer.addWidget(self.summary)
        self.search = _search_field("contactSearch", "Search name, company or title… (Ctrl+F)")
        outer.addWidget(self.search)
        self.model: RecordTableModel[ContactRow] = RecordTableModel(CONTACT_COLUMNS)
        self.search.textChanged.connect(self.model.set_search)
        self.table = record_table(
            self.model, "contactTable", widths=(150, 150, 150, 120, 80, 210), sortable=True
        )
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.activated.connect(
            lambda index: self.open_contact.emit(self.model.row_at(index.row()).contact_id)
        )
        outer.addWidget(self.table, 1)
        self.content.setLayout(outer)

    def set_data(self, counts: DataCounts, rows: list[ContactRow], haystacks: list[str]) -> None:
        """``rows`` come sorted by name, the list's default order."""
        self.show_content(counts.contacts > 0)
        self.summary.setText(
            f"{plural(counts.contacts, 'person', 'people')} across "
            f"{plural(counts.applications, 'application')}."
        )
        self.model.set_rows(rows, haystacks, (0, Qt.SortOrder.AscendingOrder))

    def focus_search(self) -> None:
        if self.showing_empty_state:
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
