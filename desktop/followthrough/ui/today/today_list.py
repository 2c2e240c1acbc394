"""Today's one list of what to do, and the actions on the item chosen in it.

One view over ``TodayModel``: sections Overdue / Today / Coming up, each item once (a
fired reminder and its agenda entry are one; see ``domain.today``). The row chosen gets
its feature's actions (the ``ReminderHandler``s), Done and Snooze; Enter or a double
click opens it where it belongs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QPoint,
    Qt,
    QTime,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from followthrough.domain.agenda import AgendaItem, TodayAgenda
from followthrough.domain.reminder_kinds import ReminderKind
from followthrough.domain.snooze import SnoozeChoice
from followthrough.domain.today import TodayEntry, TodayList, today_list
from followthrough.domain.two_clocks import UserHours, remind_from
from followthrough.domain.validation import EARLIEST_DAY, LATEST_DAY
from followthrough.domain.wording import QT_TRANSLATE_NOOP
from followthrough.store.reminders import DueReminder, agenda_item
from followthrough.ui.common.ask import Ask
from followthrough.ui.common.locale_words import DAY_TIME_EDIT, to_qdate
from followthrough.ui.common.reminder_kinds import (
    CALL_SHEET,
    LOG_FOLLOW_UP,
    OPEN_ITEM,
    REACH_REFERENCE,
    WRITE_NOTE,
    ReminderHandlers,
    kind_column_width,
)
from followthrough.ui.common.text import plain_label
from followthrough.ui.today.model import (
    ACTIONS,
    KIND,
    SUBJECT,
    TODO,
    WHEN,
    WHY,
    TodayModel,
    due_reminder,
)
from followthrough.ui.today.row_actions import RowAction, RowActionsDelegate

SNOOZE_LABELS = {
    SnoozeChoice.FIFTEEN_MINUTES: QT_TRANSLATE_NOOP("reminders", "For 15 minutes"),
    SnoozeChoice.ONE_HOUR: QT_TRANSLATE_NOOP("reminders", "For 1 hour"),
    SnoozeChoice.TOMORROW_MORNING: QT_TRANSLATE_NOOP("reminders", "Until tomorrow morning"),
}
DONE_KEYS = "Ctrl+D"
SNOOZE_KEYS = "Ctrl+L"
# Below this width of the list, "Why" gives its room to the row's actions: the chosen
# item's why is in full under the list.
WHY_SHOWN_FROM = 1200


def suggested_snooze(now: datetime, zone: ZoneInfo, hours: UserHours | None = None) -> datetime:
    """An hour from ``now``, up to the next quarter hour, on ``zone``'s clock; with the
    user's ``hours``, inside them: before they start, their start that day; after they
    end, their start the next morning."""
    local = (now + timedelta(hours=1)).astimezone(zone).replace(second=0, microsecond=0)
    local += timedelta(minutes=(15 - local.minute % 15) % 15)
    if hours is None:
        return local
    return remind_from(local, zone, hours).astimezone(zone)


def _qdatetime(local: datetime) -> QDateTime:
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


class TodayListView(QFrame):
    """Signals:
    done(int): a reminder id was marked done.
    snooze(int, object): a reminder id and a SnoozeChoice.
    snooze_until(int, object): a reminder id and the aware datetime the user chose.
    log_follow_up(object): log a touchpoint for this DueReminder.
    call_sheet(object): open the call sheet for this DueReminder.
    write_note(object): open the thank-you note this DueReminder is about.
    reach_reference(object): open the message to the reference this DueReminder is about.
    open_reminder(object): open what the DueReminder is about (its feature decides).
    item_activated(object): open an AgendaItem that is not a reminder (an interview).
    """

    done = Signal(int)
    snooze = Signal(int, object)
    snooze_until = Signal(int, object)
    log_follow_up = Signal(object)
    call_sheet = Signal(object)
    write_note = Signal(object)
    reach_reference = Signal(object)
    open_reminder = Signal(object)
    item_activated = Signal(object)

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        # What "now" is (the window gives its clock; time is never read deep in the code).
        self.now: Callable[[], datetime] = lambda: datetime.fromtimestamp(0, UTC)
        # When the user may be reminded (the window gives its settings with each load).
        self.hours = UserHours()
        super().__init__(parent)
        self._zone = zone
        self._handlers = ReminderHandlers()
        self._fired: list[DueReminder] = []
        self._told: list[DueReminder] | None = None  # the scheduler's, once it has spoken
        self._agenda = TodayAgenda([], [], [])
        self._today: date | None = None
        self._subjects: dict[int, str] = {}
        self.current = TodayList()
        self.setObjectName("todayList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = TodayModel(zone, self)
        self.view = self._build_view()
        layout.addWidget(self.view, 1)
        # The chosen item in full (a narrow window cuts the columns short).
        self.detail = plain_label(wrap=True)
        self.detail.setObjectName("todayDetail")
        layout.addWidget(self.detail)
        layout.addLayout(self._build_buttons())
        QShortcut(QKeySequence(DONE_KEYS), self, self._done)
        QShortcut(QKeySequence(SNOOZE_KEYS), self, self._show_snooze_menu)
        self._fit_buttons()

    def _build_view(self) -> QTableView:
        view = QTableView()
        view.setObjectName("todayItems")
        view.setModel(self.model)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vertical = view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        kind_width = kind_column_width(view.fontMetrics())
        for column, width in ((WHEN, 130), (KIND, kind_width), (SUBJECT, 200)):
            view.setColumnWidth(column, width)
        self.row_actions = RowActionsDelegate(self._row_actions, view)
        view.setItemDelegateForColumn(ACTIONS, self.row_actions)
        header.setSectionResizeMode(ACTIONS, QHeaderView.ResizeMode.Fixed)
        view.setColumnWidth(ACTIONS, self.row_actions.set_slots(self._action_slots()))
        # What to do and why share the rest: both in sight at 1100 pixels as at 1920.
        for column in (TODO, WHY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        view.activated.connect(lambda _i: self.open_selected())
        view.selectionModel().selectionChanged.connect(lambda *_a: self._fit_buttons())
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        return view

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.setToolTip(self.tr("Mark it done ({keys})").format(keys=DONE_KEYS))
        self.done_button.clicked.connect(self._done)
        self.snooze_button = QPushButton(self.tr("S&nooze"))
        self.snooze_button.setToolTip(
            self.tr("Remind me again later ({keys})").format(keys=SNOOZE_KEYS)
        )
        self.snooze_menu = self._snooze_menu(self.snooze_button)
        self.snooze_button.setMenu(self.snooze_menu)
        self.log_button = QPushButton(self.tr("&Log a follow-up…"))
        self.log_button.clicked.connect(lambda: self._emit_selected(self.log_follow_up))
        self.call_button = QPushButton(self.tr("&Call sheet…"))
        self.call_button.clicked.connect(lambda: self._emit_selected(self.call_sheet))
        self.note_button = QPushButton(self.tr("&Write the note…"))
        self.note_button.setObjectName("writeNote")
        self.note_button.clicked.connect(lambda: self._emit_selected(self.write_note))
        self.reference_button = QPushButton(self.tr("&Message the reference…"))
        self.reference_button.setObjectName("reachReference")
        self.reference_button.clicked.connect(lambda: self._emit_selected(self.reach_reference))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open it where it belongs (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        for button in self._action_buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _action_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.note_button,
            self.reference_button,
            self.call_button,
            self.log_button,
            self.done_button,
            self.snooze_button,
            self.open_button,
        )

    def _snooze_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for choice, label in SNOOZE_LABELS.items():
            action = menu.addAction(QCoreApplication.translate("reminders", label))
            action.triggered.connect(lambda _c=False, ch=choice: self._snooze(ch))
        menu.addSeparator()
        menu.addAction(self.tr("Until a time I choose…"), self._snooze_until_chosen)
        return menu

    # -- the actions in each row --------------------------------------------------------

    def _primary_actions(self) -> tuple[tuple[str, str, str, SignalInstance], ...]:
        """(handler action, word in the row, what it does, signal), most specific first."""
        return (
            (WRITE_NOTE, self.tr("Note…"), self.tr("Write the note"), self.write_note),
            (
                REACH_REFERENCE,
                self.tr("Message…"),
                self.tr("Message the reference"),
                self.reach_reference,
            ),
            (CALL_SHEET, self.tr("Call…"), self.tr("Open the call sheet"), self.call_sheet),
            (LOG_FOLLOW_UP, self.tr("Log…"), self.tr("Log a follow-up"), self.log_follow_up),
        )

    def _done_label(self) -> str:
        return self.tr("Done")

    def _snooze_label(self) -> str:
        return self.tr("Snooze ▾")

    def _action_slots(self) -> list[list[str]]:
        """What each slot of a row's buttons may say: the feature's action (or Open),
        Done, Snooze."""
        primary = [word for _a, word, _w, _s in self._primary_actions()]
        return [[*primary, self.tr("Open")], [self._done_label()], [self._snooze_label()]]

    def _row_actions(self, entry: TodayEntry) -> list[RowAction]:
        """The buttons in an item's row: its feature's first action, Done and Snooze (an
        interview or a decision date: Open)."""
        reminder = due_reminder(entry)
        open_row = RowAction(self.tr("Open"), self._open_entry, self.tr("Open it (Enter)"))
        if reminder is None:
            return [open_row]
        offered = self._handlers.actions(reminder)
        network = reminder.kind == ReminderKind.NETWORK_CHECK_IN
        row = [
            RowAction(
                word,
                self._emitting(signal),
                self.tr("Check in with them") if network and action == REACH_REFERENCE else what,
            )
            for action, word, what, signal in self._primary_actions()
            if action in offered
        ][:1]
        if not row and OPEN_ITEM in offered:
            row = [open_row]
        return [
            *row,
            RowAction(
                self._done_label(),
                lambda e, _at: self._select_then(e, self._done),
                self.tr("Mark it done ({keys})").format(keys=DONE_KEYS),
                slot=1,
            ),
            RowAction(
                self._snooze_label(),
                lambda e, at: self._select_then(e, lambda: self.snooze_menu.popup(at)),
                self.tr("Remind me again later ({keys})").format(keys=SNOOZE_KEYS),
                slot=2,
            ),
        ]

    def _emitting(self, signal: SignalInstance) -> Callable[[TodayEntry, QPoint], None]:
        return lambda entry, _at: self._select_then(entry, lambda: self._emit_selected(signal))

    def _open_entry(self, entry: TodayEntry, _at: QPoint) -> None:
        self._select_then(entry, self.open_selected)

    def _select_then(self, entry: TodayEntry, run: Callable[[], None]) -> None:
        self.select(entry)
        run()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.setColumnHidden(WHY, self.view.width() < WHY_SHOWN_FROM)

    # -- data in -------------------------------------------------------------------------

    def set_agenda(
        self,
        agenda: TodayAgenda,
        today: date,
        subjects: dict[int, str],
        merged: tuple[TodayList, list[DueReminder]] | None = None,
    ) -> None:
        """What the agenda holds for Today (overdue, today, the next seven days); with
        ``merged``, the list already made from it and the fired reminders (by the load,
        off the GUI thread)."""
        self._agenda, self._today, self._subjects = agenda, today, subjects
        listed = None
        if merged is not None:
            # The scheduler's word on what has fired is the latest (a load may have read
            # before a reminder fired): the load's list serves when they agree.
            told = self._told
            if told is None or _fired_key(told) == _fired_key(merged[1]):
                listed, self._fired = merged[0], list(merged[1])
        self._rebuild(listed)

    def set_reminders(self, reminders: list[DueReminder]) -> None:
        """The reminders that have fired and wait for the user (from the scheduler)."""
        self._told = list(reminders)
        if _fired_key(reminders) == _fired_key(self._fired) and self._today is not None:
            self._fired = list(reminders)
            return  # the list shows these already
        self._fired = list(reminders)
        self._rebuild()

    def _rebuild(self, listed: TodayList | None = None) -> None:
        today = self._today or self.now().astimezone(self._zone).date()
        chosen = self.selected_entry()
        chosen_row = self.view.currentIndex().row()
        self.current = listed or build_list(
            self._fired, self._agenda, today, self.now(), self._zone
        )
        self.model.set_list(self.current, today, self._subjects)
        self.view.clearSpans()
        for row, _section, _count in self.model.heading_rows():
            # A section's heading reads across the whole row.
            self.view.setSpan(row, 0, 1, self.model.columnCount())
        index = self.model.index_of(chosen) if chosen is not None else None
        if index is None or not index.isValid():
            # The chosen item went (done, snoozed): the one now in its place, so the
            # next Done or Snooze goes on down the list rather than back to its top.
            index = self._entry_near(chosen_row)
        if index is not None and index.isValid():
            self.view.setCurrentIndex(index)
        self._fit_buttons()

    def _entry_near(self, row: int) -> QModelIndex | None:
        """The item at ``row`` or, past a heading or the end, the nearest one after it
        (else before it); None in an empty list."""
        # Walked outwards from ``row``: it is nearly always that row or the next (every
        # row was looked at before: 0.2 s of the GUI thread per rebuild at 10,000).
        count = self.model.rowCount()
        for candidates in (range(max(row, 0), count), range(min(row, count) - 1, -1, -1)):
            for candidate in candidates:
                index = self.model.index(candidate, 0)
                if self.model.entry_at(index):
                    return index
        return None

    def use_handlers(self, handlers: ReminderHandlers) -> None:
        """Each feature's actions for its own reminders (the window's registry)."""
        self._handlers = handlers
        self._fit_buttons()

    # -- the chosen item -----------------------------------------------------------------

    def selected_entry(self) -> TodayEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry_at(rows[0]) if rows else None

    def selected(self) -> DueReminder | None:
        """The chosen item as a reminder (None: nothing chosen, or not a reminder)."""
        entry = self.selected_entry()
        return due_reminder(entry) if entry is not None else None

    def select(self, entry: TodayEntry) -> None:
        self.view.setCurrentIndex(self.model.index_of(entry))

    def listed_reminder(self, reminder_id: int) -> DueReminder | None:
        """The listed reminder with this id (fired or not), its words as shown."""
        for entry in self.model.entries():
            if entry.item.reminder_id == reminder_id:
                return due_reminder(entry)
        return None

    def fired(self) -> list[DueReminder]:
        """The listed reminders that have fired (each as the handlers take it)."""
        return [r for e in self.model.entries() if e.fired and (r := due_reminder(e))]

    def select_reminder(self, reminder_id: int) -> None:
        for entry in self.model.entries():
            if entry.item.reminder_id == reminder_id:
                self.select(entry)
                return

    def _fit_buttons(self) -> None:
        """Show the actions the chosen item's feature offers (a note: the composer; a
        reference: the message to them; a follow-up: the log and the call sheet)."""
        entry = self.selected_entry()
        reminder = due_reminder(entry) if entry is not None else None
        actions = self._handlers.actions(reminder) if reminder is not None else ()
        self.note_button.setVisible(WRITE_NOTE in actions)
        self.reference_button.setVisible(REACH_REFERENCE in actions)
        # A network contact is no reference: the button says what it does for them.
        self.reference_button.setText(
            self.tr("Chec&k in…")
            if reminder is not None and reminder.kind == ReminderKind.NETWORK_CHECK_IN
            else self.tr("&Message the reference…")
        )
        self.log_button.setVisible(LOG_FOLLOW_UP in actions)
        self.call_button.setVisible(CALL_SHEET in actions)
        self.detail.setText(self._detail_text(entry))
        self.done_button.setEnabled(reminder is not None)
        self.snooze_button.setEnabled(reminder is not None)
        self.open_button.setEnabled(entry is not None)

    def _detail_text(self, entry: TodayEntry | None) -> str:
        if entry is None:
            return ""
        index = self.model.index_of(entry)
        todo, why = (index.siblingAtColumn(c).data() or "" for c in (TODO, WHY))
        return f"{todo} — {why}" if why else todo

    def _context_menu(self, at: QPoint) -> None:
        """The chosen item's actions, where it was clicked."""
        entry = self.model.entry_at(self.view.indexAt(at))
        if entry is None:
            return
        self.select(entry)
        menu = QMenu(self)
        for button in self._action_buttons():
            if button.isVisibleTo(self) and button.isEnabled() and button is not self.snooze_button:
                menu.addAction(button.text(), button.click)
        if self.snooze_button.isEnabled():
            menu.addMenu(self._snooze_menu(menu)).setText(self.snooze_button.text())
        menu.popup(self.view.viewport().mapToGlobal(at))

    def _show_snooze_menu(self) -> None:
        if self.selected() is None:
            return
        rect = self.view.visualRect(self.view.currentIndex())
        self.snooze_menu.popup(self.view.viewport().mapToGlobal(rect.bottomLeft()))

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
        until = self.ask_snooze_time(self, reminder, self._zone, self.now, self.hours)
        if until is not None:
            self.snooze_until.emit(reminder.reminder_id, until)

    def open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        reminder = due_reminder(entry)
        if reminder is not None:
            self.open_reminder.emit(reminder)
        else:
            self.item_activated.emit(entry.item)

    @staticmethod
    def ask_snooze_time(
        parent: QWidget | None,
        reminder: DueReminder,
        zone: ZoneInfo,
        now: Callable[[], datetime],
        hours: UserHours | None = None,
    ) -> datetime | None:
        """Asks for a date and time after now (tests replace this); None when cancelled.

        It starts at the suggested time (an hour on, on the quarter hour, inside the
        user's ``hours``) and refuses a time already past, saying why, and asks again: a
        past time would only show the reminder again at once. Any time can be typed (no
        minimum that would silently refuse an hour's first digit)."""
        start = suggested_snooze(now(), zone, hours)
        while True:
            until = _ask_once(parent, reminder, zone, start)
            if until is None or until > now():
                return until
            Ask.inform(
                parent,
                QCoreApplication.translate("reminders", "That time has passed"),
                QCoreApplication.translate(
                    "reminders",
                    "Choose a time still to come: a time already past would bring the "
                    "reminder back at once.",
                ),
            )
            start = until.astimezone(zone)  # what they typed, to change, not type again


