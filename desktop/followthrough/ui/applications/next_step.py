"""The "What's next" header of an application: the next step, its day, why, and the
button that does it (the same step the list and Today show: ``store.next_steps``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from followthrough.domain.debriefs.reminders import FEATURE as DEBRIEF_FEATURE
from followthrough.domain.follow_up_reminders import EMAIL, reminder_channel
from followthrough.domain.next_action import NextAction, Waiting, waiting
from followthrough.domain.preparation.reminders import FEATURE as PREP_FEATURE
from followthrough.domain.rejection import PlaybookProgress
from followthrough.domain.reminder_kinds import Feature, ReminderKind, feature_of
from followthrough.domain.today import TodayEntry
from followthrough.store.applications import application_summaries
from followthrough.store.next_steps import first_items
from followthrough.store.rejection import load_playbook_progress
from followthrough.store.reminders import DueReminder
from followthrough.ui.common.formatting import when_text
from followthrough.ui.common.reminder_kinds import kind_text
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import ColourRole, colour_text, kind_role
from followthrough.ui.rejection.words import progress_words
from followthrough.ui.today.model import due_reminder


@dataclass(frozen=True)
class NextStep:
    """An application's next step, the Today item it comes from (None: the stage's
    advice) and how long the user has been waiting to hear back."""

    action: NextAction
    entry: TodayEntry | None
    waiting: Waiting | None
    today: date
    # After a rejection, while the playbook has steps left: how far it is.
    playbook: PlaybookProgress | None = None


def load_next_step(application_id: int, now: datetime, zone: ZoneInfo) -> NextStep:
    """Runs off the GUI thread: the list's row of this application and its first item."""
    today = now.astimezone(zone).date()
    firsts = first_items(now, zone, application_id)
    rows = application_summaries(now, zone, application_id, firsts)
    entry = firsts.get(application_id)
    if not rows:
        return NextStep(NextAction(""), None, None, today)
    row = rows[0]
    action = row.next_action
    return NextStep(
        action,
        entry if action.text else None,
        waiting(row.stage, action, row.applied_on, row.last_contact, today),
        today,
        load_playbook_progress(application_id),
    )


# What the header's button does, by the step's feature (as Today's actions for it).
WRITE_NOTE, MESSAGE_REFERENCE, CALL, SHOW_INTERVIEWS = "note", "reference", "call", "interviews"
LOG = "log"
DEBRIEF = "debrief"
PREPARE = "prepare"
PLAYBOOK = "playbook"


def step_feature(entry: TodayEntry | None) -> str | None:
    """The feature the step's Today item belongs to (None: an interview, advice)."""
    if entry is None or entry.item.interview_id is not None:
        return None
    return feature_of(entry.item.kind, entry.item.subject_key)


def step_action(entry: TodayEntry | None) -> str | None:
    if entry is None:
        return None
    if entry.item.interview_id is not None:
        return SHOW_INTERVIEWS
    feature = step_feature(entry)
    if feature == Feature.FOLLOW_UP:
        # An e-mail follow-up is logged once written; the call sheet is for a call.
        return LOG if reminder_channel(entry.item.params) == EMAIL else CALL
    by_feature: dict[str, str] = {
        Feature.NOTE: WRITE_NOTE,
        Feature.REFERENCE: MESSAGE_REFERENCE,
        DEBRIEF_FEATURE: DEBRIEF,
        PREP_FEATURE: PREPARE,
    }
    return by_feature.get(feature or "")


def header_action(step: NextStep) -> str | None:
    """What the header's button does: the step's own action, else (after a rejection,
    with steps left) opening the playbook; the "look at the company again" reminder is
    one of those steps, so it opens the playbook too."""
    own = step_action(step.entry) if step.action.text else None
    if own is None and step.playbook is not None:
        return PLAYBOOK
    return own


