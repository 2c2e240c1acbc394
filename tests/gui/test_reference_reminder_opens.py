"""A reference's reminder opened from Today (or the tray) shows the application's
References tab with the person it is about chosen, not whoever is listed first."""

from __future__ import annotations

from collections.abc import Callable

import peewee
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.references import ReferenceKind
from followthrough.domain.reminder_kinds import ReminderKind
from followthrough.store.models import Contact
from followthrough.store.references import add_reference, subject_key
from followthrough.store.reminders import DueReminder
from followthrough.ui.shell.main_window import MainWindow
from tests.gui.test_reference_flow import _reference_after_an_interview


def test_a_heads_up_opens_the_references_tab_at_its_person(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    app_id, priya_link, _priya = _reference_after_an_interview(clock)
    helen = Contact.create(name="Dr. Helen Brandt", created_at=clock.now())
    helen_link = add_reference(app_id, helen.id, ReferenceKind.REFERENCE, clock)
    window = make_window()
    for link_id, name in ((priya_link, "Priya Natarajan"), (helen_link, "Dr. Helen Brandt")):
        reminder = DueReminder(
            1,
            ReminderKind.REFERENCE_HEADS_UP,
            f"Give {name} a heads-up",
            "",
            clock.now(),
            app_id,
            True,
            subject_key(link_id),
        )
        window._open_reminder(reminder)
        detail = window.detail_dialogs[app_id]
        qtbot.waitUntil(lambda d=detail: d.detail is not None, timeout=5000)
        tab = detail.references_tab
        qtbot.waitUntil(lambda t=tab: t.model.rowCount() == 2, timeout=5000)
        assert detail.tabs.currentWidget() is tab
        chosen = tab.selected()
        assert chosen is not None
        assert (chosen.link_id, chosen.name) == (link_id, name)