def _ask_once(
    parent: QWidget | None, reminder: DueReminder, zone: ZoneInfo, start: datetime
) -> datetime | None:
    editor = QDateTimeEdit(_qdatetime(start))
    editor.setObjectName("snoozeUntil")
    editor.setCalendarPopup(True)
    editor.setDisplayFormat(DAY_TIME_EDIT)
    editor.setDateRange(to_qdate(EARLIEST_DAY), to_qdate(LATEST_DAY))
    question = QCoreApplication.translate(
        "reminders", "Remind me again about “{title}” on:"
    ).format(title=reminder.title)
    title = QCoreApplication.translate("reminders", "Snooze until")

    def chosen() -> datetime:
        picked = editor.dateTime()
        day, at = picked.date(), picked.time()
        return datetime(
            day.year(), day.month(), day.day(), at.hour(), at.minute(), tzinfo=zone
        ).astimezone(UTC)

    # At least this wide: the title bar shows the whole title.
    return Ask.with_editor(parent, title, question, editor, chosen, minimum_width=380)


def _fired_key(reminders: Iterable[DueReminder]) -> list[tuple[int, datetime, str]]:
    return [(r.reminder_id, r.due_at, r.title) for r in reminders]


def build_list(
    fired: Iterable[DueReminder],
    agenda: TodayAgenda,
    today: date,
    now: datetime,
    zone: ZoneInfo,
) -> TodayList:
    """The fired reminders and the agenda as Today's one list."""
    items: list[AgendaItem] = [*agenda.overdue, *agenda.today, *agenda.upcoming]
    return today_list([agenda_item(r, zone) for r in fired], items, today, now)
