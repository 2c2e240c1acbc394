"""A further round's checklist in the window: opened from the reminder and from the
application, each tick saved at once and shown again, the round before's debrief a click
away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import peewee
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.domain.debriefs.record import DebriefDraft
from followthrough.domain.interviews import InterviewDraft, PersonDraft
from followthrough.domain.preparation.reminders import PREPARE, prep_subject
from followthrough.store.debriefs.records import save_debrief
from followthrough.store.interviews import save_interview
from followthrough.store.preparation.records import load_preparation
from followthrough.store.queries import create_application
from followthrough.store.reminders import DueReminder
from followthrough.ui.preparation.checklist import PreparationDialog
from followthrough.ui.preparation.flow import PreparationFlow
from followthrough.ui.shell.main_window import MainWindow


def _rounds(clock: FakeClock) -> tuple[int, int, int]:
    app_id = create_application(clock, "Acme", "Engineer").id
    rounds = []
    for round_, day in ((1, date(2026, 11, 16)), (2, date(2026, 11, 25))):
        rounds.append(
            save_interview(
                InterviewDraft(
                    application_id=app_id,
                    day=day,
                    start=time(10),
                    end=time(11),
                    time_zone="Europe/Berlin",
                    round=round_,
                    people=(PersonDraft("<b>Dana</b> Lee", "Engineering manager"),),
                ),
                clock,
            )
        )
    save_debrief(
        rounds[0], DebriefDraft(meant_to_say="the migration I led at Foo & Bar"), clock.now()
    )
    return app_id, rounds[0], rounds[1]


def _dialog(qtbot: QtBot, interview_id: int) -> PreparationDialog:
    qtbot.waitUntil(lambda: interview_id in PreparationFlow.open_dialogs, timeout=5000)
    dialog = PreparationFlow.open_dialogs[interview_id]
    assert isinstance(dialog, PreparationDialog)
    return dialog


def test_the_reminder_opens_the_checklist_and_ticks_are_kept(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
    save_failures: list[tuple[str, str]],
) -> None:
    app_id, first, second = _rounds(clock)
    window = make_window()
    reminder = DueReminder(
        9, PREPARE, "Prepare", "", clock.now(), app_id, True, prep_subject(second)
    )
    window._open_reminder(reminder)
    dialog = _dialog(qtbot, second)
    # The person's name as typed (a check box shows plain text).
    (person,) = [key for key in dialog.boxes if key.startswith("person:")]
    assert dialog.boxes[person].text() == "Research <b>Dana</b> Lee (Engineering manager)"
    # "&" stays a character, not a keyboard accelerator (found by a walkthrough).
    assert dialog.boxes["meant:1"].text().endswith("the migration I led at Foo && Bar")
    dialog.boxes["examples"].click()
    qtbot.waitUntil(lambda: load_preparation(second).ticked == {"examples"}, timeout=5000)
    dialog.close()
    qtbot.waitUntil(lambda: second not in PreparationFlow.open_dialogs, timeout=5000)
    window.preparations.open(second)
    again = _dialog(qtbot, second)
    assert again.boxes["examples"].isChecked() and not again.boxes["questions"].isChecked()
    # The round before's debrief, a click away.
    opened: list[int] = []
    window.debriefs.open = opened.append  # type: ignore[method-assign]
    again.debrief_button.click()
    assert opened == [first]
    again.close()
    assert save_failures == []


def test_the_application_offers_the_checklist_for_a_further_round(
    qtbot: QtBot,
    database: peewee.SqliteDatabase,
    clock: FakeClock,
    make_window: Callable[[], MainWindow],
) -> None:
    app_id, first, second = _rounds(clock)
    window = make_window()
    detail = window.open_application(app_id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=5000)
    # Nothing chosen: the latest further round.
    detail.prepare_button.click()
    _dialog(qtbot, second).close()
    # The first round chosen: said why there is none.
    for row in range(detail.interview_model.rowCount()):
        if detail.interview_model.row_at(row).interview_id == first:
            detail.interview_table.selectRow(row)
    detail.prepare_button.click()
    assert "second round" in detail.error.text()
