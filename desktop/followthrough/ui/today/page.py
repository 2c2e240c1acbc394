"""Today: the first-run welcome, what is due, and the day's agenda."""

from __future__ import annotations

import logging
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from followthrough import APP_NAME
from followthrough.domain.agenda import AgendaItem, TodayAgenda
from followthrough.domain.wording import long_day
from followthrough.store.queries import DataCounts
from followthrough.ui.calendar.views import agenda_columns, agenda_table
from followthrough.ui.common.page import DataPage, page_title
from followthrough.ui.common.table_model import RecordTableModel
from followthrough.ui.common.widgets import Card, EmptyState
from followthrough.ui.today.reminders_panel import RemindersPanel

log = logging.getLogger(__name__)


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
        heading = QLabel(self.tr("<b>Welcome to {app}</b>").format(app=APP_NAME))
        text = QLabel(
            self.tr(
                "After each interview, record it here with the people you met and what they "
                "said about next steps. {app} then keeps the timing for you: a thank-you "
                "note to every interviewer within a day, follow-ups when the decision date "
                "has passed, a heads-up to your references — and it reminds you from the tray "
                "even when this window is closed.<br><br>Start by adding the application you "
                "are interviewing for (Ctrl+N), then open it and record the interview "
                "(Ctrl+I). Press F1 at any time for help."
            ).format(app=APP_NAME)
        )
        text.setWordWrap(True)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add an application"))
        self.add_button.clicked.connect(self.add_application)
        self.dismiss_button = QPushButton(self.tr("Got it"))
        self.dismiss_button.clicked.connect(self.dismissed)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addLayout(buttons)


class TodayPage(DataPage):
    """Overdue, today and the next seven days, from the agenda.

    Signals:
        add_application(): the user wants to add an application.
        item_activated(object): an AgendaItem was opened.
    """

    add_application = Signal()
    item_activated = Signal(object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        empty = EmptyState(
            self.tr("Nothing to do yet"),
            self.tr(
                "Today lists what needs doing now: interviews coming up, thank-you notes "
                "to write, follow-ups that are due and decision dates that have passed. It "
                "fills in as you add applications and interviews."
            ),
            self.tr("Add an application"),
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
        self.heading = page_title(self.tr("Today"))
        outer.addWidget(self.heading)
        cards = QHBoxLayout()
        self.active_card = Card(self.tr("active applications"))
        self.today_card = Card(self.tr("today"))
        self.upcoming_card = Card(self.tr("in the next 7 days"))
        self.overdue_card = Card(self.tr("overdue"))
        for card in (self.overdue_card, self.today_card, self.upcoming_card, self.active_card):
            cards.addWidget(card)
        outer.addLayout(cards)
        self.sections: dict[str, tuple[QLabel, RecordTableModel[AgendaItem], QTableView]] = {}
        for key, label, with_day in (
            ("overdue", self.tr("Overdue"), True),
            ("today", self.tr("Today"), False),
            ("upcoming", self.tr("Next 7 days"), True),
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
        self.heading.setText(self.tr("Today — {day}").format(day=long_day(today)))
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
            today_heading.setText(self.tr("<b>Today</b> — nothing planned"))
        else:
            today_heading.setText(self.tr("<b>Today</b>"))
