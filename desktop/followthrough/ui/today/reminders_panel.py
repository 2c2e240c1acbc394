"""The in-app list of reminders that have fired and wait for the user.

Whatever happens to desktop notifications, this list shows every due item; each can be
marked done, snoozed, logged as a follow-up or opened from here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.snooze import SnoozeChoice
from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY
from followthrough.domain.wording import QT_TRANSLATE_NOOP
from followthrough.store.reminders import DueReminder
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.formatting import instant_text
from followthrough.ui.common.locale_words import DAY_TIME_EDIT, to_qdate
from followthrough.ui.common.reminder_kinds import (
    CALL_SHEET,
    LOG_FOLLOW_UP,
    REACH_REFERENCE,
    WRITE_NOTE,
    ReminderHandlers,
    kind_text,
)
from followthrough.ui.common.table_model import Column, RecordTableModel
from followthrough.ui.common.theme import kind_role
from followthrough.ui.common.widgets import record_table

SNOOZE_LABELS = {
    SnoozeChoice.FIFTEEN_MINUTES: QT_TRANSLATE_NOOP("reminders", "For 15 minutes"),
    SnoozeChoice.ONE_HOUR: QT_TRANSLATE_NOOP("reminders", "For 1 hour"),
    SnoozeChoice.TOMORROW_MORNING: QT_TRANSLATE_NOOP("reminders", "Until tomorrow morning"),
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
    open_reminder(object): open what the DueReminder is about (its feature decides).
    """

    done = Signal(int)
    snooze = Signal(int, object)
    snooze_until = Signal(int, object)
    log_follow_up = Signal(object)
    call_sheet = Signal(object)
    write_note = Signal(object)
    reach_reference = Signal(object)
    open_reminder = Signal(object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        # What "now" is (the window gives its clock; time is never read deep in the code).
        self.now: Callable[[], datetime] = lambda: datetime.fromtimestamp(0, UTC)
        super().__init__(parent)
        self._zone = zone
        self._handlers = ReminderHandlers()
        self.setObjectName("remindersPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("remindersHeading")
        layout.addWidget(self.heading)
        self.model: RecordTableModel[DueReminder] = RecordTableModel(self._columns(zone))
        self.table = record_table(self.model, "dueReminders", widths=(130, 90, 360))
        self.table.setMaximumHeight(180)
        self.table.activated.connect(lambda _i: self._open())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._fit_buttons())
        layout.addWidget(self.table)
        layout.addLayout(self._build_buttons())
        self.set_reminders([])

    def _columns(self, zone: ZoneInfo) -> list[Column[DueReminder]]:
        return [
            Column(
                self.tr("Due"), lambda r: instant_text(r.due_at, zone), sort_key=lambda r: r.due_at
            ),
            Column(
                self.tr("What"),
                lambda r: kind_text(r.kind),
                colour=lambda r: kind_role(r.kind),
            ),
            Column(self.tr("Reminder"), lambda r: r.title),
            Column(self.tr("Why"), lambda r: r.body),
        ]

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.clicked.connect(self._done)
        self.snooze_button = QPushButton(self.tr("S&nooze"))
        snooze_menu = QMenu(self.snooze_button)
        for choice, label in SNOOZE_LABELS.items():
            action = snooze_menu.addAction(QCoreApplication.translate("reminders", label))
            action.triggered.connect(lambda _c=False, ch=choice: self._snooze(ch))
        snooze_menu.addSeparator()
        snooze_menu.addAction(self.tr("Until a time I choose…"), self._snooze_until_chosen)
        self.snooze_button.setMenu(snooze_menu)
        self.log_button = QPushButton(self.tr("&Log a follow-up…"))
        self.log_button.clicked.connect(lambda: self._emit_selected(self.log_follow_up))
        self.call_button = QPushButton(self.tr("&Call sheet…"))
        self.call_button.clicked.connect(lambda: self._emit_selected(self.call_sheet))
        self.note_button = QPushButton(self.tr("&Write the note…"))
        self.note_button.setObjectName("writeNote")
        self.note_button.clicked.connect(lambda: self._emit_selected(self.write_note))
        self.reference_button = QPushButton(self.tr("&Write to them…"))
        self.reference_button.setObjectName("reachReference")
        self.reference_button.clicked.connect(lambda: self._emit_selected(self.reach_reference))
        self.open_button = QPushButton(self.tr("&Open"))
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
        return buttons

    def set_reminders(self, reminders: list[DueReminder]) -> None:
        self.model.set_rows(reminders)
        self.setVisible(bool(reminders))
        self.heading.setText(self.tr("<b>Reminders</b> — %Ln item(s) due", "", len(reminders)))
        if reminders:
            self.table.selectRow(0)
        self._fit_buttons()

    def use_handlers(self, handlers: ReminderHandlers) -> None:
        """Each feature's actions for its own reminders (the window's registry)."""
        self._handlers = handlers
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """Show the actions the selected reminder's feature offers (a note: the composer;
        a reference: the message to them; a follow-up: the log and the call sheet)."""
        reminder = self.selected()
        actions = self._handlers.actions(reminder) if reminder is not None else ()
        self.note_button.setVisible(WRITE_NOTE in actions)
        self.reference_button.setVisible(REACH_REFERENCE in actions)
        self.log_button.setVisible(LOG_FOLLOW_UP in actions)
        self.call_button.setVisible(CALL_SHEET in actions)

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
        start = suggested_snooze(now, zone)
        editor = QDateTimeEdit(_qdatetime(start))
        editor.setObjectName("snoozeUntil")
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(DAY_TIME_EDIT)
        editor.setDateRange(to_qdate(EARLIEST_DAY), to_qdate(LATEST_DAY))
        editor.setMinimumDateTime(_qdatetime(now.astimezone(zone)))
        question = QCoreApplication.translate(
            "reminders", "Remind me again about “{title}” on:"
        ).format(title=reminder.title)
        title = QCoreApplication.translate("reminders", "Snooze until")

        def chosen() -> datetime:
            picked = editor.dateTime()
            day, at = picked.date(), picked.time()
            local = datetime(
                day.year(), day.month(), day.day(), at.hour(), at.minute(), tzinfo=zone
            )
            return max(local.astimezone(UTC), now + timedelta(minutes=1))

        # At least this wide: the title bar shows the whole title.
        return Ask.with_editor(parent, title, question, editor, chosen, minimum_width=380)

    def _open(self) -> None:
        reminder = self.selected()
        if reminder is not None:
            self.open_reminder.emit(reminder)