class NextStepHeader(QFrame):
    """Signals:
    act(str, object): do the step: one of the actions above, with the DueReminder it
        comes from (None for an interview).
    """

    act = Signal(str, object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._step: NextStep | None = None
        self.setObjectName("whatsNext")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        title = QLabel(self.tr("<b>What's next</b>"))
        self.kind = QLabel()
        self.text = plain_label(wrap=True)
        self.text.setObjectName("whatsNextText")
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        self.when = plain_label()
        self.when.setObjectName("whatsNextWhen")
        self.why = plain_label(wrap=True)
        self.why.setObjectName("whatsNextWhy")
        self.why.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.wait = plain_label(wrap=True)
        self.wait.setObjectName("whatsNextWaiting")
        self.wait.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        colour_text(self.wait, ColourRole.MUTED)
        self.after_no = plain_label(wrap=True)
        self.after_no.setObjectName("whatsNextPlaybook")
        self.after_no.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.button = QPushButton()
        self.button.setObjectName("whatsNextButton")
        self.button.clicked.connect(self._act)
        grid.addWidget(title, 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.when, 0, 2)
        grid.addWidget(self.text, 1, 0, 1, 3)
        grid.addWidget(self.why, 2, 0, 1, 3)
        grid.addWidget(self.wait, 3, 0, 1, 3)
        grid.addWidget(self.after_no, 5, 0, 1, 4)
        grid.addWidget(self.button, 0, 3, 2, 1)
        grid.setColumnStretch(2, 1)
        self.grid = grid
        self.hide()

    def add_line(self, label: QLabel) -> None:
        """A line under the step (the follow-up planned after it), in muted text."""
        colour_text(label, ColourRole.MUTED)
        self.grid.addWidget(label, 4, 0, 1, 4)

    def set_step(self, step: NextStep) -> None:
        self._step = step
        action = step.action
        self.setVisible(bool(action.text) or step.playbook is not None)
        self.text.setText(action.text)
        self.text.setVisible(bool(action.text))
        label = kind_text(action.kind) if action.kind else ""
        # "Interview" said once, not as its kind and again as the step.
        self.kind.setText("" if label == action.text else label)
        colour_text(self.kind, kind_role(action.kind) if action.kind else None)
        self.when.setText(self._when(action, step.today))
        colour_text(self.when, ColourRole.ERROR if action.overdue else None)
        self.why.setText(action.why)
        self.why.setVisible(bool(action.why))
        self.wait.setText(self._waiting_text(step.waiting))
        self.wait.setVisible(step.waiting is not None)
        self.after_no.setText(progress_words(step.playbook) if step.playbook else "")
        self.after_no.setVisible(step.playbook is not None)
        button = self._button_text(header_action(step))
        if step.entry is not None and step.entry.item.kind == ReminderKind.NETWORK_CHECK_IN:
            button = self.tr("Check in…")  # a network contact, not a reference
        self.button.setText(button)
        self.button.setVisible(bool(button))

    def _when(self, action: NextAction, today: date) -> str:
        when = when_text(action.due_at, action.due_day, self._zone)
        if not when:
            return ""
        if action.overdue:
            return self.tr("{when} — overdue").format(when=when)
        if action.due_day == today:
            return self.tr("{when} — today").format(when=when)
        return when

    def _waiting_text(self, wait: Waiting | None) -> str:
        if wait is None:
            return ""
        weeks = wait.days // 7
        if wait.days == 0:
            since = (
                self.tr("Your last contact was today.")
                if wait.since_contact
                else self.tr("You applied today.")
            )
        elif wait.since_contact:
            since = (
                self.tr("Your last contact was %n week(s) ago.", "", weeks)
                if weeks >= 2
                else self.tr("Your last contact was %n day(s) ago.", "", wait.days)
            )
        else:
            since = (
                self.tr("You applied %n week(s) ago.", "", weeks)
                if weeks >= 2
                else self.tr("You applied %n day(s) ago.", "", wait.days)
            )
        if wait.within_usual_wait:
            advice = self.tr(
                "Hearing back often takes four to six weeks, so silence is not an answer "
                "yet: keep applying elsewhere meanwhile."
            )
        else:
            advice = self.tr(
                "That is longer than the usual four to six weeks: one more follow-up, then "
                "put your energy into other applications."
            )
        return f"{since} {advice}"

    def _button_text(self, action: str | None) -> str:
        texts: dict[str | None, Callable[[], str]] = {
            WRITE_NOTE: lambda: self.tr("Write the note…"),
            MESSAGE_REFERENCE: lambda: self.tr("Message the reference…"),
            # The header's own "Call sheet…" and "Log a follow-up…" give way to these
            # (one button each), so they keep their Alt+letters.
            CALL: lambda: self.tr("C&all sheet…"),
            LOG: lambda: self.tr("Log a &follow-up…"),
            SHOW_INTERVIEWS: lambda: self.tr("Show the interview"),
            # The debrief's own reminder, or a skill from it to practise.
            DEBRIEF: lambda: self.tr("Open the debrief…"),
            PREPARE: lambda: self.tr("Prepare…"),
            # The application's own "Keep the door open…" gives way to this one.
            PLAYBOOK: lambda: self.tr("&Keep the door open…"),
        }
        make = texts.get(action)
        return make() if make is not None else ""

    @property
    def entry(self) -> TodayEntry | None:
        """The Today item the shown step comes from (None: the stage's advice)."""
        return self._step.entry if self._step is not None else None

    def reminder(self) -> DueReminder | None:
        entry = self.entry
        return due_reminder(entry) if entry is not None else None

    def _act(self) -> None:
        action = header_action(self._step) if self._step is not None else None
        if action is not None:
            self.act.emit(action, self.reminder())
