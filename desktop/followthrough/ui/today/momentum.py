"""Today's momentum line: a calm word when too much hangs on too few applications, and the
week's new applications against the user's goal (docs/advice.md, Keeping momentum)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from followthrough.domain.momentum import MomentumWarning, WarningKind, WeeklyGoal
from followthrough.domain.wording import short_day
from followthrough.ui.common.locale_words import number_text
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text


class MomentumBox(QFrame):
    """The warning (with a button to add an application) and the weekly goal line; hidden
    when there is nothing to say.

    Signals:
        add_application(): the user wants to add an application.
    """

    add_application = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("momentum")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.warning_row = QWidget()
        row = QHBoxLayout(self.warning_row)
        row.setContentsMargins(0, 0, 0, 0)
        # The company is the user's text: never read as markup.
        self.warning = plain_label(wrap=True)
        self.warning.setObjectName("momentumWarning")
        colour_text(self.warning, ColourRole.ADVICE)
        self.add_button = QPushButton(self.tr("Add an application"))
        self.add_button.setObjectName("momentumAdd")
        self.add_button.clicked.connect(self.add_application)
        row.addWidget(self.warning, 1)
        row.addWidget(self.add_button)
        self.goal = plain_label()
        self.goal.setObjectName("momentumGoal")
        layout.addWidget(self.warning_row)
        layout.addWidget(self.goal)
        self.show_momentum(None, None)

    def show_momentum(self, warning: MomentumWarning | None, goal: WeeklyGoal | None) -> None:
        """Say what there is to say; a cleared warning or goal disappears."""
        self.warning.setText(self._warning_text(warning) if warning else "")
        self.warning_row.setVisible(warning is not None)
        # After accepting an offer, no nudge to add more.
        self.add_button.setVisible(warning is not None and warning.kind is not WarningKind.ACCEPTED)
        self.goal.setText(self._goal_text(goal) if goal else "")
        colour_text(self.goal, ColourRole.SUCCESS if goal and goal.reached else None)
        self.goal.setVisible(goal is not None)
        self.setVisible(warning is not None or goal is not None)

    def _warning_text(self, warning: MomentumWarning) -> str:
        if warning.kind is WarningKind.ACCEPTED:
            if warning.start is None:
                return self.tr(
                    "You accepted {company}'s offer. Keep your other applications open "
                    "until your first day: an accepted offer can still fall through."
                ).format(company=warning.company)
            return self.tr(
                "You accepted {company}'s offer, starting {day}. Keep your other "
                "applications open until then: an accepted offer can still fall through."
            ).format(company=warning.company, day=short_day(warning.start))
        if warning.kind is WarningKind.ONE_PROCESS:
            return self.tr(
                "A lot rides on {company}: keep applying elsewhere until your first day; "
                "a second offer gives you leverage."
            ).format(company=warning.company)
        if warning.active == 0:
            return self.tr("No application in progress: applying to a few keeps your options open.")
        return self.tr(
            "In progress: {active} of the {wanted} applications you aim for. Keep applying "
            "elsewhere while you wait."
        ).format(active=number_text(warning.active), wanted=number_text(warning.wanted))

    def _goal_text(self, goal: WeeklyGoal) -> str:
        if goal.reached:
            return self.tr("New applications this week: {done} of {goal}, goal reached ✓").format(
                done=number_text(goal.done), goal=number_text(goal.goal)
            )
        return self.tr("New applications this week: {done} of {goal}").format(
            done=number_text(goal.done), goal=number_text(goal.goal)
        )
