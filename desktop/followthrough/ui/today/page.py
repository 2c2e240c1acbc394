"""Today: the first-run welcome, then one list of what to do."""

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
    QVBoxLayout,
    QWidget,
)

from followthrough import APP_NAME
from followthrough.domain.agenda import AgendaKind, TodayAgenda
from followthrough.domain.today import TodayList
from followthrough.domain.wording import long_day
from followthrough.store.queries import DataCounts
from followthrough.store.reminders import DueReminder
from followthrough.ui.common.page import DataPage, page_title
from followthrough.ui.common.widgets import EmptyState
from followthrough.ui.today.momentum import MomentumBox
from followthrough.ui.today.today_list import TodayListView

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
    """Today as one list of what to do: overdue, today, the next seven days.

    Signals:
        add_application(): the user wants to add an application.
        item_activated(object): an AgendaItem that is not a reminder was opened.
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
        self._welcome_wanted = True
        self.welcome = WelcomeBanner()
        self.welcome.add_application.connect(self.add_application)
        self.top.addWidget(self.welcome)
        outer = QVBoxLayout()
        self.heading = page_title(self.tr("Today"))
        outer.addWidget(self.heading)
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        outer.addWidget(self.summary)
        # Keeping momentum: a word when too much hangs on too few applications, and the
        # weekly goal (the window gives it each load).
        self.momentum = MomentumBox()
        self.momentum.add_application.connect(self.add_application)
        outer.addWidget(self.momentum)
        self.todo = TodayListView(zone)
        self.todo.item_activated.connect(self.item_activated)
        outer.addWidget(self.todo, 1)
        self.content.setLayout(outer)

    def set_welcome_visible(self, visible: bool) -> None:
        """The first-run explanation, until dismissed, while there is no data yet."""
        self._welcome_wanted = visible
        self.welcome.setVisible(visible and self.showing_empty_state)

    def set_data(
        self,
        counts: DataCounts,
        agenda: TodayAgenda,
        today: date,
        subjects: dict[int, str] | None = None,
        merged: tuple[TodayList, list[DueReminder]] | None = None,
    ) -> None:
        self.show_content(counts.applications > 0)
        self.set_welcome_visible(self._welcome_wanted)
        self.heading.setText(self.tr("Today — {day}").format(day=long_day(today)))
        self.todo.set_agenda(agenda, today, subjects or {}, merged)
        self.summary.setText(
            self.tr("%Ln active application(s)", "", counts.active_applications)
            + " · "
            + self.tr("%Ln interview(s) in the next 7 days", "", _interviews(self.todo.current))
        )
        current = self.todo.current
        log.info(
            "Today shows %d overdue, %d today, %d in the next 7 days",
            len(current.overdue),
            len(current.today),
            len(current.upcoming),
        )


def _interviews(listed: TodayList) -> int:
    return sum(1 for e in listed.entries() if e.item.kind == AgendaKind.INTERVIEW)
