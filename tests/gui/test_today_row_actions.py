"""Each item on Today carries its actions in its own row: a click on one acts on that row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import peewee
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.follow_up_reminders import (
    EMAIL,
    PHONE,
    follow_up_params,
    reminder_channel,
)
from followthrough.domain.reminder_kinds import Feature, ReminderKind, SubjectKey, params_text
from followthrough.domain.today import TodayEntry
from followthrough.store.queries import create_application
from followthrough.store.reminders import DueReminder, ReminderSpec, sync_reminders
from followthrough.ui.shell.main_window import MainWindow
from followthrough.ui.today.model import ACTIONS, WHY
from followthrough.ui.today.today_list import TodayListView
from tests.helpers.scheduling import start_scheduler


def _buttons(panel: TodayListView, entry: TodayEntry) -> dict[str, QPoint]:
    """Where each of the row's buttons is, by its words."""
    index = panel.model.index_of(entry).siblingAtColumn(ACTIONS)
    panel.view.scrollTo(index)
    cell = panel.view.visualRect(index)
    actions = panel.row_actions.actions(index)
    rects = panel.row_actions.rects(cell, actions)
    for rect in rects:
        assert cell.contains(rect), "a button leaves its row's cell"
    return {a.label: r.center() for a, r in zip(actions, rects, strict=True)}


def _click(panel: TodayListView, qtbot: QtBot, at: QPoint) -> None:
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_each_rows_buttons_act_on_that_row(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 25)
    window = make_window()
    window.resize(1100, 720)
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    entries = panel.current.entries()
    # Every item has its buttons, inside its cell: a reminder its own action, Done and
    # Snooze; an interview or a decision date, Open.
    for entry in entries:
        words = list(_buttons(panel, entry))
        if entry.item.reminder_id is None:
            assert words == ["Open"]
        else:
            assert words[-2:] == ["Done", "Snooze ▾"]

    notes = [e for e in entries if e.item.kind == ReminderKind.NOTE_DUE_SOON]
    first, second = notes[0], notes[1]
    panel.select(first)
    written: list[DueReminder] = []
    panel.write_note.connect(written.append)
    # The second row's "Note…" writes the second note, though the first was chosen.
    _click(panel, qtbot, _buttons(panel, second)["Note…"])
    assert [r.reminder_id for r in written] == [second.item.reminder_id]
    assert panel.selected_entry() == second

    done: list[int] = []
    panel.done.connect(done.append)
    _click(panel, qtbot, _buttons(panel, first)["Done"])
    assert done == [first.item.reminder_id]

    opened: list[object] = []
    panel.item_activated.connect(opened.append)
    interview = next(e for e in entries if e.item.interview_id is not None)
    _click(panel, qtbot, _buttons(panel, interview)["Open"])
    assert opened == [interview.item]
    scheduler.stop()


def test_a_click_beside_the_buttons_only_chooses_the_row(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 25)
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    entry = panel.current.entries()[1]
    done: list[int] = []
    panel.done.connect(done.append)
    cell = panel.view.visualRect(panel.model.index_of(entry).siblingAtColumn(1))
    _click(panel, qtbot, cell.center())
    assert panel.selected_entry() == entry
    assert done == []
    scheduler.stop()


def test_a_narrow_list_gives_why_room_to_the_actions_and_shows_it_below(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    fill_demo(clock, 25)
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    window.resize(1100, 720)
    qtbot.waitUntil(lambda: panel.view.isColumnHidden(WHY))
    entry = next(e for e in panel.current.entries() if e.item.reminder_id is not None)
    panel.select(entry)
    why = panel.model.index_of(entry).siblingAtColumn(WHY).data()
    assert why and why in panel.detail.text()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not panel.view.isColumnHidden(WHY))
    assert not panel.view.isColumnHidden(ACTIONS)
    scheduler.stop()


def test_a_follow_up_by_email_offers_the_log_not_the_call_sheet(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    """The follow-up's channel decides: by phone, "Call…" (and the call sheet); by e-mail,
    "Log…" and no call sheet (it would read a phone script for an e-mail)."""
    acme = create_application(clock, "Acme")
    due = clock.now() - timedelta(hours=1)
    specs = [
        ReminderSpec(
            ReminderKind.FOLLOW_UP,
            str(SubjectKey(Feature.FOLLOW_UP, (acme.id, index))),
            f"Follow up {how}",
            due,
            "",
            acme.id,
            params=params_text(follow_up_params("Acme", "", "why", how=how, at=due)),
        )
        for index, how in enumerate((PHONE, EMAIL), start=1)
    ]
    sync_reminders(specs, [ReminderKind.FOLLOW_UP])
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    panel = window.today_page.todo
    by_channel = {
        reminder_channel(e.item.params): e for e in panel.current.entries() if e.item.params
    }
    assert list(_buttons(panel, by_channel[PHONE])) == ["Call…", "Done", "Snooze ▾"]
    assert list(_buttons(panel, by_channel[EMAIL])) == ["Log…", "Done", "Snooze ▾"]
    panel.select(by_channel[EMAIL])
    assert panel.log_button.isVisibleTo(panel)
    assert not panel.call_button.isVisibleTo(panel)
    panel.select(by_channel[PHONE])
    assert panel.call_button.isVisibleTo(panel) and panel.log_button.isVisibleTo(panel)
    scheduler.stop()


def test_the_help_names_todays_keys() -> None:
    """F1 lists the keys Today answers to (the shortcuts' own constants)."""
    from pathlib import Path

    from followthrough.ui.shell.help import help_html
    from followthrough.ui.today.today_list import DONE_KEYS, SNOOZE_KEYS

    text = help_html(Path("/tmp"))
    assert "On Today" in text
    assert f"<td>{DONE_KEYS}</td><td>Done" in text
    assert f"<td>{SNOOZE_KEYS}</td><td>Snooze" in text
