"""A new kind of reminder needs only its own code and its registration: here a toy kind
is registered and shows up planned, on Today, in the calendar and in the tray, with
nothing else in the app naming it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.reminder_kinds import (
    KindInfo,
    SubjectKey,
    register_kind,
    unregister_kind,
)
from followthrough.store.models import Reminder, db
from followthrough.store.planning import Planner, full_pass, register_planner, unregister_planner
from followthrough.store.queries import create_application
from followthrough.store.reminders import ReminderSpec
from followthrough.store.scope import PlanScope
from followthrough.ui.common.reminder_kinds import ReminderHandler
from followthrough.ui.shell.main_window import MainWindow
from followthrough.ui.shell.tray import TrayIcon
from followthrough.ui.today.model import KIND, TODO
from tests.helpers.pages import open_page
from tests.helpers.scheduling import start_scheduler

TOY = "toy_nudge"
TOY_FEATURE = "toy"


def plan_toy(scope: PlanScope, now: datetime) -> list[ReminderSpec]:
    """One nudge per application, due an hour ago."""
    where, params = scope.sql("id")
    rows = db.execute_sql(f"SELECT id, company FROM application WHERE {where}", params)
    return [
        ReminderSpec(
            TOY,
            str(SubjectKey(TOY_FEATURE, (app_id,))),
            f"Nudge {company}",
            now - timedelta(hours=1),
            "A toy reason",
            app_id,
        )
        for app_id, company in rows
    ]


@pytest.fixture
def toy_kind() -> Iterator[list[int]]:
    """The toy feature's registrations (the lines a new feature adds); opened ids."""
    opened: list[int] = []
    register_kind(KindInfo(TOY, TOY_FEATURE, "Toy nudge", "accent"))
    register_planner(Planner("toy", (TOY,), plan_toy))
    yield opened
    unregister_planner("toy")
    unregister_kind(TOY)


def test_a_registered_kind_is_planned_listed_marked_and_in_the_tray(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    toy_kind: list[int],
) -> None:
    application = create_application(clock, "Acme", "Analyst")
    report = full_pass(clock.now())
    assert report.by_planner["toy"][0] == 1
    stored = Reminder.get(Reminder.kind == TOY)
    assert stored.subject_key == f"toy:{application.id}"

    window = make_window()
    window.reminder_handlers.register(
        ReminderHandler(TOY_FEATURE, lambda r: toy_kind.append(r.reminder_id) or True)
    )
    _scheduler = start_scheduler(window, qtbot, clock)  # held for the whole test

    # Today: listed with the registry's label, and Open goes to the toy's handler.
    panel = window.today_page.todo
    assert len(panel.model.entries()) == 1
    row = panel.model.index_of(panel.model.entries()[0])
    assert row.siblingAtColumn(KIND).data() == "Toy nudge"
    assert row.siblingAtColumn(TODO).data() == "Nudge Acme"
    panel.select(panel.model.entries()[0])
    panel.open_button.click()
    assert toy_kind == [stored.id]
    assert not panel.note_button.isVisibleTo(panel)
    assert not panel.call_button.isVisibleTo(panel)

    # The calendar: a mark on its day, and the day's list names it.
    page = window.calendar_page
    day = stored.due_at.astimezone(window.zone).date()
    open_page(qtbot, window, "Calendar")
    page.go_to(day)
    qtbot.waitUntil(lambda: page.calendar.marks(day).get(TOY) == 1)
    qtbot.waitUntil(lambda: page.day_model.rowCount() >= 1)
    kinds = [page.day_model.index(r, 1).data() for r in range(page.day_model.rowCount())]
    assert "Toy nudge" in kinds

    # The tray: the due item has its entry.
    tray = TrayIcon(clock, window.zone)
    window.attach_tray(tray)
    entries = [action.text() for action in tray.menu().actions()]
    assert any("Nudge Acme" in text for text in entries)
    tray.deleteLater()
