"""Days are typed as people type them: a day number into the day of a date field.

A minimum or maximum on a QDateEdit makes Qt correct each keystroke that leaves the field
outside its range for a moment: with the interview on the 19th as the minimum, typing "25"
gave the 2nd's correction, never the 25th. So no date field has a bound that swallows
keystrokes; a day that cannot be taken is said in words when leaving or saving, with what
was typed kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDateEdit, QDialog
from pytestqt.qtbot import QtBot

from followthrough.domain.clock import FakeClock
from followthrough.store.models import Contact, Interview, InterviewParticipant
from followthrough.store.notes import load_note_context
from followthrough.store.queries import create_application
from followthrough.ui.common.ask import Ask, EditorDialog
from followthrough.ui.notes.composer import NoteComposerDialog
from followthrough.ui.notes.flow import NoteFlow
from followthrough.ui.offers.form import OfferDialog
from followthrough.ui.references.dialogs import ContactedDialog
from tests.helpers.dates import MONTH, type_into

BERLIN = ZoneInfo("Europe/Berlin")


def _composer(qtbot: QtBot, clock: FakeClock) -> NoteComposerDialog:
    """A note for an interview on Thu 19 Nov (the clock says Fri 20 Nov)."""
    app = create_application(clock, "Acme Robotics", "Data Engineer")
    ended = clock.now() - timedelta(hours=20)
    interview = Interview.create(
        application=app,
        starts_at=ended - timedelta(hours=1),
        ends_at=ended,
        time_zone="Europe/Berlin",
    )
    dana = Contact.create(name="Dana Lee", email="dana@acme.example", created_at=clock.now())
    InterviewParticipant.create(interview=interview, contact=dana, role="interviewer")
    fonts, problem = NoteFlow.fonts()
    dialog = NoteComposerDialog(
        load_note_context(interview.id, dana.id),
        fonts,
        problem,
        clock.now().date(),
        BERLIN,
        now=clock.now(),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize(("typed", "day"), [("25", 25), ("30", 30), ("27", 27)])
def test_a_promised_day_is_typed_whole(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock, typed: str, day: int
) -> None:
    dialog = _composer(qtbot, clock)
    assert dialog.note.interview_day == date(2026, 11, 19)
    type_into(dialog.promise_date, typed)
    assert dialog.promise_date.date() == QDate(2026, 11, day)
    assert dialog.parts().promised_on == date(2026, 11, day)
    assert dialog.promise_problem() is None


def test_a_promise_before_the_interview_is_refused_in_words_and_kept(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    dialog = _composer(qtbot, clock)
    type_into(dialog.promise_date, "12")  # Thu 12 Nov: a week before the interview
    assert dialog.promise_date.date() == QDate(2026, 11, 12)
    assert "Too early" in dialog.promise_help.text()
    dialog.send_email()
    assert "Change the promised day first" in dialog.error.text()
    assert dialog.promise_date.date() == QDate(2026, 11, 12)  # as typed


def test_without_a_plan_a_promise_on_or_before_the_interview_is_refused(
    qtbot: QtBot, database: peewee.SqliteDatabase, clock: FakeClock
) -> None:
    """No follow-up facts to judge by (the interview's plan could not be read): the field
    still takes any day, and one not after the interview is said to be too early."""
    dialog = _composer(qtbot, clock)
    dialog.note = replace(dialog.note, follow_up_facts=None)
    type_into(dialog.promise_date, "19")
    assert dialog.promise_problem() == "Too early: promise a day after the interview (Thu 19 Nov)."
    type_into(dialog.promise_date, "20")
    assert dialog.promise_problem() is None


def _answer_editor(answer: Callable[[EditorDialog], None]) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EditorDialog)
        try:
            answer(dialog)
        finally:
            if dialog.isVisible():  # a failed check: close it, the test then fails
                dialog.reject()

    QTimer.singleShot(0, run)


def test_a_start_day_is_typed_whole_and_a_past_one_is_refused(qtbot: QtBot) -> None:
    today = date(2026, 11, 20)
    seen: list[str] = []

    def answer(dialog: EditorDialog) -> None:
        editor = dialog.editor
        assert isinstance(editor, QDateEdit)
        type_into(editor, "3")
        type_into(editor, "Dec", MONTH)
        assert editor.date() == QDate(2026, 12, 3)
        type_into(editor, "25")
        type_into(editor, "Nov", MONTH)
        assert editor.date() == QDate(2026, 11, 25)  # the 2nd was never in between
        type_into(editor, "18")
        dialog.accept()  # the 18th has passed
        seen.append(dialog.error.text())
        assert dialog.isVisible() and editor.date() == QDate(2026, 11, 18)
        type_into(editor, "23")
        dialog.accept()

    _answer_editor(answer)
    assert OfferDialog.ask_start_day(None, today) == date(2026, 11, 23)
    assert seen == ["Wed 18 Nov has passed: your first day is today, Fri 20 Nov, or later."]


def test_a_day_asked_up_to_today_is_typed_whole_and_a_later_one_refused(qtbot: QtBot) -> None:
    today = date(2026, 11, 20)
    seen: list[str] = []

    def answer(dialog: EditorDialog) -> None:
        editor = dialog.editor
        assert isinstance(editor, QDateEdit)
        type_into(editor, "21")
        assert editor.date() == QDate(2026, 11, 21)  # not the 2nd
        dialog.accept()
        seen.append(dialog.error.text())
        assert dialog.isVisible()
        type_into(editor, "17")
        dialog.accept()

    _answer_editor(answer)
    assert Ask.day(None, "Mark as posted", "The day it was posted:", today) == date(2026, 11, 17)
    assert seen == ["Sat 21 Nov has not come yet: choose Fri 20 Nov or a day before."]


def test_the_day_a_reference_was_contacted_is_typed_whole(qtbot: QtBot) -> None:
    dialog = ContactedDialog("Priya", "Acme", date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.day, "21")
    assert dialog.day.date() == QDate(2026, 11, 21)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.day_error.isVisible()
    assert dialog.day_error.text() == (
        "Sat 21 Nov has not come yet: choose today, Fri 20 Nov, or a day before."
    )
    type_into(dialog.day, "19")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value()[0] == date(2026, 11, 19)


def test_no_date_field_has_a_bound_that_swallows_keystrokes() -> None:
    """Only the app's fixed far bounds (1970 to 2200) limit a date field."""
    import re
    from pathlib import Path

    import followthrough.ui as ui

    root = Path(ui.__file__).parent
    bounded = [
        f"{path.relative_to(root)}: {line.strip()}"
        for path in root.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\.set(Minimum|Maximum)(Date|DateTime)\(|\.setDateRange\(", line)
        and "EARLIEST_DAY" not in line
    ]
    assert bounded == []
