"""The in-app list of reminders that have fired and wait for the user.

Whatever happens to desktop notifications, this list shows every due item; each can be
marked done, snoozed, logged as a follow-up or opened from here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.agenda import KIND_LABELS
from followthrough.domain.snooze import SnoozeChoice
from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY
from followthrough.domain.wording import plural
from followthrough.store.notes import parse_subject_key
from followthrough.store.references import is_reference_reminder
from followthrough.store.reminders import DueReminder
from followthrough.ui.common.formatting import instant_text
from followthrough.ui.common.forms import to_qdate
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.text import plain_label
from followthrough.ui.common.theme import kind_role
from followthrough.ui.common.widgets import record_table

SNOOZE_LABELS = {
    SnoozeChoice.FIFTEEN_MINUTES: "For 15 minutes",
    SnoozeChoice.ONE_HOUR: "For 1 hour",
    SnoozeChoice.TOMORROW_MORNING: "Until tomorrow morning",
}


def suggested_snooze(now: datetime, zone: ZoneInfo) -> datetime:
    """An hour from ``now``, up to the next quarter hour, on ``zone``'s clock."""
    local = (now + timedelta(hours=1)).astimezone(zone).replace(second=0, microsecond=0)
    return local + timedelta(minutes=(15 - local.minute % 15) % 15)


def _qdatetime(local: datetime) -> QDateTime:
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


