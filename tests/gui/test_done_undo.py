""" "Done" on Today acts at once, and the status bar offers "Done: <title>. Undo" for a few
seconds: Undo puts the reminder back as it was (still fired: listed, not fired as new)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import peewee
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.store.models import Reminder
from followthrough.store.queries import create_application
from followthrough.store.reminders import ReminderSpec, sync_reminders
from followthrough.ui.common.undo import UndoOffer
from followthrough.ui.shell.main_window import MainWindow
from tests.gui.test_reference_undo import _offer
from tests.gui.test_today_list import _titles
from tests.helpers.scheduling import start_scheduler


def test_done_on_today_can_be_undone(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    save_failures: list[tuple[str, str]],
) -> None:
    acme = create_application(clock, "Acme")
    sync_reminders(
        [
            ReminderSpec(
                "test_note", "a", "Call Acme", clock.now() - timedelta(hours=2), "why", acme.id
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
    row = Reminder.get(Reminder.subject_key == "a")
    fired_at = row.fired_at
    assert fired_at is not None
    panel.select_reminder(row.id)
    panel.view.setFocus()
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _titles(panel) == ["Email Initech"]
    qtbot.waitUntil(lambda: _offer(window) is not None, timeout=5000)
    offer = _offer(window)
    assert offer is not None
    assert offer.label.text() == "Done: Call Acme."
    assert offer.button.text().replace("&", "") == "Undo"
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        offer.button.click()
    after = Reminder.get_by_id(row.id)
    assert (after.done_at, after.fired_at) == (None, fired_at)
    assert sorted(_titles(panel)) == ["Call Acme", "Email Initech"]
    assert fired == []  # back as it was, not fired as new
    assert _offer(window) is None
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Back on Today: Call Acme.", timeout=5000
    )
    assert save_failures == []
    scheduler.stop()


def test_a_second_done_replaces_the_first_offer(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    sync_reminders(
        [
            ReminderSpec("test_note", "a", "Call Acme", clock.now() - timedelta(hours=2)),
            ReminderSpec("test_note", "b", "Email Initech", clock.now() - timedelta(hours=1)),
        ],
        ["test_note"],
    )
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    for key in ("a", "b"):
        with qtbot.waitSignal(window.reminders_changed, timeout=5000):
            window.reminder_done(Reminder.get(Reminder.subject_key == key).id)
    qtbot.waitUntil(lambda: _offer(window) is not None, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            [o.label.text() for o in window.statusBar().findChildren(UndoOffer)]
            == ["Done: Email Initech."]
        ),
        timeout=5000,
    )
    scheduler.stop()
