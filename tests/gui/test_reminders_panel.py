"""Due reminders in the window: listed on Today, done and snoozed for good."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.snooze import SnoozeChoice
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store.models import Reminder
from followthrough.store.reminders import ReminderSpec, sync_reminders
from followthrough.ui.shell.main_window import MainWindow
from followthrough.ui.today.reminders_panel import RemindersPanel


def test_due_reminders_can_be_done_and_snoozed_from_today(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    sync_reminders(
        [
            ReminderSpec("test_note", "a", "Call Acme", clock.now() - timedelta(hours=2), "why a"),
            ReminderSpec("test_note", "b", "Email Initech", clock.now() - timedelta(hours=1)),
        ],
        ["test_note"],
    )
    window = make_window()
    scheduler = ReminderScheduler(window.context.runner, clock, plan=lambda: None)
    window.attach_scheduler(scheduler)
    fired: list[str] = []
    scheduler.fired.connect(lambda items: fired.extend(i.title for i in items))
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        scheduler.start(plan=False)
    panel = window.today_page.reminders
    assert not panel.isHidden()
    assert [panel.model.row_at(r).title for r in range(panel.model.rowCount())] == [
        "Call Acme",
        "Email Initech",
    ]
    assert "2 items due" in panel.heading.text()
    # Done: gone from the list and stored as done.
    panel.table.selectRow(0)
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        panel.done_button.click()
    assert [panel.model.row_at(r).title for r in range(panel.model.rowCount())] == ["Email Initech"]
    assert Reminder.get(Reminder.subject_key == "a").done_at == clock.now()
    # Snooze for an hour: gone now, back (and fired again) an hour later.
    panel.table.selectRow(0)
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        panel._snooze(SnoozeChoice.ONE_HOUR)
    assert panel.model.rowCount() == 0 and panel.isHidden()
    assert Reminder.get(Reminder.subject_key == "b").snoozed_until == clock.now() + timedelta(
        hours=1
    )
    clock.advance(timedelta(hours=1))
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        scheduler.heartbeat()
    assert fired == ["Call Acme", "Email Initech", "Email Initech"]
    assert panel.model.rowCount() == 1
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
    scheduler = ReminderScheduler(window.context.runner, clock, plan=lambda: None)
    window.attach_scheduler(scheduler)
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        scheduler.start(plan=False)
    chosen = clock.now() + timedelta(days=3, hours=1)
    monkeypatch.setattr(RemindersPanel, "ask_snooze_time", staticmethod(lambda *_args: chosen))
    panel = window.today_page.reminders
    panel.table.selectRow(0)
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        panel._snooze_until_chosen()
    assert Reminder.get().snoozed_until == chosen
    assert panel.model.rowCount() == 0
    scheduler.stop()


def test_a_chosen_snooze_time_starts_ahead_and_cannot_be_in_the_past(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    """The dialog used to start at the reminder's old day and accept a past time, which
    showed the reminder again at once (found by the walkthrough)."""
    from PySide6.QtCore import QDateTime, QTimer
    from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialog

    from followthrough.store.reminders import DueReminder

    zone = ZoneInfo("Europe/Berlin")
    old = DueReminder(1, "follow_up", "Call Acme", "", clock.now() - timedelta(days=3), 1, True)
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        editor = dialog.findChild(QDateTimeEdit, "snoozeUntil")
        seen["start"] = editor.dateTime().toString("yyyy-MM-dd HH:mm")
        editor.setDateTime(QDateTime.fromString("2026-11-19 09:00", "yyyy-MM-dd HH:mm"))
        seen["clamped"] = editor.dateTime().toString("yyyy-MM-dd HH:mm")
        dialog.accept()

    QTimer.singleShot(0, answer)
    until = RemindersPanel.ask_snooze_time(None, old, zone, clock.now())  # type: ignore[arg-type]
    # Friday 20 Nov, 16:00 in Berlin: an hour on, the next quarter hour.
    assert seen["start"] == "2026-11-20 17:00"
    assert seen["clamped"] == "2026-11-20 16:00"  # nothing earlier than now
    assert until is not None and until > clock.now()
