"""The four main views: Today, Applications, Calendar, Contacts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.stages import Stage
from followthrough.store.queries import DataCounts, InterviewRow
from followthrough.ui.formatting import day_text, instant_text, plural, time_text
from followthrough.ui.models import Column, RecordTableModel, SearchProxyModel
from followthrough.ui.widgets import Card, EmptyState

FORMAT_LABELS = {"phone": "phone", "video": "video", "onsite": "on-site"}


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    return label


def interview_line(row: InterviewRow, zone: ZoneInfo, with_day: bool = True) -> str:
    when = instant_text(row.starts_at, zone) if with_day else time_text(row.starts_at, zone)
    role = f" · {row.role_title}" if row.role_title else ""
    return (
        f"{when}  {row.company}{role} — round {row.round}, "
        f"{FORMAT_LABELS.get(row.format, row.format)}"
    )


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
            "interviewing for (Ctrl+N). Press F1 at any time for help."
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


@dataclass(frozen=True)
class TodayData:
    counts: DataCounts
    upcoming: list[InterviewRow]
    overdue_decisions: int


class TodayPage(_DataPage):
    add_application = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            "Nothing to do yet",
            "Today lists what needs doing now: interviews coming up, thank-you notes "
            "to write, follow-ups that are due and decision dates that have passed. It fills "
            "in as you add applications and interviews.",
            "Add an application",
        )
        super().__init__(empty, parent)
        empty.action_clicked.connect(self.add_application)
        self.welcome = WelcomeBanner()
        self.welcome.add_application.connect(self.add_application)
        self.top.addWidget(self.welcome)
        outer = QVBoxLayout()
        self.heading = _title("Today")
        outer.addWidget(self.heading)
        cards = QHBoxLayout()
        self.active_card = Card("active applications")
        self.upcoming_card = Card("interviews in the next 7 days")
        self.overdue_card = Card("decision dates passed, no answer yet")
        for card in (self.active_card, self.upcoming_card, self.overdue_card):
            cards.addWidget(card)
        outer.addLayout(cards)
        outer.addWidget(QLabel("<b>Coming up this week</b>"))
        self.upcoming_list = QListWidget()
        self.upcoming_list.setObjectName("upcomingInterviews")
        outer.addWidget(self.upcoming_list, 1)
        self.content.setLayout(outer)

    def set_welcome_visible(self, visible: bool) -> None:
        self.welcome.setVisible(visible)

    def set_data(self, data: TodayData, today: date, zone: ZoneInfo) -> None:
        self.show_content(data.counts.applications > 0)
        self.heading.setText(f"Today — {day_text(today)}")
        self.active_card.set_value(data.counts.active_applications)
        self.upcoming_card.set_value(len(data.upcoming))
        self.overdue_card.set_value(data.overdue_decisions)
        self.upcoming_list.clear()
        for row in data.upcoming:
            self.upcoming_list.addItem(interview_line(row, zone))
        if not data.upcoming:
            self.upcoming_list.addItem("No interviews in the next seven days.")


@dataclass(frozen=True)
class ApplicationRow:
    application_id: int
    company: str
    role_title: str
    stage: Stage
    applied_on: date | None
    location: str


APPLICATION_COLUMNS: list[Column[ApplicationRow]] = [
    Column("Company", lambda r: r.company),
    Column("Role", lambda r: r.role_title),
    Column(
        "Stage",
        lambda r: r.stage.label,
        sort_key=lambda r: list(Stage).index(r.stage),
    ),
    Column(
        "Applied",
        lambda r: r.applied_on.isoformat() if r.applied_on else "",
        sort_key=lambda r: r.applied_on.toordinal() if r.applied_on else 0,
    ),
    Column("Location", lambda r: r.location),
]


class ApplicationsPage(_DataPage):
    add_application = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            "No applications yet",
            "Every job you have applied for appears here with its stage, who you met and "
            "what is next. Add the first one — company and role are enough to start.",
            "New application (Ctrl+N)",
        )
        super().__init__(empty, parent)
        empty.action_clicked.connect(self.add_application)
        outer = QVBoxLayout()
        outer.addWidget(_title("Applications"))
        grid = QGridLayout()
        self.stage_cards: dict[Stage, Card] = {}
        for position, stage in enumerate(Stage):
            card = Card(stage.label)
            self.stage_cards[stage] = card
            grid.addWidget(card, position // 4, position % 4)
        outer.addLayout(grid)
        self.search = QLineEdit()
        self.search.setObjectName("applicationSearch")
        self.search.setPlaceholderText("Search company or role… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        outer.addWidget(self.search)
        self.model: RecordTableModel[ApplicationRow] = RecordTableModel(APPLICATION_COLUMNS)
        self.proxy = SearchProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_search)
        self.table = QTableView()
        self.table.setObjectName("applicationTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 220)
        outer.addWidget(self.table, 1)
        self.content.setLayout(outer)

    def set_data(self, counts: DataCounts, rows: list[ApplicationRow]) -> None:
        self.show_content(counts.applications > 0)
        for stage, card in self.stage_cards.items():
            card.set_value(counts.by_stage.get(stage, 0))
        self.model.set_rows(rows)

    def focus_search(self) -> None:
        if self.showing_empty_state:
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


class CalendarPage(_DataPage):
    """A month calendar and the interviews of the selected day.

    Signals:
        day_selected(date): the user picked a day; the window loads its interviews.
    """

    day_selected = Signal(object)
    month_shown = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            "Your calendar is empty",
            "Interviews and decision dates appear here on their days, so you can see the "
            "week ahead at a glance. They come from the interviews you record.",
        )
        super().__init__(empty, parent)
        outer = QVBoxLayout()
        outer.addWidget(_title("Calendar"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("monthCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.selectionChanged.connect(self._on_selection)
        self.calendar.currentPageChanged.connect(self.month_shown)
        self._marked: list[date] = []
        side = QWidget()
        side_layout = QVBoxLayout(side)
        self.day_heading = QLabel()
        self.day_list = QListWidget()
        self.day_list.setObjectName("dayInterviews")
        side_layout.addWidget(self.day_heading)
        side_layout.addWidget(self.day_list, 1)
        splitter.addWidget(self.calendar)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer.addWidget(splitter, 1)
        self.content.setLayout(outer)

    def selected_day(self) -> date:
        qdate = self.calendar.selectedDate()
        return date(qdate.year(), qdate.month(), qdate.day())

    def go_to(self, day: date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _on_selection(self) -> None:
        self.day_selected.emit(self.selected_day())

    def shown_month(self) -> tuple[int, int]:
        return self.calendar.yearShown(), self.calendar.monthShown()

    def mark_days(self, year: int, month: int, counts: dict[date, int]) -> None:
        """Bold, coloured day numbers where something happens; the count as a tooltip."""
        if (year, month) != self.shown_month():
            return  # the user has already moved to another month
        for day in self._marked:
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), QTextCharFormat())
        busy = QTextCharFormat()
        busy.setFontWeight(QFont.Weight.Bold)
        busy.setForeground(QColor("#1f5f7f"))
        busy.setBackground(QColor("#dcecf4"))
        for day, count in counts.items():
            marked = QTextCharFormat(busy)
            marked.setToolTip(plural(count, "interview"))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), marked)
        self._marked = list(counts)

    def set_has_data(self, has_data: bool) -> None:
        self.show_content(has_data)

    def set_day(self, day: date, rows: list[InterviewRow], zone: ZoneInfo) -> None:
        if day != self.selected_day():
            return  # an answer for a day the user has already left
        self.day_heading.setText(f"<b>{day_text(day)}</b>")
        self.day_list.clear()
        for row in rows:
            self.day_list.addItem(interview_line(row, zone, with_day=False))
        if not rows:
            self.day_list.addItem("Nothing on this day.")


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants where a local calendar day starts and ends (DST-aware)."""
    start = datetime.combine(day, time.min, zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time.min, zone).astimezone(UTC)
    return start, end


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
    Column("Name", lambda r: r.name),
    Column("Title", lambda r: r.title),
    Column("Company", lambda r: r.company),
    Column("Roles", lambda r: r.roles),
    Column("Prefers", lambda r: METHOD_LABELS.get(r.preferred_method, "")),
    Column("Email", lambda r: r.email),
    Column("Phone", lambda r: r.phone),
]


class ContactsPage(_DataPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            "No people yet",
            "Interviewers, recruiters, references and the people who referred you are kept "
            "here with how they prefer to be contacted. They are added as you record "
            "interviews and references.",
        )
        super().__init__(empty, parent)
        outer = QVBoxLayout()
        outer.addWidget(_title("Contacts"))
        self.summary = QLabel()
        outer.addWidget(self.summary)
        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setPlaceholderText("Search name, company or title… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        outer.addWidget(self.search)
        self.model: RecordTableModel[ContactRow] = RecordTableModel(CONTACT_COLUMNS)
        self.proxy = SearchProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_search)
        self.table = QTableView()
        self.table.setObjectName("contactTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((150, 150, 150, 120, 80, 210)):
            self.table.setColumnWidth(column, width)
        outer.addWidget(self.table, 1)
        self.content.setLayout(outer)

    def set_data(self, counts: DataCounts, rows: list[ContactRow]) -> None:
        self.show_content(counts.contacts > 0)
        self.summary.setText(
            f"{counts.contacts:,} people across {counts.applications:,} applications."
        )
        self.model.set_rows(rows)

    def focus_search(self) -> None:
        if self.showing_empty_state:
            return
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
