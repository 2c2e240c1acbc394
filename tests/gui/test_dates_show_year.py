"""A day in another year shows its year wherever the window writes it (a 2024 reminder
must not read like this week's), and date editors read like the text around them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import peewee
from pytestqt.qtbot import QtBot

from followthrough.domain.cadence import Channel, Outcome
from followthrough.domain.clock import FakeClock
from followthrough.domain.wording import clock_time, long_day, short_day
from followthrough.store.queries import create_application
from followthrough.store.reminders import ReminderSpec, sync_reminders
from followthrough.store.touchpoints import TouchpointInput, log_touchpoint
from followthrough.ui.applications.new_dialog import NewApplicationDialog
from followthrough.ui.common.forms import date_edit, time_edit
from followthrough.ui.shell.main_window import MainWindow
from tests.helpers.pages import open_page
from tests.helpers.scheduling import start_scheduler

BERLIN = ZoneInfo("Europe/Berlin")
LAST_YEAR_BUT_ONE = date(2024, 3, 5)


def _contact_on(clock: FakeClock, company: str, day: date) -> None:
    application = create_application(clock, company)
    log_touchpoint(
        TouchpointInput(
            application_id=application.id,
            channel=Channel.EMAIL,
            answered=True,
            outcome=Outcome.NO_NEWS,
            new_decision_on=None,
            notes="",
            contact_id=None,
            at=datetime.combine(day, time(10), BERLIN),
        ),
        clock,
        clock.now().date(),
    )


def test_the_applications_list_shows_the_year_of_an_old_last_contact(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    this_year = date(2026, 11, 2)
    _contact_on(clock, "Initech", LAST_YEAR_BUT_ONE)
    _contact_on(clock, "Acme", this_year)
    window = make_window()
    open_page(qtbot, window, "Applications")
    model = window.applications_page.model
    last_contact = {
        model.index(row, 0).data(): model.index(row, 3).data() for row in range(model.rowCount())
    }
    assert last_contact["Initech"] == long_day(LAST_YEAR_BUT_ONE)
    assert "2024" in last_contact["Initech"]
    # This year's day stays short.
    assert last_contact["Acme"] == short_day(this_year)
    assert "2026" not in last_contact["Acme"]


def test_today_shows_the_year_of_a_reminder_due_in_another_year(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    due = datetime.combine(LAST_YEAR_BUT_ONE, time(9, 30), BERLIN)
    sync_reminders([ReminderSpec("test_note", "a", "Call Acme", due)], ["test_note"])
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    model = window.today_page.todo.model
    entries = [row for row in range(model.rowCount()) if model.index(row, 0).data(model.EntryRole)]
    assert len(entries) == 1
    due_text = model.index(entries[0], 0).data()
    assert "2024" in due_text
    assert due_text.startswith(long_day(LAST_YEAR_BUT_ONE))
    scheduler.stop()


def test_date_editors_write_days_and_times_as_the_window_does(qtbot: QtBot) -> None:
    editor = date_edit(LAST_YEAR_BUT_ONE)
    qtbot.addWidget(editor)
    assert editor.text() == long_day(LAST_YEAR_BUT_ONE)
    assert "2024" in editor.text()
    clock_editor = time_edit(time(9, 5))
    qtbot.addWidget(clock_editor)
    assert clock_editor.text() == clock_time(time(9, 5))


def test_the_applied_on_field_shows_the_year(qtbot: QtBot, clock: FakeClock) -> None:
    dialog = NewApplicationDialog(clock.now().date())
    qtbot.addWidget(dialog)
    dialog.form.applied_on.setDate(dialog.form.applied_on.date().addYears(-2))
    shown = dialog.form.applied_on.text()
    assert "2024" in shown
    assert shown == long_day(date(2024, 11, 20))
