"""Today as one list of what to do: each item once, counted right, acted on in place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialog
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.reminder_kinds import ReminderKind
from followthrough.domain.snooze import SnoozeChoice
from followthrough.domain.today import Section
from followthrough.domain.two_clocks import UserHours
from followthrough.store.models import Reminder
from followthrough.store.queries import create_application
from followthrough.store.reminders import DueReminder, ReminderSpec, sync_reminders
from followthrough.ui.common.ask import Ask
from followthrough.ui.shell.main_window import MainWindow
from followthrough.ui.today.model import TODO
from followthrough.ui.today.today_list import TodayListView, suggested_snooze
from tests.helpers.scheduling import start_scheduler


def _titles(panel: TodayListView) -> list[str]:
    return [r.title for r in panel.fired()]


def test_due_reminders_can_be_done_and_snoozed_from_today(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    acme = create_application(clock, "Acme")
    sync_reminders(
        [
            ReminderSpec(
                "test_note", "a", "Call Acme", clock.now() - timedelta(hours=2), "why a", acme.id
            ),
            ReminderSpec("test_note", "b", "Email Initech", clock.now() - timedelta(hours=1)),
        ],
        ["test_note"],
    )
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    fired: list[str] = []
    scheduler.fired.connect(lambda items: fired.extend(i.title for i in items))
    panel = window.today_page.todo
    assert _titles(panel) == ["Call Acme", "Email Initech"]
    # Each once (fired and in the agenda: one item), in Today's section, counted there.
    (today_row,) = [(r, n) for r, s, n in panel.model.heading_rows() if s is Section.TODAY]
    assert today_row[1] == 2
    assert panel.model.index(today_row[0], 0).data() == "Today (2)"
    # The subject is the application; the why is the reminder's body.
    row = panel.model.index_of(panel.current.today[0])
    assert row.siblingAtColumn(2).data() == "Acme"
    assert row.siblingAtColumn(4).data() == "why a"
    # Done with its shortcut (shown in the tooltip): gone and stored as done.
    assert "Ctrl+D" in panel.done_button.toolTip()
    panel.select_reminder(panel.fired()[0].reminder_id)
    panel.view.setFocus()
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _titles(panel) == ["Email Initech"]
    assert Reminder.get(Reminder.subject_key == "a").done_at == clock.now()
    # Snooze for an hour: gone now, back (and fired again) an hour later.
    panel.select_reminder(panel.fired()[0].reminder_id)
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        panel._snooze(SnoozeChoice.ONE_HOUR)
    assert panel.fired() == []
    assert Reminder.get(Reminder.subject_key == "b").snoozed_until == clock.now() + timedelta(
        hours=1
    )
    clock.advance(timedelta(hours=1))
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        scheduler.heartbeat()
    assert fired == ["Email Initech"]
    assert len(panel.fired()) == 1
    scheduler.stop()


def test_snooze_until_a_chosen_time(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sync_reminders(
        [ReminderSpec("test_note", "a", "Call Acme", clock.now() - timedelta(hours=2))],
        ["test_note"],
    )
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    chosen = clock.now() + timedelta(days=3, hours=1)
    monkeypatch.setattr(TodayListView, "ask_snooze_time", staticmethod(lambda *_args: chosen))
    panel = window.today_page.todo
    panel.select_reminder(panel.fired()[0].reminder_id)
    assert "Ctrl+L" in panel.snooze_button.toolTip()
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        panel._snooze_until_chosen()
    assert Reminder.get().snoozed_until == chosen
    assert panel.fired() == []
    scheduler.stop()


def _answer_snooze(seen: dict[str, object], pick: str) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    editor = dialog.findChild(QDateTimeEdit, "snoozeUntil")
    seen.setdefault("starts", []).append(editor.dateTime().toString("yyyy-MM-dd HH:mm"))  # type: ignore[attr-defined]
    editor.setDateTime(QDateTime.fromString(pick, "yyyy-MM-dd HH:mm"))
    seen["clamped"] = editor.dateTime().toString("yyyy-MM-dd HH:mm")
    dialog.accept()


def test_a_chosen_snooze_time_starts_ahead_and_cannot_be_in_the_past(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """The dialog used to start at the reminder's old day and accept a past time, which
    showed the reminder again at once (found by the walkthrough)."""
    zone = ZoneInfo("Europe/Berlin")
    old = DueReminder(1, "follow_up", "Call Acme", "", clock.now() - timedelta(days=3), 1, True)
    seen: dict[str, object] = {}
    told: list[str] = []

    def inform(_parent: object, title: str, _text: str) -> None:
        told.append(title)
        QTimer.singleShot(0, lambda: _answer_snooze(seen, "2026-11-20 18:30"))

    monkeypatch.setattr(Ask, "inform", staticmethod(inform))
    QTimer.singleShot(0, lambda: _answer_snooze(seen, "2026-11-19 09:00"))
    until = TodayListView.ask_snooze_time(None, old, zone, clock.now)
    # Friday 20 Nov, 16:00 in Berlin: an hour on, the next quarter hour.
    # A past time is taken as typed, then refused in words and asked again, with what was
    # typed kept to change (a tester lost the 07:13 they had typed).
    assert seen["starts"] == ["2026-11-20 17:00", "2026-11-19 09:00"]
    assert seen["clamped"] == "2026-11-20 18:30"
    assert told == ["That time has passed"]
    assert until is not None and until.astimezone(zone).isoformat().startswith("2026-11-20T18:30")


def test_a_snooze_is_suggested_inside_the_users_hours_and_any_hour_can_be_typed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """At 21:00 with reminders until 22:00 the suggestion was 22:00 (outside them); and
    with a minimum of 21:01, typing "10" for tomorrow's 10:00 was silently refused."""
    zone = ZoneInfo("Europe/Berlin")
    hours = UserHours(time(8), time(22))
    old = DueReminder(1, "follow_up", "Call Acme", "", clock.now() - timedelta(days=3), 1, True)
    assert suggested_snooze(clock.now(), zone, hours).isoformat() == "2026-11-20T17:00:00+01:00"
    evening = clock.now() + timedelta(hours=5)  # 21:00 in Berlin
    assert suggested_snooze(evening, zone, hours).isoformat() == "2026-11-21T08:00:00+01:00"
    early = clock.now() - timedelta(hours=12)  # 04:00 in Berlin: their start that morning
    assert suggested_snooze(early, zone, hours).isoformat() == "2026-11-20T08:00:00+01:00"
    clock.advance(timedelta(hours=5))
    seen: dict[str, object] = {}

    def type_ten() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        editor = dialog.findChild(QDateTimeEdit, "snoozeUntil")
        assert isinstance(editor, QDateTimeEdit)
        seen["start"] = editor.dateTime().toString("yyyy-MM-dd HH:mm")
        editor.setFocus()
        editor.setSelectedSection(QDateTimeEdit.Section.HourSection)
        QTest.keyClicks(editor, "10")
        seen["typed"] = editor.dateTime().toString("yyyy-MM-dd HH:mm")
        dialog.accept()

    QTimer.singleShot(0, type_ten)
    until = TodayListView.ask_snooze_time(None, old, zone, clock.now, hours)
    assert seen == {"start": "2026-11-21 08:00", "typed": "2026-11-21 10:00"}
    assert until is not None and until.astimezone(zone).isoformat().startswith("2026-11-21T10:00")


