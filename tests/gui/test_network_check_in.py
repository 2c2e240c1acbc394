"""A network contact's check-in, from Today: the button says "Check in…" (they are no
reference), and the draft speaks of the round the reminder is about, not the latest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import peewee
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.debriefs.record import DebriefDraft
from followthrough.domain.reference_reminders import reminder_round
from followthrough.domain.references import ReferenceKind
from followthrough.domain.reminder_kinds import ReminderKind
from followthrough.store.debriefs.records import save_debrief
from followthrough.store.models import Contact, Interview, Reminder
from followthrough.store.planning import plan_all
from followthrough.store.queries import create_application
from followthrough.store.references import add_reference
from followthrough.ui.references.flow import ReferenceFlow
from followthrough.ui.shell.main_window import MainWindow
from tests.helpers.scheduling import start_scheduler


def test_a_check_in_from_today_is_about_its_round(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    app = create_application(clock, "Harbor Learning", "Analyst")
    jordan = Contact.create(name="Jordan Blake", created_at=clock.now() - timedelta(days=20))
    add_reference(app.id, jordan.id, ReferenceKind.NETWORK, clock)
    for round_, days_ago in ((1, 6), (2, 1)):
        ended = clock.now() - timedelta(days=days_ago)
        interview = Interview.create(
            application=app,
            round=round_,
            starts_at=ended - timedelta(hours=1),
            ends_at=ended,
            time_zone="Europe/Berlin",
        )
        # Debriefed (else "write the debrief" would be the application's next step).
        save_debrief(interview.id, DebriefDraft(went_well="The case study"), clock.now())
    plan_all(clock.now())
    check_in = Reminder.get(Reminder.kind == ReminderKind.NETWORK_CHECK_IN)
    assert reminder_round(check_in.params) == 1
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    panel.select_reminder(check_in.id)
    assert panel.reference_button.isVisibleTo(panel)
    assert panel.reference_button.text() == "Chec&k in…"
    panel.reference_button.click()
    qtbot.waitUntil(lambda: bool(ReferenceFlow.open_dialogs), timeout=10000)
    dialog = next(iter(ReferenceFlow.open_dialogs.values()))
    body = dialog.body.toPlainText()
    assert "first interview" in body and "second interview" not in body
    dialog.close()
    # The application's What's next says the same.
    detail = window.open_application(app.id)
    qtbot.waitUntil(lambda: detail.whats_next._step is not None, timeout=5000)
    assert detail.whats_next.button.text() == "Check in…"
    scheduler.stop()
