"""Every application says what comes next: the same step in the list, in its window's
"What's next" header and first on Today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from followthrough.demo import fill_demo
from followthrough.domain.clock import FakeClock
from followthrough.domain.next_action import NextAction
from followthrough.services.scheduler import ReminderScheduler
from followthrough.store.applications import ApplicationSummary
from followthrough.store.models import Application
from followthrough.store.next_steps import action_of
from followthrough.store.queries import create_application
from followthrough.ui.applications.detail_dialog import ApplicationDetailDialog
from followthrough.ui.applications.next_step import (
    CALL,
    LOG,
    MESSAGE_REFERENCE,
    SHOW_INTERVIEWS,
    WRITE_NOTE,
    load_next_step,
    step_action,
)
from followthrough.ui.notes.flow import NoteFlow
from followthrough.ui.shell.main_window import MainWindow
from tests.helpers.pages import open_page
from tests.helpers.scheduling import start_scheduler


def _demo_window(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> tuple[MainWindow, ReminderScheduler]:
    fill_demo(clock, 25)
    window = make_window()
    scheduler = start_scheduler(window, qtbot, clock)
    # The list again, now that the reminders due have fired.
    with qtbot.waitSignal(window.data_loaded, timeout=10000):
        window.refresh()
    return window, scheduler


def _header(qtbot: QtBot, window: MainWindow, application_id: int) -> ApplicationDetailDialog:
    dialog = window.open_application(application_id)
    qtbot.waitUntil(lambda: dialog.whats_next._step is not None, timeout=5000)
    return dialog


def test_on_the_demo_the_list_the_header_and_today_agree(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    window, scheduler = _demo_window(qtbot, clock, make_window)
    open_page(qtbot, window, "Applications")
    rows: list[ApplicationSummary] = window.applications_page.model.all_rows()  # type: ignore[attr-defined]
    first_on_today: dict[int, NextAction] = {}
    for entry in window.today_page.todo.current.entries():
        if entry.item.application_id is not None:
            first_on_today.setdefault(entry.item.application_id, action_of(entry))
    assert len(first_on_today) >= 5
    for row in rows:
        header = load_next_step(row.application_id, clock.now(), window.zone).action
        assert header == row.next_action, row.company
        if row.application_id in first_on_today:
            assert row.next_action == first_on_today[row.application_id], row.company
    # And the window shows it: the step, its day and why.
    row = next(r for r in rows if r.application_id in first_on_today)
    dialog = _header(qtbot, window, row.application_id)
    header = dialog.whats_next
    assert header.isVisibleTo(dialog)
    assert header.text.text() == row.next_action.text
    assert header.why.text() == row.next_action.why
    assert header.when.text()
    scheduler.stop()


def test_the_header_button_does_what_today_offers(
    qtbot: QtBot,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, scheduler = _demo_window(qtbot, clock, make_window)
    notes = [
        e
        for e in window.today_page.todo.current.entries()
        if e.item.kind.startswith("note_") and e.item.application_id is not None
    ]
    firsts = {}
    for entry in window.today_page.todo.current.entries():
        firsts.setdefault(entry.item.application_id, entry)
    note = next(e for e in notes if firsts[e.item.application_id] is e)
    opened: list[tuple[int, int]] = []
    monkeypatch.setattr(NoteFlow, "open", lambda _self, *ids: opened.append(ids))
    dialog = _header(qtbot, window, note.item.application_id or 0)
    button = dialog.whats_next.button
    assert button.isVisibleTo(dialog) and button.text() == "Write the note…"
    # Today offers the same action for the same item.
    panel = window.today_page.todo
    panel.select(note)
    assert panel.note_button.isVisibleTo(panel)
    button.click()
    assert len(opened) == 1 and note.item.subject_key == "note:{}:{}".format(*opened[0])
    scheduler.stop()


def test_while_waiting_the_header_says_what_is_normal(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    """Applied ten days ago, nothing due: four to six weeks is usual, and how long it has
    been (docs/advice.md, "While you wait")."""
    acme = create_application(clock, "Acme", applied_on=clock.now().date() - timedelta(days=10))
    window = make_window()
    dialog = _header(qtbot, window, acme.id)
    header = dialog.whats_next
    assert header.text.text() == "Wait for a reply; keep applying"
    wait = header.wait.text()
    assert header.wait.isVisibleTo(dialog)
    assert "10 day" in wait and "four to six weeks" in wait
    assert header.button.isHidden()  # nothing to press: the step is to wait


def test_an_application_made_today_says_so_not_zero_days(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    acme = create_application(clock, "Acme", applied_on=clock.now().date())
    window = make_window()
    header = _header(qtbot, window, acme.id).whats_next
    assert header.wait.text().startswith("You applied today.")
    assert "0 day" not in header.wait.text()


def test_a_long_name_keeps_its_own_line_above_the_stage(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    """The walkthrough found the stage label squeezing the title beside it."""
    name = "Very Long Company Name Incorporated International Holdings"
    acme = create_application(clock, name, "Senior Principal Staff Engineer, Platform")
    window = make_window()
    dialog = _header(qtbot, window, acme.id)
    dialog.resize(860, 620)
    qtbot.waitUntil(lambda: dialog.stage_label.text() != "", timeout=5000)
    top = dialog.heading.mapTo(dialog, QPoint(0, 0)).y()
    stage = dialog.stage_label.mapTo(dialog, QPoint(0, 0)).y()
    assert stage >= top + dialog.heading.height()
    assert dialog.heading.width() > dialog.width() * 0.8


def _visible_texts(dialog: ApplicationDetailDialog) -> list[str]:
    return [
        b.text().replace("&", "")
        for b in dialog.findChildren(QPushButton)
        if b.isVisibleTo(dialog) and b.window() is dialog
    ]


def test_a_follow_up_step_is_said_once_with_one_button(
    qtbot: QtBot, clock: FakeClock, make_window: Callable[[], MainWindow]
) -> None:
    """A follow-up as the step: its why, not again as the muted plan line ("Overdue: call
    them …"), and one "Call sheet…" (or, by e-mail, one "Log a follow-up…"), not the
    header's and What's next's. Another item as the step keeps the plan line."""
    window, scheduler = _demo_window(qtbot, clock, make_window)
    now, zone = clock.now(), window.zone
    by_action: dict[str, list[int]] = {}
    planned_other: list[int] = []
    for app in Application.select().order_by(Application.id):
        step = load_next_step(app.id, now, zone)
        action = step_action(step.entry) if step.action.text else None
        if action is not None:
            by_action.setdefault(action, []).append(app.id)
        if action in (WRITE_NOTE, MESSAGE_REFERENCE, SHOW_INTERVIEWS):
            planned_other.append(app.id)
    assert by_action.get(CALL), "the demo has a call as a next step"
    dialog = _header(qtbot, window, by_action[CALL][0])
    assert dialog.detail is not None and dialog.detail.next_step
    assert not dialog.next_follow_up.isVisibleTo(dialog)
    assert dialog.whats_next.why.isVisibleTo(dialog)
    assert _visible_texts(dialog).count("Call sheet…") == 1
    assert dialog.whats_next.button.text() == "C&all sheet…"
    assert "Log a follow-up…" in _visible_texts(dialog)
    # An e-mail follow-up: the log, once; the header's call sheet stays.
    assert by_action.get(LOG), "the demo has an e-mail follow-up as a next step"
    dialog = _header(qtbot, window, by_action[LOG][0])
    assert _visible_texts(dialog).count("Log a follow-up…") == 1
    assert dialog.whats_next.button.isVisibleTo(dialog)
    assert "Call sheet…" in _visible_texts(dialog)
    # Another item first: the follow-up planned after it is said below it.
    shown = False
    for app_id in planned_other:
        dialog = _header(qtbot, window, app_id)
        if dialog.detail is not None and dialog.detail.next_step:
            assert dialog.next_follow_up.isVisibleTo(dialog)
            assert _visible_texts(dialog).count("Call sheet…") == 1
            shown = True
            break
    assert shown, "the demo has a step before a planned follow-up"
    scheduler.stop()