def test_a_snooze_time_that_passed_while_choosing_is_refused_and_asked_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """Left open past the time chosen: a clear message, then the question again with the
    time that was typed; never a snooze into the past."""
    zone = ZoneInfo("Europe/Berlin")
    old = DueReminder(1, "follow_up", "Call Acme", "", clock.now() - timedelta(days=3), 1, True)
    seen: dict[str, object] = {}
    told: list[str] = []

    def inform(_parent: object, title: str, _text: str) -> None:
        told.append(title)
        QTimer.singleShot(0, lambda: _answer_snooze(seen, "2026-11-21 09:00"))

    monkeypatch.setattr(Ask, "inform", staticmethod(inform))

    def first_answer() -> None:
        _answer_snooze(seen, "2026-11-20 16:30")
        clock.advance(timedelta(hours=1))  # the dialog stayed open meanwhile

    QTimer.singleShot(0, first_answer)
    until = TodayListView.ask_snooze_time(None, old, zone, clock.now)
    assert told == ["That time has passed"]
    assert seen["starts"] == ["2026-11-20 17:00", "2026-11-20 16:30"]
    assert until is not None and until.astimezone(zone).isoformat().startswith("2026-11-21T09:00")


def test_demo_today_counts_match_rows_and_each_item_is_once(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 25)
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    page, panel = window.today_page, window.today_page.todo
    model = panel.model
    assert not page.welcome.isVisible()  # gone once there is data
    assert "active application" in page.summary.text()
    total = 0
    headings = model.heading_rows()
    ends = [r for r, _s, _n in headings[1:]] + [model.rowCount()]
    for (row, section, count), end in zip(headings, ends, strict=True):
        # The count in the heading is the rows below it, up to the next heading.
        rows = [model.entry_at(model.index(n, 0)) for n in range(row + 1, end)]
        assert len(rows) == count and all(e is not None and e.section is section for e in rows)
        total += count
        if count or section is not Section.TODAY:
            assert model.index(row, 0).data().endswith(f"({count})")
    assert total == len(panel.current.entries()) > 0
    # The arrows pass over a heading, from the last overdue item to the next item.
    panel.select(panel.current.overdue[-1])
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    following = (panel.current.today or panel.current.upcoming)[0]
    assert panel.selected_entry() == following
    # Fired reminders and overdue ones are one list: no "0 overdue" beside them.
    assert panel.fired()
    ids = [e.item.reminder_id for e in panel.current.entries() if e.item.reminder_id]
    assert len(ids) == len(set(ids))
    subjects = [e.item.subject_key for e in panel.current.entries() if e.item.subject_key]
    assert len(subjects) == len(set(subjects))
    scheduler.stop()