class RemindersPanel(QFrame):
    """Signals:
    done(int): a reminder id was marked done.
    snooze(int, object): a reminder id and a SnoozeChoice.
    snooze_until(int, object): a reminder id and the aware datetime the user chose.
    log_follow_up(object): log a touchpoint for this DueReminder.
    call_sheet(object): open the call sheet for this DueReminder.
    write_note(object): open the thank-you note this DueReminder is about.
    reach_reference(object): open the message to the reference this DueReminder is about.
    open_application(int): open the reminder's application.
    """

    done = Signal(int)
    snooze = Signal(int, object)
    snooze_until = Signal(int, object)
    log_follow_up = Signal(object)
    call_sheet = Signal(object)
    write_note = Signal(object)
    reach_reference = Signal(object)
    open_application = Signal(int)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        # What "now" is (the window gives its clock; time is never read deep in the code).
        self.now: Callable[[], datetime] = lambda: datetime.fromtimestamp(0, UTC)
        super().__init__(parent)
        self._zone = zone
        self.setObjectName("remindersPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("remindersHeading")
        layout.addWidget(self.heading)
        self.model: RecordTableModel[DueReminder] = RecordTableModel(
            [
                Column("Due", lambda r: instant_text(r.due_at, zone), sort_key=lambda r: r.due_at),
                Column(
                    "What",
                    lambda r: KIND_LABELS.get(r.kind, r.kind),
                    colour=lambda r: kind_role(r.kind),
                ),
                Column("Reminder", lambda r: r.title),
                Column("Why", lambda r: r.body),
            ]
        )
        self.table = record_table(self.model, "dueReminders", widths=(130, 90, 360))
        self.table.setMaximumHeight(180)
        self.table.activated.connect(lambda _i: self._open())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._fit_buttons())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.done_button = QPushButton("&Done")
        self.done_button.clicked.connect(self._done)
        self.snooze_button = QPushButton("S&nooze")
        snooze_menu = QMenu(self.snooze_button)
        for choice, label in SNOOZE_LABELS.items():
            action = snooze_menu.addAction(label)
            action.triggered.connect(lambda _c=False, ch=choice: self._snooze(ch))
        snooze_menu.addSeparator()
        snooze_menu.addAction("Until a time I choose…", self._snooze_until_chosen)
        self.snooze_button.setMenu(snooze_menu)
        self.log_button = QPushButton("&Log a follow-up…")
        self.log_button.clicked.connect(lambda: self._emit_selected(self.log_follow_up))
        self.call_button = QPushButton("&Call sheet…")
        self.call_button.clicked.connect(lambda: self._emit_selected(self.call_sheet))
        self.note_button = QPushButton("&Write the note…")
        self.note_button.setObjectName("writeNote")
        self.note_button.clicked.connect(lambda: self._emit_selected(self.write_note))
        self.reference_button = QPushButton("&Write to them…")
        self.reference_button.setObjectName("reachReference")
        self.reference_button.clicked.connect(lambda: self._emit_selected(self.reach_reference))
        self.open_button = QPushButton("&Open")
        self.open_button.clicked.connect(self._open)
        for button in (
            self.done_button,
            self.snooze_button,
            self.log_button,
            self.call_button,
            self.note_button,
            self.reference_button,
            self.open_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.set_reminders([])

    def set_reminders(self, reminders: list[DueReminder]) -> None:
        self.model.set_rows(reminders)
        self.setVisible(bool(reminders))
        self.heading.setText(f"<b>Reminders</b> — {plural(len(reminders), 'item')} due")
        if reminders:
            self.table.selectRow(0)
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """A note reminder offers the composer, a reference reminder the message to them;
        a follow-up offers the log and the call."""
        reminder = self.selected()
        about_note = reminder is not None and is_note_subject(reminder.subject_key)
        about_reference = reminder is not None and is_reference_reminder(reminder)
        self.note_button.setVisible(about_note)
        self.reference_button.setVisible(about_reference)
        self.log_button.setVisible(not (about_note or about_reference))
        self.call_button.setVisible(not (about_note or about_reference))

    def selected(self) -> DueReminder | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def _emit_selected(self, signal: SignalInstance) -> None:
        reminder = self.selected()
        if reminder is not None:
            signal.emit(reminder)

    def _done(self) -> None:
        reminder = self.selected()
        if reminder is not None:
            self.done.emit(reminder.reminder_id)

    def _snooze(self, choice: SnoozeChoice) -> None:
        reminder = self.selected()
        if reminder is not None:
            self.snooze.emit(reminder.reminder_id, choice)

    def _snooze_until_chosen(self) -> None:
        reminder = self.selected()
        if reminder is None:
            return
        until = self.ask_snooze_time(self, reminder, self._zone, self.now())
        if until is not None:
            self.snooze_until.emit(reminder.reminder_id, until)

    @staticmethod
    def ask_snooze_time(
        parent: QWidget, reminder: DueReminder, zone: ZoneInfo, now: datetime
    ) -> datetime | None:
        """Asks for a date and time after ``now`` (tests replace this); None when cancelled.

        It starts an hour from now (on the quarter hour) and takes nothing earlier than
        now: a time already past would only show the reminder again at once."""
        dialog = QDialog(parent)
        dialog.setWindowTitle("Snooze until")
        dialog.setMinimumWidth(380)  # the title bar shows the whole title
        layout = QVBoxLayout(dialog)
        layout.addWidget(plain_label(f"Remind me again about “{reminder.title}” on:", wrap=True))
        start = suggested_snooze(now, zone)
        editor = QDateTimeEdit(_qdatetime(start))
        editor.setObjectName("snoozeUntil")
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("ddd yyyy-MM-dd HH:mm")
        editor.setDateRange(to_qdate(EARLIEST_DAY), to_qdate(LATEST_DAY))
        editor.setMinimumDateTime(_qdatetime(now.astimezone(zone)))
        layout.addWidget(editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = editor.dateTime()
        day, at = chosen.date(), chosen.time()
        local = datetime(day.year(), day.month(), day.day(), at.hour(), at.minute(), tzinfo=zone)
        return max(local.astimezone(UTC), now + timedelta(minutes=1))

    def _open(self) -> None:
        reminder = self.selected()
        if reminder is not None and is_note_subject(reminder.subject_key):
            self.write_note.emit(reminder)
        elif reminder is not None and is_reference_reminder(reminder):
            self.reach_reference.emit(reminder)
        elif reminder is not None and reminder.application_id is not None:
            self.open_application.emit(reminder.application_id)


def is_note_subject(subject_key: str) -> bool:
    return parse_subject_key(subject_key) is not None
