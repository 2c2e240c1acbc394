"""Start the reminder scheduler on a test window, as the app does after its first paint."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.services.scheduler import ReminderScheduler
from followthrough.ui.shell.main_window import MainWindow


def start_scheduler(window: MainWindow, qtbot: QtBot, clock: FakeClock) -> ReminderScheduler:
    """Attached and started without planning; returns once the due reminders reached
    the window (the caller stops it)."""
    scheduler = ReminderScheduler(window.context.runner, clock, plan=lambda: None)
    window.attach_scheduler(scheduler)
    with qtbot.waitSignal(window.reminders_changed, timeout=5000):
        scheduler.start(plan=False)
    return scheduler