def test_enter_opens_each_item_where_it_belongs(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reference's reminder: the application's References tab (it opened the Overview);
    an interview: its application's Interviews tab with it chosen; a note: the composer."""
    fill_demo(clock, 25)
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    entries = panel.current.entries()
    reference = next(e for e in entries if e.item.kind == ReminderKind.REFERENCE_HEADS_UP)
    panel.select(reference)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    dialog = window.detail_dialogs[reference.item.application_id or 0]
    qtbot.waitUntil(lambda: dialog.tabs.currentWidget() is dialog.references_tab, timeout=5000)
    dialog.close()

    interview = next(e for e in entries if e.item.interview_id is not None)
    panel.select(interview)
    panel.open_selected()
    dialog = window.detail_dialogs[interview.item.application_id or 0]
    qtbot.waitUntil(lambda: dialog.tabs.currentIndex() == 1, timeout=5000)
    qtbot.waitUntil(lambda: dialog.interview_table.selectionModel().hasSelection(), timeout=5000)
    chosen = dialog.interview_table.selectionModel().selectedRows()[0].row()
    assert dialog.interview_model.row_at(chosen).interview_id == interview.item.interview_id
    dialog.close()

    opened: list[str] = []
    monkeypatch.setattr(window.notes, "open", lambda *ids: opened.append(str(ids)))
    note = next((e for e in entries if e.item.kind.startswith("note_")), None)
    if note is not None:
        panel.select(note)
        assert panel.note_button.isVisibleTo(panel)
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
        assert opened
    scheduler.stop()


def test_a_row_says_what_to_do_in_the_reminders_words(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 12)
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    for entry in panel.current.entries():
        if entry.item.reminder_id is not None:
            reminder = panel.model.index_of(entry)
            assert reminder.siblingAtColumn(TODO).data() == entry.item.words()[0]
    scheduler.stop()


def test_today_asks_for_a_snooze_inside_the_hours_set_in_preferences(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from followthrough.store import settings as options

    options.put_all({options.QUIET_START: 8, options.QUIET_END: 22})
    sync_reminders(
        [ReminderSpec("test_note", "a", "Call Acme", clock.now() - timedelta(hours=2))],
        ["test_note"],
    )
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    asked: list[object] = []
    monkeypatch.setattr(
        TodayListView, "ask_snooze_time", staticmethod(lambda *args: asked.append(args[-1]))
    )
    panel = window.today_page.todo
    panel.select_reminder(panel.fired()[0].reminder_id)
    panel._snooze_until_chosen()
    assert asked == [UserHours(time(8), time(22))]
    scheduler.stop()


def test_after_done_the_next_item_is_chosen_not_the_first(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    """Done on an item in the middle: the one after it is chosen (it jumped to the top)."""
    fill_demo(clock, 25)
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    reminders = [e for e in panel.current.entries() if e.item.reminder_id is not None]
    middle = reminders[len(reminders) // 2]
    entries = panel.current.entries()
    following = entries[entries.index(middle) + 1]
    panel.select(middle)
    panel.view.setFocus()
    with qtbot.waitSignal(window.data_loaded, timeout=5000):
        qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: middle not in panel.current.entries(), timeout=5000)
    assert panel.selected_entry() == following
    scheduler.stop()


def test_the_same_waiting_list_again_does_not_rebuild_today(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    """Each check after a plan reports the waiting reminders: an unchanged list (same
    reminders, same words) leaves Today's list as it is; a changed one is shown."""
    fill_demo(clock, 25)
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    waiting = list(window.due_reminders)
    assert waiting
    given: list[int] = []
    real = window.today_page.todo.set_reminders
    window.today_page.todo.set_reminders = lambda r: (given.append(len(r)), real(r))  # type: ignore[method-assign]
    window.show_due_reminders(list(waiting))
    assert given == []
    window.show_due_reminders(waiting[1:])
    assert given == [len(waiting) - 1]
    assert window.due_reminders == waiting[1:]
    scheduler.stop()
